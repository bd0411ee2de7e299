package pl.konwent.adapters.web.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.ValidationWarnings;
import biweekly.io.ParseWarning;
import biweekly.io.TimezoneAssignment;
import biweekly.parameter.Feature;
import java.util.ArrayList;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.meetings.Meeting;

class MeetingCalendarTest {
    private static final URI MEETINGS = URI.create("http://host/api/v1/konwents/lodzki/meetings/");
    private static final Instant NOW = Instant.parse("2025-03-01T08:30:00Z");
    private static final Instant CREATED = Instant.parse("2025-01-10T12:00:00Z");

    private static final String LONG_SCOPE = "Sprawozdanie z działalności Rady za rok 2024, przyjęcie planu pracy "
            + "na rok 2025; wybór przedstawicieli do zespołów roboczych, w tym do zespołu ds. współpracy "
            + "z samorządem województwa łódzkiego – zgłoszenia kandydatów przyjmuje sekretariat.";

    private final Meeting cancelled = meeting("a1b2c3d4-0000-4000-8000-000000000001", Meeting.State.CANCELLED, 2,
            new Meeting.Details("Posiedzenie nadzwyczajne", Instant.parse("2025-02-20T16:00:00Z"),
                    Instant.parse("2025-02-20T18:00:00Z"), new Meeting.Venue("Urząd Miasta Łodzi", null), null,
                    "Sprawy bieżące", List.of(), 2, null, null));
    private final Meeting hybrid = meeting("a1b2c3d4-0000-4000-8000-000000000002", Meeting.State.INVITED, 5,
            new Meeting.Details("Zgromadzenie: przyjęcie planu; sprawy różne, wolne wnioski",
                    Instant.parse("2025-03-15T09:00:00Z"), Instant.parse("2025-03-15T14:30:00Z"),
                    new Meeting.Venue("Ośrodek Pomocy Społecznej w Łodzi", "ul. Żółkiewskiego 3; sala nr 2"),
                    "https://meet.example.org/konwent-lodzki?room=2&lang=pl", LONG_SCOPE,
                    List.of(new Meeting.AgendaItem("Otwarcie posiedzenia", null),
                            new Meeting.AgendaItem("Plan pracy", "dyskusja, głosowanie; uchwała nr 3/2025"),
                            new Meeting.AgendaItem("Wolne wnioski", " ")),
                    2, 40, null));
    private final Meeting planned = meeting("a1b2c3d4-0000-4000-8000-000000000003", Meeting.State.PLANNED, 0,
            new Meeting.Details("Posiedzenie czerwcowe", Instant.parse("2025-06-05T08:00:00Z"),
                    Instant.parse("2025-06-05T10:00:00Z"), new Meeting.Venue("Biblioteka Miejska", "Łódź"), null,
                    null, List.of(new Meeting.AgendaItem("Sprawozdania", null)), 1, null, null));

    @Test
    void eachMeetingIsOneEventIdentifiedByItsIdAndTimedInWarsaw() throws Exception {
        String ics = feed(cancelled, hybrid, planned);
        List<VEvent> events = parse(ics).getComponents("VEVENT");

        assertThat(events).extracting(event -> value(event, "UID")).containsExactly(
                "a1b2c3d4-0000-4000-8000-000000000001@konwent-api",
                "a1b2c3d4-0000-4000-8000-000000000002@konwent-api",
                "a1b2c3d4-0000-4000-8000-000000000003@konwent-api");
        assertThat(events).extracting(event -> instant(event, "DTSTART")).containsExactly(
                cancelled.details().startsAt(), hybrid.details().startsAt(), planned.details().startsAt());
        assertThat(events).extracting(event -> instant(event, "DTEND")).containsExactly(
                cancelled.details().endsAt(), hybrid.details().endsAt(), planned.details().endsAt());
        // 09:00Z is 10:00 in winter (CET), 08:00Z is 10:00 in summer (CEST)
        assertThat(ics).contains("DTSTART;TZID=Europe/Warsaw:20250315T100000\r\n",
                "DTSTART;TZID=Europe/Warsaw:20250605T100000\r\n", "BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n");
    }

