package pl.konwent.adapters.web.meetings;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import pl.konwent.domain.meetings.MeetingService;

/** A konwent's meetings from a year back on as an iCalendar feed, for calendar programs to subscribe to. */
@Path("/api/v1/konwents/{konwentId}/meetings.ics")
public final class MeetingCalendarResource {
    static final String CALENDAR = "text/calendar";

    private final MeetingService meetings;
    private final Clock clock;

    public MeetingCalendarResource(MeetingService meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @GET
    @Produces(CALENDAR)
    public Response calendar(@PathParam("konwentId") String konwentId, @Context UriInfo uri) {
        MeetingService.Calendar calendar = meetings.calendar(konwentId);
        String text = MeetingCalendar.of(konwentId, calendar.konwent().name(), calendar.meetings(),
                uri.getBaseUriBuilder().path("api/v1/konwents").path(konwentId).path("meetings/").build(),
                clock.instant());
        return Response.ok(text, CALENDAR + "; charset=utf-8").build();
    }
}
