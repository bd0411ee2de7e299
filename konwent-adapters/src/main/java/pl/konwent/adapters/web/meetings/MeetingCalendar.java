package pl.konwent.adapters.web.meetings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.parameter.Label;
import net.fortuna.ical4j.model.parameter.Related;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Due;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import pl.konwent.domain.calendar.Obligation;
import pl.konwent.domain.meetings.Meeting;
import pl.konwent.domain.shared.PolishTime;

/**
 * A konwent's meetings as an iCalendar (RFC 5545) feed, for subscribing to from a calendar program: times in
 * Europe/Warsaw (TZID, with its VTIMEZONE), the online link as an RFC 7986 CONFERENCE (a "join" button) and the
 * meeting's page as URL.
 */
public final class MeetingCalendar {
    private static final String UID_DOMAIN = "@konwent-api";
    /** Our zone's definition from ical4j's bundled tz data (never fetched: see ical4j.properties). */
    private static final VTimeZone WARSAW = TimeZoneRegistryFactory.getInstance().createRegistry()
            .getTimeZone(PolishTime.ZONE.getId()).getVTimeZone();
    private static final String JOIN_LABEL = "Dołącz online";
    private static final int MAX_LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private MeetingCalendar() {
    }

    /** {@code meetingsBase} ends with a slash, so that a meeting's id resolves beneath it. */
    public static String of(String konwentId, String konwentName, List<Meeting> meetings, URI meetingsBase,
                            Instant now) {
        return of(konwentId, konwentName, meetings, List.of(), 0, meetingsBase, now);
    }

    /**
     * The meetings as events and the konwent's public obligations (issue 23) as to-dos due on their day, each
     * still open one with an alarm {@code alarmDaysBefore} days before it is due (none when 0).
     */
    public static String of(String konwentId, String konwentName, List<Meeting> meetings,
                            List<Obligation> obligations, int alarmDaysBefore, URI meetingsBase, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Konwent API//Meetings//PL"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", plainText(konwentName + " – posiedzenia")));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Europe/Warsaw"));
        // Lets Apple Calendar recognise a re-subscribed feed as the same calendar.
        calendar.add(new XProperty("X-WR-RELCALID", konwentId + UID_DOMAIN));
        calendar.add(WARSAW);
        for (Meeting meeting : meetings) {
            calendar.add(event(meeting, meetingsBase, now));
        }
        for (Obligation obligation : obligations) {
            calendar.add(todo(konwentId, obligation, alarmDaysBefore, now));
        }
        // Not CalendarOutputter: it folds at 75 UTF-16 chars, not octets, so Polish text overruns RFC 5545's limit
        // and a fold may split an emoji's surrogate pair. ical4j still does all the escaping.
        return foldedToOctets(calendar.toString());
    }

    private static VEvent event(Meeting meeting, URI meetingsBase, Instant now) {
        Meeting.Details details = meeting.details();
        // false: ical4j would otherwise stamp the event with the wall clock instead of our `now`.
        VEvent event = new VEvent(false);
        event.add(new Uid(meeting.id() + UID_DOMAIN));
        event.add(new DtStamp(now));
        event.add(new DtStart<>(details.startsAt().atZone(PolishTime.ZONE)));
        event.add(new DtEnd<>(details.endsAt().atZone(PolishTime.ZONE)));
        event.add(new Summary(plainText(details.title())));
        event.add(new Location(plainText(location(details.venue()))));
        String description = description(details);
        if (!description.isEmpty()) {
            event.add(new Description(plainText(description)));
        }
        if (details.onlineUrl() != null) {
            event.add(new Conference(new ParameterList(List.of(Value.URI, new AudioAndVideo(), new Label(JOIN_LABEL))),
                    details.onlineUrl()));
        }
        event.add(new Url(meetingsBase.resolve(meeting.id())));
        event.add(status(meeting.state()));
        event.add(new Sequence(Math.toIntExact(meeting.version())));
        event.add(new Created(meeting.createdAt()));
        return event;
    }

