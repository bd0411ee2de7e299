package pl.konwent.adapters.web.meetings;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import pl.konwent.adapters.web.http.Hashes;
import pl.konwent.adapters.web.publication.PortalPaths;
import pl.konwent.domain.calendar.CalendarService;
import pl.konwent.domain.calendar.Obligation;
import pl.konwent.domain.meetings.MeetingService;

/**
 * A konwent's meetings and public obligations (issue 23: deadlines, duties and public tasks, as to-dos with alarms)
 * from a year back on as an iCalendar feed, for calendar programs to subscribe to.
 */
@Path("/api/v1/konwents/{konwentId}/meetings.ics")
public final class MeetingCalendarResource {
    static final String CALENDAR = "text/calendar";
    /**
     * Changed whenever the feed's form changes (2: Europe/Warsaw times, CONFERENCE; 3: obligations as VTODO), so
     * subscribers fetch anew.
     */
    private static final String FORMAT = "3";

    private final MeetingService meetings;
    private final CalendarService obligations;
    private final Clock clock;

    public MeetingCalendarResource(MeetingService meetings, CalendarService obligations, Clock clock) {
        this.meetings = meetings;
        this.obligations = obligations;
        this.clock = clock;
    }

    @GET
    @Produces(CALENDAR)
    public Response calendar(@PathParam("konwentId") String konwentId, @Context UriInfo uri) {
        MeetingService.Calendar calendar = meetings.calendar(konwentId);
        List<Obligation> due = obligations.published(calendar.konwent());
        String text = MeetingCalendar.of(konwentId, calendar.konwent().name(), calendar.meetings(), due,
                obligations.reminderDays(), PortalPaths.meetings(uri.getBaseUri(), konwentId),
                clock.instant());
        return Response.ok(text, CALENDAR + "; charset=utf-8").tag(versionOf(calendar, due)).build();
    }

    /**
     * A weak tag from the meetings' versions: the feed's DTSTAMPs say when it was made, so two bodies differ
     * while nothing in them changed; a subscriber polling with If-None-Match gets 304 until a meeting changes
     * or an obligation (its day, title or status: computed, so it has no version) (or the feed's {@link #FORMAT}).
     */
    private static EntityTag versionOf(MeetingService.Calendar calendar, List<Obligation> due) {
        StringBuilder versions = new StringBuilder(FORMAT + ";" + calendar.konwent().id() + ":"
                + calendar.konwent().version());
        calendar.meetings().forEach(m -> versions.append(';').append(m.id()).append(':').append(m.version()));
        due.forEach(o -> versions.append(';').append(o.id()).append(':').append(o.dueOn()).append(':')
                .append(o.status()).append(':').append(o.title()).append(':').append(o.description()));
        return new EntityTag(Hashes.sha256Base64Url(versions.toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 27), true);
    }
}
