package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VToDo;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Councils;
import pl.konwent.app.testing.Receiver;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * Issue 23, done when: a konwent's year lived through the API (declarations, council, competition, meetings, work
 * plan) with the servers' clock moved through it ends with the council term lapsing on its own, and a reminder went
 * out before each deadline still open: once, by e-mail through the outbox and as an {@code obligation.due} webhook
 * event, though two instances run the reminders on one database the whole year and both are restarted midway.
 */
class CalendarYearTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String REPORT = "Sprawozdanie z realizacji ustawy o zatrudnieniu socjalnym";

    private final TestClock clock = new TestClock(java.time.Instant.parse("2027-01-04T08:00:00Z"));
    private final TestDatabases.TestDatabase database = TestDatabases.empty(TestDatabases.Engine.H2);
    private final List<DropwizardTestSupport<KonwentConfiguration>> running = new ArrayList<>();
    private final Receiver receiver = new Receiver();
    private final String konwent = "kal" + UUID.randomUUID().toString().substring(0, 8);

    private Api anonymous;
    private Api admin;
    private Api department;
    private Api councillor;
    private Api organiser;
    private List<String> members;
    /** The reminders expected so far, by obligation id; the public ones also as webhook events. */
    private final Set<String> reminded = new java.util.TreeSet<>();
    private int publicReminders;
    private String webhook;

    @AfterEach
    void stopAll() {
        stopInstances();
        receiver.close();
    }

    @Test
    void aYearOfTheKonwentRemindsOfEachDeadlineOnceAndEndsWithTheTermLapsing() throws Exception {
        startTwoInstances();
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent,
                "declarationDeadline", "2027-03-31")).expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        Councils.Council council = Councils.appoint(admin, anonymous, department, konwent, konwent, 2027);
        members = council.memberIds();
        councillor = council.any();
        webhook = department.post(path("/webhooks"), Map.of("url", receiver.url("/hook"),
                "events", List.of("obligation.due"))).expect(201).json().path("id").asText();
        Accounts.create(admin, konwent + "-org");
        organiser = anonymous.as(konwent + "-org", Accounts.PASSWORD);
        String competition = department.post(path("/organiser-competitions"), Map.of("year", 2027, "title",
                "Konkurs na organizatora 2027", "grantAmount", 40000, "deadline", "2027-01-31T23:59:59+01:00"))
                .expect(201).json().path("id").asText();
        String application = organiser.post(path("/organiser-competitions/" + competition + "/applications"),
                Map.of("institutionName", "Fundacja Pniewy", "runs", List.of(Map.of("kind", "CIS", "name",
                        "CIS w Pniewach")), "offer", "Sala i transmisja.", "contact", Map.of("name",
                        "Jan Kowalski", "email", "jan@example.pl"))).expect(201).json().path("id").asText();

        // the council and the department add tasks of their own; who may, and who sees the internal one
        String report = department.post(path("/calendar/tasks"), task(REPORT, "2027-06-30", "PUBLIC")).expect(201)
                .json().path("id").asText();
        String internal = councillor.post(path("/calendar/tasks"), task("Narada rady o budżecie", "2027-04-15",
                null)).expect(201).json().path("id").asText();
        String july = councillor.post(path("/calendar/tasks"), task("Ankieta dla członków", "2027-07-01",
                "PUBLIC")).expect(201).json().path("id").asText();
        String dropped = department.post(path("/calendar/tasks"), task("Pomyłka", "2027-02-01", "PUBLIC"))
                .expect(201).json().path("id").asText();
        department.delete(path("/calendar/tasks/" + dropped)).expect(204);
        department.delete(path("/calendar/tasks/" + dropped)).expect(404);
        tasksAreKeptByTheCouncilAndTheDepartmentOnly(internal);
        // the portals' feeds carry the public tasks, never the internal one
        assertThat(anonymous.get(path("/feed.json")).expect(200).body()).contains(REPORT, "Termin: 30.06.2027")
                .doesNotContain("Narada rady o budżecie");
        assertThat(anonymous.get(path("/feed.atom")).expect(200).body()).contains(REPORT, "label=\"Kalendarz\"");

        // the calendar, computed: M3, O1, C5, C2, C3, O5 and the tasks, earliest first
        assertThat(ids(councillor.get(path("/calendar?to=2027-12-31")).expect(200).json())).containsExactly(
                "COMPETITION_DEADLINE:" + competition, "OFFICERS:2027", "COMPETITION_AWARD:" + competition,
                "DECLARATIONS_CLOSE:2027-03-31", "TASK:" + internal, "TASK:" + report, "TASK:" + july,
                "ELECTION:2028", "TERM_END:2027", "WORK_PLAN:2028");
        assertThat(ids(anonymous.get(path("/calendar?to=2027-12-31")).expect(200).json()))
                .doesNotContain("TASK:" + internal).hasSize(9);
        listFiltersAndPages();
        feedCarriesThePublicObligationsAsToDosWithAlarms(internal);

        // a week before the competition's deadline and the officers' election
        at("2027-01-26T09:00:00+01:00");
        awaitReminders(Set.of("COMPETITION_DEADLINE:" + competition, "OFFICERS:2027"), 2);
        assertThat(status("OFFICERS:2027")).isEqualTo("OPEN");
        councillor.post(path("/council-terms/2027/officers"), Map.of("chairMemberId", members.get(0),
                "deputyMemberId", members.get(1))).expect(200);
        assertThat(status("OFFICERS:2027")).isEqualTo("DONE");

        // O1: the award, well before its day: no reminder of it; the organiser plans and holds a meeting
        at("2027-02-01T09:00:00+01:00");
        department.post(path("/organiser-competitions/" + competition + "/award"), Map.of("applicationId",
                application, "reason", "Najlepsza oferta")).expect(200);
        assertThat(status("COMPETITION_AWARD:" + competition)).isEqualTo("DONE");
        String meeting = organiser.post(path("/meetings"), Map.of("title", "Posiedzenie Konwentu – marzec",
                "startsAt", "2027-03-10T10:00:00+01:00", "endsAt", "2027-03-10T16:00:00+01:00", "venue",
                Map.of("name", "Sala konferencyjna"), "scope", "Plan pracy", "delegationLimit", 2)).expect(201).json()
                .path("id").asText();
        organiser.post(path("/meetings/" + meeting + "/invitation"), null).expect(200);
        assertThat(status("COMMUNIQUE:" + meeting)).isEqualTo("OPEN");
        assertThat(obligation("COMMUNIQUE:" + meeting).path("dueOn").asText()).isEqualTo("2027-03-24");
        at("2027-03-10T17:00:00+01:00");
        organiser.post(path("/meetings/" + meeting + "/completion"), null).expect(200);

        // O2: the communiqué is due two weeks after the meeting; reminded, then sent to the department
        at("2027-03-18T09:00:00+01:00");
        awaitReminders(Set.of("COMMUNIQUE:" + meeting), 1);
        String communique = path("/meetings/" + meeting + "/communique");
        organiser.put(communique, Map.of("title", "Komunikat z posiedzenia", "text", "Omówiono plan.")).expect(201);
        organiser.post(communique + "/sending", null).expect(200);
        assertThat(status("COMMUNIQUE:" + meeting)).isEqualTo("DONE");

        // M3: the declaration window closes at the end of March; a declaration still comes in before it
        at("2027-03-25T09:00:00+01:00");
        awaitReminders(Set.of("DECLARATIONS_CLOSE:2027-03-31"), 1);
        pl.konwent.app.testing.Declarations.acceptedMember(anonymous, councillor, konwent, "KIS w Lwówku", "KIS");

        // an internal task is reminded of by e-mail, never to a webhook
        at("2027-04-09T09:00:00+02:00");
        awaitReminders(Set.of("TASK:" + internal), 0);

        // O5: the next year's work plan, adopted by the members in May: nothing to remind of in December
        at("2027-05-10T09:00:00+02:00");
        workPlanOf2028Adopted(council);
        assertThat(status("WORK_PLAN:2028")).isEqualTo("DONE");

        // the statutory report a week ahead; then every instance restarts, and what was sent stays sent
        at("2027-06-23T09:00:00+02:00");
        awaitReminders(Set.of("TASK:" + report), 1);
        stopInstances();
        startTwoInstances();
        at("2027-06-24T09:00:00+02:00");
        awaitReminders(Set.of("TASK:" + july), 1);
        department.post(path("/calendar/tasks/" + report + "/completion"), null).expect(200);
        department.post(path("/calendar/tasks/" + report + "/completion"), null).expect(409);
        at("2027-07-02T09:00:00+02:00");
        assertThat(status("TASK:" + july)).isEqualTo("OVERDUE");
        assertThat(status("TASK:" + report)).isEqualTo("DONE");

        // C5, C2: the term ends with the year; the next council is to be elected by then
        at("2027-12-24T09:00:00+01:00");
        awaitReminders(Set.of("TERM_END:2027", "ELECTION:2028"), 2);
        assertThat(anonymous.get(path("/council-terms/2027")).expect(200).json().path("expiring").asBoolean())
                .isTrue();

        // the new year: the term has lapsed on its own; its council holds no powers, the election is overdue
        at("2028-01-01T09:00:00+01:00");
        JsonNode term = anonymous.get(path("/council-terms/2027")).expect(200).json();
        assertThat(term.path("inOffice").asBoolean()).isFalse();
        councillor.post(path("/calendar/tasks"), task("Po kadencji", "2028-02-01", null)).expect(403);
        assertThat(status("TERM_END:2027")).isEqualTo("DONE");
        assertThat(status("ELECTION:2028")).isEqualTo("OVERDUE");
        assertThat(ids(anonymous.get(path("/calendar?from=2028-01-01")).expect(200).json())).isEmpty();

        // once each, for all instances and across the restart: the claims, the e-mails, the webhook events
        assertThat(claims()).containsExactlyInAnyOrderElementsOf(reminded);
        List<String> subjects = reminderMails();
        assertThat(subjects).hasSize(reminded.size()).doesNotHaveDuplicates();
        assertThat(deliveries()).isEqualTo(publicReminders);
        List<Receiver.Received> events = receiver.await(r -> r.size() >= publicReminders, PATIENCE);
        assertThat(events).hasSize(publicReminders);
        assertThat(events).allSatisfy(e -> assertThat(e.header("Konwent-Event")).isEqualTo("obligation.due"));
        assertThat(events).noneSatisfy(e -> assertThat(e.body()).contains("TASK:" + internal));
    }

    private void tasksAreKeptByTheCouncilAndTheDepartmentOnly(String internal) {
        String outsider = pl.konwent.app.testing.Declarations.acceptedMember(anonymous, councillor, konwent,
                "CIS spoza rady", "CIS");
        Api member = Accounts.withRole(admin, anonymous, konwent + "-rep-x", konwent, "REPRESENTATIVE", outsider);
        anonymous.unvalidatedRequest().post(path("/calendar/tasks"), task("Anonim", "2027-05-01", null)).expect(401);
        member.post(path("/calendar/tasks"), task("Nie", "2027-05-01", null)).expect(403);
        member.post(path("/calendar/tasks/" + internal + "/completion"), null).expect(403);
        member.delete(path("/calendar/tasks/" + internal)).expect(403);
        anonymous.get(path("/calendar/tasks/" + internal)).expect(404);
        member.get(path("/calendar/tasks/" + internal)).expect(404);
        JsonNode seen = department.get(path("/calendar/tasks/" + internal)).expect(200).json();
        assertThat(seen.path("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(seen.path("status").asText()).isEqualTo("OPEN");
        JsonNode invalid = department.unvalidatedRequest().post(path("/calendar/tasks"), Map.of("title", " ",
                "dueOn", "30.06.2027",
                "visibility", "SECRET")).expect(422).json();
        assertThat(invalid.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("title", "dueOn",
                "visibility");
        department.get(path("/calendar/tasks/nie-ma")).expect(404);
    }

    private void listFiltersAndPages() {
        assertThat(ids(anonymous.get(path("/calendar?kind=TERM_END")).expect(200).json()))
                .containsExactly("TERM_END:2027");
        assertThat(ids(anonymous.get(path("/calendar?from=2027-03-03&to=2027-03-31")).expect(200).json()))
                .containsExactly("DECLARATIONS_CLOSE:2027-03-31");
        assertThat(ids(anonymous.get(path("/calendar?status=DONE")).expect(200).json())).isEmpty();
        JsonNode bad = anonymous.unvalidatedRequest().get(path("/calendar?kind=URLOP&status=LATER&from=jutro"))
                .expect(422).json();
        assertThat(bad.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("kind", "status", "from");
        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = anonymous.get(path("/calendar?limit=4" + (next == null ? "" : "&cursor=" + next)))
                    .expect(200).json();
            assertThat(page.path("items").size()).isLessThanOrEqualTo(4);
            paged.addAll(ids(page));
            next = page.path("next").isNull() ? null : page.path("next").asText();
        } while (next != null);
        assertThat(paged).isEqualTo(ids(anonymous.get(path("/calendar")).expect(200).json()));
    }

    /** RFC 5545: each public obligation a VTODO with DUE; an open one with a VALARM (TRIGGER, ACTION, DESCRIPTION). */
    private void feedCarriesThePublicObligationsAsToDosWithAlarms(String internal) throws Exception {
        Api.Reply feed = anonymous.get(path("/meetings.ics")).expect(200);
        assertThat(feed.body()).contains("BEGIN:VTODO\r\n", "DUE;VALUE=DATE:20271231\r\n",
                "TRIGGER;RELATED=END:-P1W\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        calendar.validate();
        List<VToDo> todos = calendar.getComponents("VTODO");
        assertThat(todos).hasSize(ids(anonymous.get(path("/calendar")).expect(200).json()).size());
        assertThat(todos).noneSatisfy(t -> assertThat(value(t, "UID")).contains(internal));
        for (VToDo todo : todos) {
            assertThat(todo.getProperty("DUE")).isPresent();
            List<VAlarm> alarms = todo.getComponents("VALARM");
            assertThat(alarms).hasSize(1);
            VAlarm alarm = alarms.get(0);
            assertThat(value(alarm, "ACTION")).isEqualTo("DISPLAY");
            assertThat(value(alarm, "TRIGGER")).isEqualTo("-P1W");
            assertThat(value(alarm, "DESCRIPTION")).isEqualTo(value(todo, "SUMMARY"));
        }
        anonymous.get(path("/meetings.ics"), "If-None-Match", feed.header("ETag")).expect(304);
    }

    private void workPlanOf2028Adopted(Councils.Council council) {
        council.any().put(path("/work-plans/2028"), Map.of("themes", List.of(Map.of("title", "Reintegracja")),
                "schedule", List.of(Map.of("plannedOn", "2028-03-15", "title", "Posiedzenie wiosenne"))))
                .expect(201);
        String vote = council.any().post(path("/work-plans/2028/vote"), null).expect(201).json().path("id")
                .asText();
        council.any().post(path("/votes/" + vote + "/opening"), null).expect(200);
        for (int i = 0; i < 4; i++) {
            council.representatives().get(i).post(path("/votes/" + vote + "/ballots"), Map.of("memberId",
                    members.get(i), "choice", "FOR")).expect(201);
        }
        council.any().post(path("/votes/" + vote + "/closing"), null).expect(200);
    }

    /** Waits until these reminders, and every one expected before them, have been claimed, and no other. */
    private void awaitReminders(Set<String> due, int publicOnes) {
        reminded.addAll(due);
        publicReminders += publicOnes;
        List<String> claimed = await(() -> claims(), c -> c.containsAll(reminded));
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(reminded);
        assertThat(reminderMails()).hasSize(reminded.size());
        assertThat(deliveries()).isEqualTo(publicReminders);
    }

    private <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }

    private List<String> claims() {
        return jdbi().withHandle(h -> h.createQuery("SELECT obligation_id FROM calendar_reminder WHERE konwent_id = "
                + ":k").bind("k", konwent).mapTo(String.class).list());
    }

    private List<String> reminderMails() {
        return jdbi().withHandle(h -> h.createQuery("SELECT subject FROM outbox_mail WHERE recipient = :to "
                        + "AND subject LIKE 'Przypomnienie:%'").bind("to", konwent + "-dep@example.pl")
                .mapTo(String.class).list());
    }

    private int deliveries() {
        JsonNode items = department.get(path("/webhooks/" + webhook + "/deliveries?limit=500")).expect(200).json()
                .path("items");
        int count = 0;
        for (JsonNode item : items) {
            if (item.path("eventType").asText().equals("obligation.due")) {
                count++;
            }
        }
        return count;
    }

    private Jdbi jdbi;

    private Jdbi jdbi() {
        if (jdbi == null) {
            jdbi = database.jdbi();
        }
        return jdbi;
    }

    private String status(String obligationId) {
        return obligation(obligationId).path("status").asText();
    }

    private JsonNode obligation(String obligationId) {
        for (JsonNode item : department.get(path("/calendar?limit=500")).expect(200).json().path("items")) {
            if (item.path("id").asText().equals(obligationId)) {
                return item;
            }
        }
        throw new AssertionError("No obligation " + obligationId + " in the calendar");
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }

    private static String value(net.fortuna.ical4j.model.Component component, String name) {
        return component.getProperty(name).map(Property::getValue).orElseThrow();
    }

    private static Map<String, Object> task(String title, String dueOn, String visibility) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", title);
        task.put("dueOn", dueOn);
        if (visibility != null) {
            task.put("visibility", visibility);
        }
        return task;
    }

    private void at(String moment) {
        clock.set(moment);
    }

    private String path(String tail) {
        return "/api/v1/konwents/" + konwent + tail;
    }

    /** Two instances on the one database, as behind a load balancer; requests go to the first. */
    private void startTwoInstances() throws Exception {
        for (int i = 0; i < 2; i++) {
            DropwizardTestSupport<KonwentConfiguration> instance = TestServer.over(database,
                    TestServer.DECLARATION_LIMIT, clock,
                    ConfigOverride.config("calendar.interval", "200 milliseconds"),
                    ConfigOverride.config("webhooks.interval", "200 milliseconds"),
                    ConfigOverride.config("webhooks.allowPrivateAddresses", "true"));
            instance.before();
            running.add(instance);
        }
        anonymous = new Api(running.get(0).getLocalPort());
        admin = anonymous.asAdmin();
        if (department != null) {
            department = anonymous.as(konwent + "-dep", Accounts.PASSWORD);
            councillor = anonymous.as(konwent + "-rep-1", Accounts.PASSWORD);
            organiser = anonymous.as(konwent + "-org", Accounts.PASSWORD);
        }
    }

    /** In the reverse order of their start (see TwoInstancesTest). */
    private void stopInstances() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).after();
        }
        running.clear();
    }
}