    /**
     * RFC 5545 §3.6.2: a VTODO with a DUE date (VALUE=DATE: due on the day, in whatever zone the reader is) and, while
     * open, a VALARM (§3.6.6: ACTION, TRIGGER and, for DISPLAY, DESCRIPTION) relative to DUE (RELATED=END).
     */
    private static VToDo todo(String konwentId, Obligation obligation, int alarmDaysBefore, Instant now) {
        VToDo todo = new VToDo(false);
        todo.add(new Uid(konwentId + "/" + obligation.id() + UID_DOMAIN));
        todo.add(new DtStamp(now));
        todo.add(new Due<>(obligation.dueOn()));
        todo.add(new Summary(plainText(obligation.title())));
        if (obligation.description() != null) {
            todo.add(new Description(plainText(obligation.description())));
        }
        todo.add(new Categories(obligation.kind().name()));
        boolean done = obligation.status() == Obligation.Status.DONE;
        todo.add(done ? ImmutableStatus.VTODO_COMPLETED : ImmutableStatus.VTODO_NEEDS_ACTION);
        if (!done && alarmDaysBefore > 0) {
            VAlarm alarm = new VAlarm();
            alarm.add(new Trigger(new ParameterList(List.of(Related.END)), java.time.Period.ofDays(-alarmDaysBefore)));
            alarm.add(ImmutableAction.DISPLAY);
            alarm.add(new Description(plainText(obligation.title())));
            todo.add(alarm);
        }
        return todo;
    }

    private static String location(Meeting.Venue venue) {
        return venue.address() == null ? venue.name() : venue.name() + ", " + venue.address();
    }

    private static String description(Meeting.Details details) {
        List<String> paragraphs = new ArrayList<>();
        if (details.scope() != null && !details.scope().isBlank()) {
            paragraphs.add(details.scope());
        }
        if (!details.agenda().isEmpty()) {
            List<Meeting.AgendaItem> agenda = details.agenda();
            paragraphs.add("Porządek obrad:\n" + IntStream.range(0, agenda.size())
                    .mapToObj(i -> (i + 1) + ". " + agendaLine(agenda.get(i)))
                    .collect(Collectors.joining("\n")));
        }
        if (details.onlineUrl() != null) {
            paragraphs.add("Transmisja online: " + details.onlineUrl());
        }
        return String.join("\n\n", paragraphs);
    }

    private static String agendaLine(Meeting.AgendaItem item) {
        boolean described = item.description() != null && !item.description().isBlank();
        return described ? item.title() + " – " + item.description() : item.title();
    }

    private static Status status(Meeting.State state) {
        return switch (state) {
            case PLANNED -> ImmutableStatus.VEVENT_TENTATIVE;
            case INVITED, HELD -> ImmutableStatus.VEVENT_CONFIRMED;
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
        };
    }

    /** ical4j escapes LF but writes a lone CR raw, which ends the content line early and breaks the whole feed. */
    private static String plainText(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String foldedToOctets(String contentLines) {
        StringBuilder folded = new StringBuilder(contentLines.length() + contentLines.length() / 16);
        for (String line : contentLines.split(CRLF)) {
            int octets = 0;
            for (int at = 0; at < line.length(); ) {
                int codePoint = line.codePointAt(at);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_LINE_OCTETS) {
                    folded.append(CRLF).append(' ');
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                at += Character.charCount(codePoint);
            }
            folded.append(CRLF);
        }
        return folded.toString();
    }

    /**
     * {@code FEATURE=AUDIO,VIDEO}: a list of two values (RFC 7986 §6.3). ical4j's own Feature parameter writes it
     * quoted, {@code "AUDIO,VIDEO"}, which parsers read as one unknown feature.
     */
    private static final class AudioAndVideo extends Parameter {
        AudioAndVideo() {
            super(Parameter.FEATURE);
        }

        @Override
        public String getValue() {
            return "AUDIO,VIDEO";
        }
    }
}
