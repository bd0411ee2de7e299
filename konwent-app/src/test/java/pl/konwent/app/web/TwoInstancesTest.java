package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * Two server instances on one MariaDB database, as behind a load balancer: every request goes to either at
 * random, and a retry (same Idempotency-Key) usually to the other one. Ballots and delegations stay exactly-once,
 * and what one instance issued (a token, an idempotent answer) is honoured by the other; failed logins counted at
 * one are counted at the other, and a password reset, a disabled account or a revoked role at one holds at the other
 * on the next request: none of it lives in one instance's memory.
 */
class TwoInstancesTest {
    private static final int VOTERS = 240;
    private static final int DELEGATIONS = 120;
    private static final int CAPACITY = 80;
    private static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.MARIADB);
    private static final List<DropwizardTestSupport<KonwentConfiguration>> INSTANCES = new ArrayList<>();
    private static Api first;
    private static Api second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        // one after the other, as a rolling start does: the first migrates, the second finds the schema current
        for (int i = 0; i < 2; i++) {
            // a throttled login waits long enough for the test to see it (its clock runs)
            DropwizardTestSupport<KonwentConfiguration> instance = TestServer.over(DATABASE,
                    ConfigOverride.config("security.firstLoginDelay", "10 minutes"));
            instance.before();
            INSTANCES.add(instance);
        }
        first = new Api(INSTANCES.get(0).getLocalPort());
        second = new Api(INSTANCES.get(1).getLocalPort());
    }

    /**
     * In the reverse order of their start: each restores on stopping the system properties its settings replaced, so
     * stopping the first one first would leave the second one's settings (a 10-minute login delay) to every server
     * started later in this JVM.
     */
    @AfterAll
    static void stopThem() {
        for (int i = INSTANCES.size() - 1; i >= 0; i--) {
            INSTANCES.get(i).after();
        }
    }

    /** The ADMIN at each instance, with one token (a password would cost a bcrypt check per request). */
    private static Api[] admins() {
        String token = first.post("/api/v1/tokens", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD))
                .expect(201).json().path("token").asText();
        return new Api[] {first.withToken(token), second.withToken(token)};
    }

    private static Api either(Random random, Api[] pair) {
        return pair[random.nextInt(2)];
    }

    @Test
    void aTokenAndAnIdempotentAnswerFromOneInstanceAreHonouredByTheOther() {
        String token = first.post("/api/v1/tokens", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD))
                .expect(201).json().path("token").asText();
        second.withToken(token).get("/api/v1/accounts").expect(200);

        Map<String, Object> konwent = Map.of("id", "jeden-klucz", "name", "Konwent jednego klucza");
        Api.Reply created = first.withToken(token).post("/api/v1/konwents", konwent, "Idempotency-Key", "k-jeden")
                .expect(201);
        Api.Reply replayed = second.withToken(token).post("/api/v1/konwents", konwent, "Idempotency-Key", "k-jeden")
                .expect(201);
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");

        first.withToken(token).delete("/api/v1/tokens/current").expect(204);
        second.withToken(token).get("/api/v1/accounts").expect(401);
    }

    @Test
    void ballotsSpreadOverBothInstancesAreCountedExactlyOnce() throws Exception {
        Api[] admins = admins();
        admins[0].post("/api/v1/konwents", Map.of("id", "dwa-glosy", "name", "Konwent dwóch instancji")).expect(201);
        Jdbi jdbi = DATABASE.jdbi();
        List<String> members = Crowds.members(jdbi, "dwa-glosy", VOTERS);
        String votes = "/api/v1/konwents/dwa-glosy/votes";
        String vote = admins[1].post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                "secret", false)).expect(201).json().path("id").asText();
        admins[0].post(votes + "/" + vote + "/opening", null).expect(200);
        String voice = Accounts.representingToken(admins[0], first, "glosy-dwoch", "dwa-glosy", members);
        Api[] voicesAtEach = {first.withToken(voice), second.withToken(voice)};

        Random random = new Random(12);
        Map<String, String> choiceOf = new ConcurrentHashMap<>();
        List<Runnable> sends = new ArrayList<>();
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        for (String member : members) {
            String choice = List.of("FOR", "AGAINST", "ABSTAIN").get(random.nextInt(3));
            choiceOf.put(member, choice);
            Map<String, Object> ballot = Map.of("memberId", member, "choice", choice);
            int copies = 1 + random.nextInt(3);
            for (int copy = 0; copy < copies; copy++) {
                Api to = either(random, voicesAtEach);
                boolean withKey = copy == 0 || random.nextBoolean();
                sends.add(() -> {
                    Api.Reply reply = withKey
                            ? to.post(votes + "/" + vote + "/ballots", ballot, "Idempotency-Key", "b-" + member)
                            : to.post(votes + "/" + vote + "/ballots", ballot);
                    if (reply.status() == 201 && reply.header("Idempotent-Replayed") == null) {
                        counted.incrementAndGet();
                    } else if (reply.status() == 201) {
                        replayed.incrementAndGet();
                    } else if (reply.status() == 409) {
                        refused.incrementAndGet();
                    } else {
                        unexpected.add(reply.status() + " " + reply.body());
                    }
                });
            }
        }
        Collections.shuffle(sends, random);
        Crowds.runAtOnce(sends, 32);

        assertThat(unexpected).isEmpty();
        assertThat(counted.get()).isEqualTo(VOTERS);
        assertThat(counted.get() + replayed.get() + refused.get()).isEqualTo(sends.size());
        admins[1].post(votes + "/" + vote + "/closing", null).expect(200);
        for (Api instance : new Api[] {first, second}) {
            JsonNode result = instance.get(votes + "/" + vote + "/result").expect(200).json();
            assertThat(result.path("turnout").asInt()).isEqualTo(VOTERS);
            assertThat(result.path("counts").path("for").asLong()).isEqualTo(count(choiceOf, "FOR"));
            assertThat(result.path("counts").path("against").asLong()).isEqualTo(count(choiceOf, "AGAINST"));
            assertThat(result.path("counts").path("abstain").asLong()).isEqualTo(count(choiceOf, "ABSTAIN"));
        }
        Map<String, String> stored = new java.util.HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT member_id, choice FROM ballot_choice WHERE vote_id = :vote")
                .bind("vote", vote).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(entry -> stored.put(entry.getKey(), entry.getValue())));
        assertThat(stored).isEqualTo(choiceOf);
    }

    @Test
    void delegationsSpreadOverBothInstancesNeverOverfillTheVenue() throws Exception {
        Api[] admins = admins();
        admins[1].post("/api/v1/konwents", Map.of("id", "dwa-zjazdy", "name", "Zjazd dwóch instancji")).expect(201);
        Jdbi jdbi = DATABASE.jdbi();
        List<String> members = Crowds.members(jdbi, "dwa-zjazdy", DELEGATIONS);
        String meetings = "/api/v1/konwents/dwa-zjazdy/meetings";
        Instant start = Instant.now().plusSeconds(30L * 24 * 3600);
        String meeting = admins[0].post(meetings, Map.of("title", "Zjazd", "startsAt", start.toString(),
                "endsAt", start.plusSeconds(6 * 3600).toString(), "venue", Map.of("name", "Aula"),
                "scope", "Ekonomia społeczna", "delegationLimit", 2, "capacity", CAPACITY)).expect(201).json()
                .path("id").asText();
        admins[1].post(meetings + "/" + meeting + "/invitation", null).expect(200);

        Random random = new Random(21);
        String registrations = meetings + "/" + meeting + "/registrations";
        List<Runnable> sends = new ArrayList<>();
        Map<String, Integer> acceptedSize = new ConcurrentHashMap<>();
        Set<String> refusedForSpace = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        AtomicInteger keyInUse = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> sizeOf = new java.util.HashMap<>();
        for (String member : members) {
            int size = 1 + random.nextInt(2);
            sizeOf.put(member, size);
            Map<String, Object> delegation = Crowds.delegation(member, size);
            int copies = 1 + random.nextInt(2);
            for (int copy = 0; copy < copies; copy++) {
                Api to = either(random, admins);
                boolean withKey = random.nextBoolean();
                sends.add(() -> {
                    Api.Reply reply = withKey
                            ? to.post(registrations, delegation, "Idempotency-Key", "r-" + member)
                            : to.post(registrations, delegation);
                    if (reply.status() == 201 && reply.header("Idempotent-Replayed") != null) {
                        replayed.incrementAndGet();
                    } else if (reply.status() == 201) {
                        acceptedSize.merge(member, size, (a, b) -> {
                            unexpected.add("accepted twice: " + member);
                            return a;
                        });
                    } else if (reply.status() == 409 && reply.body().contains("already registered")) {
                        duplicates.incrementAndGet();
                    } else if (reply.status() == 409 && reply.body().contains("holds " + CAPACITY)) {
                        refusedForSpace.add(member);
                    } else if (reply.status() == 409 && reply.body().contains("/problems/idempotency-key-in-use")) {
                        // the same key still in progress at the other instance: the client is told to retry
                        keyInUse.incrementAndGet();
                    } else {
                        unexpected.add(reply.status() + " " + reply.body());
                    }
                });
            }
        }
        Collections.shuffle(sends, random);
        Crowds.runAtOnce(sends, 24);

        assertThat(unexpected).isEmpty();
        int acceptedPersons = acceptedSize.values().stream().mapToInt(Integer::intValue).sum();
        List<String> storedMembers = jdbi.withHandle(handle -> handle.createQuery("SELECT member_id FROM "
                + "meeting_registration WHERE meeting_id = :meeting").bind("meeting", meeting).mapTo(String.class).list());
        assertThat(storedMembers).containsExactlyInAnyOrderElementsOf(acceptedSize.keySet());
        for (Api instance : new Api[] {first, second}) {
            JsonNode registered = instance.get(meetings + "/" + meeting).expect(200).json().path("registered");
            assertThat(registered.path("inPerson").asInt()).isEqualTo(acceptedPersons).isLessThanOrEqualTo(CAPACITY);
            assertThat(registered.path("members").asInt()).isEqualTo(acceptedSize.size());
            assertThat(registered.path("placesLeft").asInt()).isEqualTo(CAPACITY - acceptedPersons);
        }
        assertThat(refusedForSpace).isNotEmpty().allSatisfy(member -> {
            assertThat(acceptedSize).doesNotContainKey(member);
            assertThat(sizeOf.get(member)).isGreaterThan(CAPACITY - acceptedPersons);
        });
    }

    @Test
    void failedLoginsAtEitherInstanceCountTogetherWhateverSpacesOrCaseTheNameCarries() {
        // issue 19: throttles counted per instance gave N instances N times the guesses; MariaDB's PAD SPACE let
        // "name   " past the throttle of "name"
        Api[] admins = admins();
        admins[0].post("/api/v1/accounts", Map.of("username", "dwa-zgadywania", "password", Accounts.PASSWORD,
                "displayName", "Zgadywana")).expect(201);
        for (int i = 0; i < 5; i++) {
            Api at = i % 2 == 0 ? first : second;
            at.post("/api/v1/tokens", Map.of("username", i < 3 ? "dwa-zgadywania" : "dwa-zgadywania   ",
                    "password", "zle-" + i)).expect(401);
        }

        for (Api at : new Api[] {first, second}) {
            Api.Reply refused = at.post("/api/v1/tokens", Map.of("username", "DWA-zgadywania",
                    "password", Accounts.PASSWORD)).expect(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        }
    }

    @Test
    void aPasswordResetADisabledAccountOrARevokedRoleAtOneInstanceHoldsAtTheOtherOnTheNextRequest() {
        // issue 19: after an ADMIN reset a password the old one kept working over Basic for ~30 s
        Api[] admins = admins();
        admins[0].post("/api/v1/konwents", Map.of("id", "dwa-hasla", "name", "Konwent haseł",
                "charter", Map.of("organiserCompetition", false))).expect(201);
        String id = Accounts.create(admins[0], "dwa-hasla-sek");
        String role = admins[0].post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", "dwa-hasla",
                "role", "SECRETARIAT")).expect(201).json().path("id").asText();
        Api atSecond = second.as("dwa-hasla-sek", Accounts.PASSWORD);
        Map<String, Object> vote = Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść", "secret", false);
        atSecond.post("/api/v1/konwents/dwa-hasla/votes", vote).expect(201);

        admins[0].delete("/api/v1/accounts/" + id + "/roles/" + role).expect(204);
        atSecond.post("/api/v1/konwents/dwa-hasla/votes", vote).expect(403);

        admins[0].post("/api/v1/accounts/" + id + "/password", Map.of("newPassword", "haslo-po-resecie-A"))
                .expect(204);
        atSecond.get("/api/v1/accounts/current").expect(401);
        Api renewed = second.as("dwa-hasla-sek", "haslo-po-resecie-A");
        renewed.get("/api/v1/accounts/current").expect(200);

        admins[0].post("/api/v1/accounts/" + id + "/disabling", null).expect(200);
        renewed.get("/api/v1/accounts/current").expect(401);
    }

    /**
     * Issue 20: a bearer request reads its caller in one joined read, with no cache between requests; a revoked role,
     * a disabled account and a changed feed are seen at the other instance on the very next request.
     */
    @Test
    void aRevokedRoleADisabledAccountAndAChangedFeedAtOneInstanceAreSeenAtTheOtherOnTheNextBearerRequest() {
        Api[] admins = admins();
        admins[0].post("/api/v1/konwents", Map.of("id", "dwa-tokeny", "name", "Konwent tokenów",
                "charter", Map.of("organiserCompetition", false))).expect(201);
        String id = Accounts.create(admins[0], "dwa-tokeny-sek");
        String role = admins[0].post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", "dwa-tokeny",
                "role", "SECRETARIAT")).expect(201).json().path("id").asText();
        String token = second.post("/api/v1/tokens", Map.of("username", "dwa-tokeny-sek",
                "password", Accounts.PASSWORD)).expect(201).json().path("token").asText();
        Api atSecond = second.withToken(token);
        Map<String, Object> vote = Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść", "secret", false);
        atSecond.post("/api/v1/konwents/dwa-tokeny/votes", vote).expect(201);

        admins[0].delete("/api/v1/accounts/" + id + "/roles/" + role).expect(204);
        atSecond.post("/api/v1/konwents/dwa-tokeny/votes", vote).expect(403);

        String etag = second.get("/api/v1/konwents/dwa-tokeny/feed.atom").expect(200).header("ETag");
        second.get("/api/v1/konwents/dwa-tokeny/feed.atom", "If-None-Match", etag).expect(304);
        admins[0].put("/api/v1/konwents/dwa-tokeny", Map.of("name", "Konwent tokenów po zmianie")).expect(200);
        Api.Reply changed = second.get("/api/v1/konwents/dwa-tokeny/feed.atom", "If-None-Match", etag).expect(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.body()).contains("Konwent tokenów po zmianie");

        atSecond.get("/api/v1/accounts/current").expect(200);
        admins[0].post("/api/v1/accounts/" + id + "/disabling", null).expect(200);
        atSecond.get("/api/v1/accounts/current").expect(401);
    }

    /**
     * Issue 20: a register page and a feed answer a conditional GET from the konwent's stamp in the database, which
     * every change writes with the change; a member's new public data, an erasure and a withdrawal through one
     * instance make the tags the other handed out stale on the very next request.
     */
    @Test
    void aMembersChangeAnErasureAndAWithdrawalAtOneInstanceMakeTheOthersRegisterAndFeedTagsStale() {
        Api[] admins = admins();
        admins[0].post("/api/v1/konwents", Map.of("id", "dwa-rejestry", "name", "Konwent rejestrów")).expect(201);
        String member = Declarations.acceptedMember(admins[0], admins[0], "dwa-rejestry", "CIS Pniewy");
        String page = "/api/v1/konwents/dwa-rejestry/members?limit=10";
        String memberPath = "/api/v1/konwents/dwa-rejestry/members/" + member;

        String publicTag = second.get(page).expect(200).header("ETag");
        second.get(page, "If-None-Match", publicTag).expect(304);
        Map<String, Object> contact = new LinkedHashMap<>(Declarations.of("x"));
        contact.keySet().retainAll(List.of("address", "phone", "email", "foundingInstitution", "representatives"));
        contact.put("address", Map.of("street", "ul. Nowa 5", "postalCode", "62-045", "town", "Pniewy",
                "voivodeship", "30"));
        admins[0].put(memberPath, contact).expect(200);
        Api.Reply moved = second.get(page, "If-None-Match", publicTag).expect(200);
        assertThat(moved.header("ETag")).isNotEqualTo(publicTag);
        assertThat(moved.body()).contains("ul. Nowa 5");

        String fullTag = admins[1].get(page).expect(200).header("ETag");
        admins[1].get(page, "If-None-Match", fullTag).expect(304);
        String person = admins[0].get(memberPath).expect(200).json().path("representatives").get(0)
                .path("id").asText();
        admins[0].delete(memberPath + "/representatives/" + person).expect(204);
        Api.Reply erased = admins[1].get(page, "If-None-Match", fullTag).expect(200);
        assertThat(erased.body()).doesNotContain("Anna Nowak");

        String feed = "/api/v1/konwents/dwa-rejestry/feed.json";
        String feedTag = second.get(feed).expect(200).header("ETag");
        second.get(feed, "If-None-Match", feedTag).expect(304);
        admins[0].post(memberPath + "/withdrawal", Map.of("reason", "Likwidacja")).expect(200);
        assertThat(second.get(feed, "If-None-Match", feedTag).expect(200).body()).contains("Członek wystąpił");
    }

    private static long count(Map<String, String> choiceOf, String choice) {
        return choiceOf.values().stream().filter(choice::equals).count();
    }
}