    /** biweekly, an iCalendar parser independent of ical4j, reads what calendar programs read. */
    @Test
    void anIndependentParserReadsTheZoneTheJoinLinkAndThePageWithoutWarnings() {
        List<List<ParseWarning>> parseWarnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(feed(cancelled, hybrid, planned)).warnings(parseWarnings).first();

        assertThat(parseWarnings).allSatisfy(warnings -> assertThat(warnings).isEmpty());
        ValidationWarnings validation = calendar.validate(ICalVersion.V2_0);
        assertThat(validation.isEmpty()).as(validation.toString()).isTrue();
        List<biweekly.component.VEvent> events = calendar.getEvents();
        assertThat(events).hasSize(3);
        assertThat(events).extracting(event -> event.getDateStart().getValue().toInstant()).containsExactly(
                cancelled.details().startsAt(), hybrid.details().startsAt(), planned.details().startsAt());
        assertThat(events).extracting(event -> event.getDateEnd().getValue().toInstant()).containsExactly(
                cancelled.details().endsAt(), hybrid.details().endsAt(), planned.details().endsAt());
        TimezoneAssignment zone = calendar.getTimezoneInfo().getTimezone(events.get(1).getDateStart());
        assertThat(zone.getComponent().getTimezoneId().getValue()).isEqualTo("Europe/Warsaw");
        assertThat(zone.getTimeZone().getOffset(hybrid.details().startsAt().toEpochMilli())).isEqualTo(3_600_000);
        assertThat(zone.getTimeZone().getOffset(planned.details().startsAt().toEpochMilli())).isEqualTo(7_200_000);

        assertThat(events.get(0).getConferences()).isEmpty();
        List<biweekly.property.Conference> conferences = events.get(1).getConferences();
        assertThat(conferences).hasSize(1);
        biweekly.property.Conference join = conferences.get(0);
        assertThat(join.getUri()).isEqualTo("https://meet.example.org/konwent-lodzki?room=2&lang=pl");
        assertThat(join.getFeatures()).containsExactly(Feature.AUDIO, Feature.VIDEO);
        assertThat(join.getLabel()).isEqualTo("Dołącz online");
        assertThat(events.get(1).getUrl().getValue())
                .isEqualTo("http://host/api/v1/konwents/lodzki/meetings/a1b2c3d4-0000-4000-8000-000000000002");
    }

    /** RFC 5545's rules for each component; not iTIP's (RFC 5546) for METHOD:PUBLISH, which want an ORGANIZER. */
    @Test
    void ical4jsValidatorFindsNothingWrongWithTheEventsAndTheZone() throws Exception {
        Calendar calendar = parse(feed(cancelled, hybrid, planned));

        List<CalendarComponent> components = calendar.getComponents();
        assertThat(components).extracting(CalendarComponent::getName)
                .containsExactly("VTIMEZONE", "VEVENT", "VEVENT", "VEVENT");
        assertThat(components).allSatisfy(component -> {
            ValidationResult result = component.validate();
            assertThat(result.hasErrors()).as(result.toString()).isFalse();
        });
    }

    @Test
    void polishTextWithCommasSemicolonsAndNewlinesSurvivesEscapingAndFoldingExactly() throws Exception {
        VEvent event = onlyEvent(feed(hybrid));

        assertThat(value(event, "SUMMARY")).isEqualTo("Zgromadzenie: przyjęcie planu; sprawy różne, wolne wnioski");
        assertThat(value(event, "LOCATION"))
                .isEqualTo("Ośrodek Pomocy Społecznej w Łodzi, ul. Żółkiewskiego 3; sala nr 2");
        assertThat(value(event, "DESCRIPTION")).isEqualTo(LONG_SCOPE + "\n"
                + "\n"
                + "Porządek obrad:\n"
                + "1. Otwarcie posiedzenia\n"
                + "2. Plan pracy – dyskusja, głosowanie; uchwała nr 3/2025\n"
                + "3. Wolne wnioski\n"
                + "\n"
                + "Transmisja online: https://meet.example.org/konwent-lodzki?room=2&lang=pl");
    }

    @Test
    void locationIsTheVenueAloneWhenItHasNoAddress() throws Exception {
        VEvent event = onlyEvent(feed(cancelled));

        assertThat(value(event, "LOCATION")).isEqualTo("Urząd Miasta Łodzi");
    }

    @Test
    void descriptionWithoutScopeStartsWithTheAgenda() throws Exception {
        VEvent event = onlyEvent(feed(planned));

        assertThat(value(event, "DESCRIPTION")).isEqualTo("Porządek obrad:\n1. Sprawozdania");
    }

    @Test
    void statusTellsWhetherTheMeetingIsStillOnlyPlanned() throws Exception {
        Meeting held = hybrid.held(Instant.parse("2025-03-15T14:30:00Z"));
        List<VEvent> events = parse(feed(planned, hybrid, held, cancelled)).getComponents("VEVENT");

        assertThat(events).extracting(event -> value(event, "STATUS"))
                .containsExactly("TENTATIVE", "CONFIRMED", "CONFIRMED", "CANCELLED");
    }

