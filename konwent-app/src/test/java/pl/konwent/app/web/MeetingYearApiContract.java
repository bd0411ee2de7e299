package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Councils;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestClock;

/**
 * One year of a konwent over HTTP, on each engine, with the server's clock moved through it: the organiser
 * competition and its award (O1), the work plan adopted by the members' vote at the first meeting (O5), two
 * meetings with invitations, delegations (O3), attendance and the quorum it gives the votes held there (O4),
 * communiqués sent to the department and published (O2), and the calendar feed. Every answer is checked against
 * openapi.yaml.
 */
abstract class MeetingYearApiContract {
    /** The konwent's year starts in January 2027. */
    static final Instant NEW_YEAR = Instant.parse("2027-01-04T09:00:00Z");

    abstract DropwizardAppExtension<KonwentConfiguration> app();

    abstract TestClock clock();

    private Api anonymous;
    private Api admin;
    private Api department;
    /** The second account the award names: it acts for the secretariat too. */
    private Api assistant;
    private String konwent;
    private final List<String> m = new ArrayList<>();
    private final List<Api> rep = new ArrayList<>();

    @Test
    void aYearOfAKonwentFromTheCompetitionToThePublishedCommuniques() throws Exception {
        clock().set(NEW_YEAR);
        anonymous = new Api(app().getLocalPort());
        admin = anonymous.asAdmin();
        konwent = "rok" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent)).expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        Councils.Council council = Councils.appoint(admin, anonymous, department, konwent, konwent, 2027);
        m.addAll(council.memberIds());
        rep.addAll(council.representatives());
        for (int i = 5; i < 8; i++) {
            String kind = i % 2 == 0 ? "CIS" : "KIS";
            m.add(Declarations.acceptedMember(anonymous, council.any(), konwent, kind + " nr " + i, kind));
            rep.add(Accounts.withRole(admin, anonymous, konwent + "-rep" + i, konwent, "REPRESENTATIVE", m.get(i)));
        }

        Api organiser = competitionAwardedToItsApplicant();
        workPlanProposedByTheCouncil(council.any());

        // the first meeting: planned, changed, invited; delegations until the deadline, within limit and capacity
        JsonNode first = organiser.post(path("/meetings"), meeting("Posiedzenie Konwentu – marzec",
                "2027-03-10T10:00:00+01:00", "2027-03-10T16:00:00+01:00", 7, "2027-03-05T23:59:00+01:00"))
                .expect(201).json();
        String m1 = first.path("id").asText();
        assertThat(first.path("state").asText()).isEqualTo("PLANNED");
        assertThat(first.path("startsAt").asText()).isEqualTo("2027-03-10T10:00:00+01:00");
        assertThat(first.path("hybrid").asBoolean()).isTrue();
        assertThat(first.path("registered").path("placesLeft").asInt()).isEqualTo(7);
        rep.get(0).post(path("/meetings/" + m1 + "/registrations"), delegation(m.get(0), "Anna Nowak")).expect(409);
        department.post(path("/meetings"), meeting("Nie", "2027-03-11T10:00:00+01:00", "2027-03-11T12:00:00+01:00",
                null, null)).expect(403);
        Api.Reply read = anonymous.get(path("/meetings/" + m1)).expect(200);
        Map<String, Object> changed = meeting("Posiedzenie Konwentu w Pniewach", "2027-03-10T10:00:00+01:00",
                "2027-03-10T16:00:00+01:00", 7, "2027-03-05T23:59:00+01:00");
        organiser.put(path("/meetings/" + m1), changed, "If-Match", read.header("ETag")).expect(200);
        organiser.put(path("/meetings/" + m1), changed, "If-Match", read.header("ETag")).expect(412);

        JsonNode invited = organiser.post(path("/meetings/" + m1 + "/invitation"), null).expect(200).json();
        assertThat(invited.path("state").asText()).isEqualTo("INVITED");
        organiser.post(path("/meetings/" + m1 + "/invitation"), null).expect(409);
        JsonNode invitations = department.get(path("/meetings/" + m1 + "/invitations")).expect(200).json();
        assertThat(invitations.path("items").findValuesAsText("memberId")).containsExactlyInAnyOrderElementsOf(m);
        assertThat(invitations.path("items").findValues("recipients")).allMatch(n -> n.asInt() >= 1);

        registerDelegationsWithinLimitAndCapacity(organiser, m1);

        // the council calls the WORK_PLAN vote at the first meeting; it opens once the members are invited
        String workPlanVote = council.any().post(path("/work-plans/2027/vote"), Map.of("meetingId", m1))
                .expect(201).json().path("id").asText();
        assertThat(council.any().get(path("/work-plans/2027")).expect(200).json().path("state").asText())
                .isEqualTo("PROPOSED");
        council.any().post(path("/votes/" + workPlanVote + "/opening"), null).expect(200);
        assertThat(council.any().get(path("/work-plans/2027")).expect(200).json().path("state").asText())
                .isEqualTo("VOTING");
        council.any().put(path("/work-plans/2027"), workPlan("Zmiana w trakcie głosowania")).expect(409);

        // after the deadline no delegation changes
        clock().set("2027-03-06T08:00:00+01:00");
        rep.get(5).post(path("/meetings/" + m1 + "/registrations"), delegation(m.get(5), "Za późno")).expect(409);

        // attendance on the day: not before it; five of eight present, so the quorum of half is reached
        clock().set("2027-03-09T12:00:00+01:00");
        organiser.put(path("/meetings/" + m1 + "/attendance"), presence(0, 1, 2, 3, 4)).expect(409);
        clock().set("2027-03-10T10:30:00+01:00");
        JsonNode attendance = organiser.put(path("/meetings/" + m1 + "/attendance"), presence(0, 1, 2, 3, 4))
                .expect(200).json();
        assertThat(attendance.path("present")).hasSize(5);
        assertThat(attendance.path("present").findValuesAsText("mode")).containsOnly("IN_PERSON", "ONLINE");
        assertThat(attendance.path("quorum").path("members").asInt()).isEqualTo(8);
        assertThat(attendance.path("quorum").path("required").asInt()).isEqualTo(4);
        assertThat(attendance.path("quorum").path("reached").asBoolean()).isTrue();
        assertThat(anonymous.get(path("/meetings/" + m1 + "/attendance")).expect(200).json().path("quorum")
                .path("present").asInt()).isEqualTo(5);

        // the vote: only four ballots, but the quorum counts the five present
        ballot(workPlanVote, 0, "FOR");
        ballot(workPlanVote, 1, "FOR");
        ballot(workPlanVote, 2, "FOR");
        ballot(workPlanVote, 3, "AGAINST");
        council.any().post(path("/votes/" + workPlanVote + "/closing"), null).expect(200);
        JsonNode result = anonymous.get(path("/votes/" + workPlanVote + "/result")).expect(200).json();
        assertThat(result.path("quorumBasis").asText()).isEqualTo("ATTENDANCE");
        assertThat(result.path("present").asInt()).isEqualTo(5);
        assertThat(result.path("quorumReached").asBoolean()).isTrue();
        assertThat(result.path("adopted").asBoolean()).isTrue();

        // O5: the adopted plan is public
        JsonNode plan = anonymous.get(path("/work-plans/2027")).expect(200).json();
        assertThat(plan.path("state").asText()).isEqualTo("ADOPTED");
        assertThat(plan.path("schedule").findValuesAsText("plannedOn")).containsExactly("2027-03-10", "2027-06-15");
        assertThat(anonymous.get(path("/work-plans")).expect(200).json().path("items")).hasSize(1);

        // held, then the communiqué: written, sent to the department, published with the adopted resolution
        organiser.post(path("/meetings/" + m1 + "/completion"), null).expect(200);
        JsonNode communique = communiquePublished(organiser, m1, "Komunikat z posiedzenia w Pniewach");
        assertThat(communique.path("resolutions")).hasSize(1);
        JsonNode resolution = communique.path("resolutions").get(0);
        assertThat(resolution.path("voteId").asText()).isEqualTo(workPlanVote);
        assertThat(resolution.path("kind").asText()).isEqualTo("WORK_PLAN");
        assertThat(resolution.path("counts").path("for").asInt()).isEqualTo(3);
        assertThat(resolution.path("present").asInt()).isEqualTo(5);

        // the second meeting: online only for most; three present of eight is no quorum, whatever the ballots
        clock().set("2027-05-20T09:00:00+02:00");
        String m2 = organiser.post(path("/meetings"), meeting("Posiedzenie Konwentu – czerwiec",
                "2027-06-15T10:00:00+02:00", "2027-06-15T15:00:00+02:00", null, null)).expect(201).json()
                .path("id").asText();
        organiser.post(path("/meetings/" + m2 + "/invitation"), null).expect(200);
        rep.get(6).post(path("/meetings/" + m2 + "/registrations"), Map.of("memberId", m.get(6), "persons",
                List.of(Map.of("name", "Ewa Zielińska", "participation", "ONLINE")))).expect(201);
        String position = council.any().post(path("/votes"), Map.of("title", "Stanowisko w sprawie finansowania CIS",
                "kind", "POSITION", "text", "Konwent postuluje…", "secret", false, "meetingId", m2)).expect(201)
                .json().path("id").asText();
        council.any().post(path("/votes/" + position + "/opening"), null).expect(200);
        clock().set("2027-06-15T11:00:00+02:00");
        assertThat(organiser.put(path("/meetings/" + m2 + "/attendance"), presence(5, 6, 7)).expect(200).json()
                .path("quorum").path("reached").asBoolean()).isFalse();
        ballot(position, 5, "FOR");
        ballot(position, 6, "FOR");
        ballot(position, 7, "FOR");
        council.any().post(path("/votes/" + position + "/closing"), null).expect(200);
        JsonNode noQuorum = anonymous.get(path("/votes/" + position + "/result")).expect(200).json();
        assertThat(noQuorum.path("present").asInt()).isEqualTo(3);
        assertThat(noQuorum.path("quorumReached").asBoolean()).isFalse();
        assertThat(noQuorum.path("adopted").asBoolean()).isFalse();
        clock().set("2027-06-15T16:00:00+02:00");
        organiser.post(path("/meetings/" + m2 + "/completion"), null).expect(200);
        assertThat(communiquePublished(organiser, m2, "Komunikat z posiedzenia czerwcowego").path("resolutions"))
                .isEmpty();

        // a third meeting is called off; the calendar shows all three
        String m3 = organiser.post(path("/meetings"), meeting("Posiedzenie wrześniowe", "2027-09-20T10:00:00+02:00",
                "2027-09-20T14:00:00+02:00", null, null)).expect(201).json().path("id").asText();
        organiser.post(path("/meetings/" + m3 + "/invitation"), null).expect(200);
        assistant.post(path("/meetings/" + m3 + "/cancellation"), Map.of("reason", "Brak sali")).expect(200);
        organiser.post(path("/meetings/" + m3 + "/completion"), null).expect(409);

        assertThat(anonymous.get(path("/meetings?state=HELD")).expect(200).json().path("items")
                .findValuesAsText("id")).containsExactlyInAnyOrder(m1, m2);
        Api.Reply feed = anonymous.get(path("/meetings.ics")).expect(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        assertThat(feed.body()).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n",
                "DTSTART;TZID=Europe/Warsaw:20270920T100000\r\n");
        // its DTSTAMPs say when it was made, but a subscriber polling with the tag hears of changes only
        clock().advance(java.time.Duration.ofMinutes(5));
        anonymous.get(path("/meetings.ics"), "If-None-Match", feed.header("ETag")).expect(304);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        assertThat(events.stream().map(e -> property(e, "SUMMARY")))
                .contains("Posiedzenie Konwentu w Pniewach", "Posiedzenie wrześniowe");
        assertThat(events.stream().map(e -> property(e, "STATUS")))
                .containsExactlyInAnyOrder("CONFIRMED", "CONFIRMED", "CANCELLED");
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(net.fortuna.ical4j.model.Property::getValue).orElseThrow();
    }

    /** O1: announced, applied to (only by institutions running a CIS or KIS), awarded after the deadline. */
    private Api competitionAwardedToItsApplicant() {
        String organiserId = Accounts.create(admin, konwent + "-org");
        Api organiser = anonymous.as(konwent + "-org", Accounts.PASSWORD);
        String assistantId = Accounts.create(admin, konwent + "-org2");
        Api assistant = anonymous.as(konwent + "-org2", Accounts.PASSWORD);

        Map<String, Object> announcement = Map.of("year", 2027, "title", "Konkurs na organizatora Konwentu 2027",
                "grantAmount", 48000.5, "deadline", "2027-01-31T23:59:59+01:00");
        organiser.post(path("/organiser-competitions"), announcement).expect(403);
        Api.Reply announced = department.post(path("/organiser-competitions"), announcement).expect(201);
        String competition = announced.json().path("id").asText();
        assertThat(announced.json().path("grantAmount").decimalValue()).isEqualByComparingTo("48000.50");
        assertThat(announced.json().path("acceptsApplications").asBoolean()).isTrue();
        department.post(path("/organiser-competitions"), announcement).expect(409);
        String applications = path("/organiser-competitions/" + competition + "/applications");

        assertThat(anonymous.post(applications, application("Związek Konwentów", "REGIONAL_KONWENT")).expect(422)
                .json().path("detail").asText()).contains("CIS or KIS");
        anonymous.post(applications, application("Stowarzyszenie Na Rzecz Integracji", "KIS")).expect(201);
        String winner = organiser.post(applications, application("Fundacja Pniewy", "CIS")).expect(201).json()
                .path("id").asText();
        anonymous.unvalidatedRequest().get(applications).expect(401);
        assertThat(department.get(applications).expect(200).json().path("items")).hasSize(2);
        assertThat(department.get(applications + "/" + winner).expect(200).json().path("applicantAccountId")
                .asText()).isEqualTo(organiserId);

        String award = path("/organiser-competitions/" + competition + "/award");
        department.post(award, Map.of("applicationId", winner)).expect(409);
        clock().set("2027-02-01T09:00:00+01:00");
        anonymous.post(applications, application("Za późno", "CIS")).expect(409);
        organiser.post(path("/meetings"), meeting("Jeszcze nie", "2027-03-01T10:00:00+01:00",
                "2027-03-01T12:00:00+01:00", null, null)).expect(403);
        JsonNode awarded = department.post(award, Map.of("applicationId", winner, "accountIds", List.of(assistantId),
                "reason", "Najlepsza oferta")).expect(200).json();
        assertThat(awarded.path("state").asText()).isEqualTo("AWARDED");
        assertThat(awarded.path("award").path("institutionName").asText()).isEqualTo("Fundacja Pniewy");
        department.post(award, Map.of("applicationId", winner)).expect(409);
        assertThat(anonymous.get(path("/organiser-competitions/" + competition)).expect(200).json()
                .path("acceptsApplications").asBoolean()).isFalse();
        // the award is the role: listed with the account's roles, and it lasts until the next award, not revoked
        JsonNode roles = admin.get("/api/v1/accounts/" + organiserId + "/roles").expect(200).json();
        String grant = "secretariat-" + competition;
        assertThat(roles.path("items").findValuesAsText("id")).contains(grant);
        assertThat(admin.delete("/api/v1/accounts/" + organiserId + "/roles/" + grant).expect(422).json()
                .path("detail").asText()).contains("until the next award");
        this.assistant = assistant;
        return organiser;
    }

    /** O5: the council proposes; the plan is not public until adopted. */
    private void workPlanProposedByTheCouncil(Api councilMember) {
        department.put(path("/work-plans/2027"), workPlan("Plan")).expect(403);
        Api.Reply proposed = councilMember.put(path("/work-plans/2027"), workPlan("Ekonomia społeczna")).expect(201);
        assertThat(proposed.json().path("state").asText()).isEqualTo("PROPOSED");
        councilMember.put(path("/work-plans/2027"), workPlan("Ekonomia społeczna i reintegracja"), "If-Match",
                proposed.header("ETag")).expect(200);
        anonymous.get(path("/work-plans/2027")).expect(404);
        assertThat(anonymous.get(path("/work-plans")).expect(200).json().path("items")).isEmpty();
        rep.get(7).get(path("/work-plans/2027")).expect(200);
    }

    /** O3: two persons per delegation; the venue holds seven in person; changes until the deadline. */
    private void registerDelegationsWithinLimitAndCapacity(Api organiser, String meeting) {
        String registrations = path("/meetings/" + meeting + "/registrations");
        assertThat(rep.get(1).post(registrations, delegation(m.get(1), "Jan Kowalski", "Ewa Nowak", "Piotr Wiśniewski"))
                .expect(422).json().path("detail").asText()).contains("at most 2 persons");
        rep.get(1).post(registrations, delegation(m.get(0), "Cudza delegacja")).expect(403);
        rep.get(0).post(registrations, delegation(m.get(0), "Anna Nowak", "Jan Kowalski")).expect(201);
        rep.get(0).post(registrations, delegation(m.get(0), "Anna Nowak")).expect(409);
        rep.get(1).post(registrations, delegation(m.get(1), "Ewa Nowak", "Piotr Wiśniewski")).expect(201);
        rep.get(2).post(registrations, delegation(m.get(2), "Maria Wójcik", "Tomasz Lewandowski")).expect(201);
        // six of seven places taken: a delegation of two in person no longer fits, one in person and one online does
        assertThat(rep.get(3).post(registrations, delegation(m.get(3), "Katarzyna Kamińska", "Paweł Zieliński"))
                .expect(409).json().path("detail").asText()).contains("holds 7 persons");
        rep.get(3).post(registrations, Map.of("memberId", m.get(3), "persons", List.of(
                Map.of("name", "Katarzyna Kamińska", "participation", "IN_PERSON"),
                Map.of("name", "Paweł Zieliński", "participation", "ONLINE")))).expect(201);
        JsonNode registered = anonymous.get(path("/meetings/" + meeting)).expect(200).json().path("registered");
        assertThat(registered.path("members").asInt()).isEqualTo(4);
        assertThat(registered.path("persons").asInt()).isEqualTo(8);
        assertThat(registered.path("inPerson").asInt()).isEqualTo(7);
        assertThat(registered.path("placesLeft").asInt()).isZero();
        // a change that frees a place, and the representative reads its own registration
        Api.Reply own = rep.get(0).get(registrations + "/" + m.get(0)).expect(200);
        rep.get(0).put(registrations + "/" + m.get(0), delegation(m.get(0), "Anna Nowak"), "If-Match",
                own.header("ETag")).expect(200);
        rep.get(5).get(registrations + "/" + m.get(0)).expect(403);
        assertThat(organiser.get(registrations).expect(200).json().path("items")).hasSize(4);
        assertThat(anonymous.get(path("/meetings/" + meeting)).expect(200).json().path("registered")
                .path("placesLeft").asInt()).isEqualTo(1);
    }

    /** O2: the organiser writes, sends to the department and publishes; the public reads it once published. */
    private JsonNode communiquePublished(Api organiser, String meeting, String title) {
        String communique = path("/meetings/" + meeting + "/communique");
        anonymous.get(communique).expect(404);
        Api.Reply written = organiser.put(communique, Map.of("title", title, "text", "Uczestnicy posiedzenia "
                + "omówili współpracę z samorządami.")).expect(201);
        assertThat(written.json().path("state").asText()).isEqualTo("DRAFT");
        anonymous.get(communique).expect(404);
        organiser.post(communique + "/publication", null).expect(409);
        JsonNode sent = organiser.post(communique + "/sending", null).expect(200).json();
        assertThat(sent.path("state").asText()).isEqualTo("SENT");
        assertThat(sent.path("sentTo").asInt()).isEqualTo(1);
        organiser.post(communique + "/publication", null).expect(200);
        organiser.put(communique, Map.of("title", title, "text", "Zmiana po publikacji")).expect(409);
        JsonNode published = anonymous.get(communique).expect(200).json();
        assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("title").asText()).isEqualTo(title);
        return published;
    }

    private void ballot(String vote, int member, String choice) {
        rep.get(member).post(path("/votes/" + vote + "/ballots"), Map.of("memberId", m.get(member), "choice", choice))
                .expect(201);
    }

    /** Members present by index: even ones in person, odd ones online. */
    private Map<String, Object> presence(int... members) {
        List<Map<String, Object>> present = new ArrayList<>();
        for (int i : members) {
            present.add(Map.of("memberId", m.get(i), "mode", i % 2 == 0 ? "IN_PERSON" : "ONLINE"));
        }
        return Map.of("present", present);
    }

    private static Map<String, Object> delegation(String memberId, String... names) {
        return Map.of("memberId", memberId, "persons", java.util.Arrays.stream(names)
                .map(name -> Map.of("name", name)).toList());
    }

    private static Map<String, Object> application(String institution, String kind) {
        return Map.of("institutionName", institution, "runs", List.of(Map.of("kind", kind, "name", kind + " przy "
                + institution)), "offer", "Sala na 120 osób, transmisja online, catering.", "contact",
                Map.of("name", "Jan Kowalski", "email", "jan@example.pl"));
    }

    private static Map<String, Object> workPlan(String theme) {
        return Map.of("themes", List.of(Map.of("title", theme, "description", "Wymiana doświadczeń")),
                "schedule", List.of(Map.of("plannedOn", "2027-03-10", "title", "Posiedzenie wiosenne", "place",
                        "Pniewy"), Map.of("plannedOn", "2027-06-15", "title", "Posiedzenie letnie")));
    }

    private static Map<String, Object> meeting(String title, String startsAt, String endsAt, Integer capacity,
                                               String registrationDeadline) {
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("title", title);
        meeting.put("startsAt", startsAt);
        meeting.put("endsAt", endsAt);
        meeting.put("venue", Map.of("name", "Sala konferencyjna", "address", "ul. Poznańska 1, 62-045 Pniewy"));
        meeting.put("onlineUrl", "https://meet.example.pl/konwent");
        meeting.put("scope", "Ekonomia społeczna; współpraca z samorządami");
        meeting.put("agenda", List.of(Map.of("title", "Otwarcie"), Map.of("title", "Głosowania",
                "description", "Plan pracy")));
        meeting.put("delegationLimit", 2);
        if (capacity != null) {
            meeting.put("capacity", capacity);
        }
        if (registrationDeadline != null) {
            meeting.put("registrationDeadline", registrationDeadline);
        }
        return meeting;
    }

    private String path(String tail) {
        return "/api/v1/konwents/" + konwent + tail;
    }
}