    @Test
    void eventLinksToTheMeetingUnderTheMeetingsBase() throws Exception {
        VEvent event = onlyEvent(feed(hybrid));

        assertThat(value(event, "URL"))
                .isEqualTo("http://host/api/v1/konwents/lodzki/meetings/a1b2c3d4-0000-4000-8000-000000000002");
    }

    @Test
    void sequenceFollowsTheMeetingVersionSoCalendarsTakeTheNewestEdit() throws Exception {
        VEvent event = onlyEvent(feed(hybrid));

        assertThat(value(event, "SEQUENCE")).isEqualTo("5");
        assertThat(instant(event, "DTSTAMP")).isEqualTo(NOW);
        assertThat(instant(event, "CREATED")).isEqualTo(CREATED);
    }

    @Test
    void calendarIsAPublishedGregorianFeedNamedAfterTheKonwent() throws Exception {
        Calendar calendar = parse(feed(hybrid));

        assertThat(value(calendar, "PRODID")).isEqualTo("-//Konwent API//Meetings//PL");
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(value(calendar, "CALSCALE")).isEqualTo("GREGORIAN");
        assertThat(value(calendar, "METHOD")).isEqualTo("PUBLISH");
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Konwent Łódzki, Rada; 2025 – posiedzenia");
        assertThat(value(calendar, "X-WR-TIMEZONE")).isEqualTo("Europe/Warsaw");
    }

    @Test
    void emptyListStillGivesAValidCalendar() throws Exception {
        assertThat(parse(feed()).getComponents("VEVENT")).isEmpty();
    }

    @Test
    void everyLineEndsWithCrlf() {
        String ics = feed(cancelled, hybrid, planned);

        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void longPolishLinesAreFoldedToAtMostSeventyFiveOctets() {
        String ics = feed(cancelled, hybrid, planned);
        List<String> lines = List.of(ics.split("\r\n"));

        assertThat(lines).anyMatch(line -> line.startsWith(" "));
        assertThat(lines).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void foldingNeverSplitsACharacterOutsideTheBasicPlane() throws Exception {
        String title = "Piknik rodzinny 🎉🎈🎂 ".repeat(8).strip();
        Meeting festive = meeting("a1b2c3d4-0000-4000-8000-000000000004", Meeting.State.INVITED, 1,
                new Meeting.Details(title, NOW, NOW.plusSeconds(3600), new Meeting.Venue("Park Źródliska", null),
                        null, null, List.of(), 1, null, null));

        VEvent event = onlyEvent(feed(festive));

        assertThat(value(event, "SUMMARY")).isEqualTo(title);
    }

    @Test
    void carriageReturnsInTheOrganisersTextDoNotBreakTheFeed() throws Exception {
        Meeting typedOnWindows = meeting("a1b2c3d4-0000-4000-8000-000000000005", Meeting.State.PLANNED, 0,
                new Meeting.Details("Posiedzenie", NOW, NOW.plusSeconds(3600), new Meeting.Venue("Sala", null),
                        null, "Pierwszy akapit.\r\nDrugi akapit.\rTrzeci.", List.of(), 1, null, null));

        VEvent event = onlyEvent(feed(typedOnWindows));

        assertThat(value(event, "DESCRIPTION")).isEqualTo("Pierwszy akapit.\nDrugi akapit.\nTrzeci.");
    }

    private static Meeting meeting(String id, Meeting.State state, long version, Meeting.Details details) {
        return new Meeting(id, new KonwentId("lodzki"), details, state, null, null, null, null,
                Meeting.Registered.NONE, null, CREATED, version);
    }

    private static String feed(Meeting... meetings) {
        return MeetingCalendar.of("lodzki", "Konwent Łódzki, Rada; 2025", List.of(meetings), MEETINGS, NOW);
    }

    /** Through UTF-8 bytes, as a calendar program receives it: a split surrogate pair would not survive that. */
    private static Calendar parse(String ics) throws Exception {
        InputStream body = new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8));
        return new CalendarBuilder().build(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    private static VEvent onlyEvent(String ics) throws Exception {
        List<VEvent> events = parse(ics).getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String value(PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElseThrow();
    }

    private static Instant instant(VEvent event, String name) {
        DateProperty<Temporal> property = event.<DateProperty<Temporal>>getProperty(name).orElseThrow();
        return Instant.from(property.getDate());
    }
}
