package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.ServerProcess;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * A server process killed with SIGKILL in the middle of a burst of ballots loses none it acknowledged: every
 * ballot answered 201 is in the tally after a restart, with the choice sent, and nothing half-written counts.
 */
class KilledInstanceTest {
    private static final int VOTERS = 300;
    private static final int KILL_AFTER_ACKNOWLEDGED = 80;

    @Test
    void noAcknowledgedBallotIsLostWhenTheServerIsKilledMidBurst() throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        ServerProcess victim = ServerProcess.start(database);
        Api api = new Api(victim.port());
        String token = api.post("/api/v1/tokens", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD))
                .expect(201).json().path("token").asText();
        Api admin = api.withToken(token);
        admin.post("/api/v1/konwents", Map.of("id", "zabity", "name", "Konwent po awarii")).expect(201);
        Jdbi jdbi = database.jdbi();
        List<String> members = Crowds.members(jdbi, "zabity", VOTERS);
        String votes = "/api/v1/konwents/zabity/votes";
        String vote = admin.post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                "secret", false)).expect(201).json().path("id").asText();
        admin.post(votes + "/" + vote + "/opening", null).expect(200);
        Api voices = Accounts.representing(admin, api, "glosy-zabitego", "zabity", members);

        Random random = new Random(9);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger acknowledgedCount = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Runnable> sends = new ArrayList<>();
        for (String member : members) {
            String choice = List.of("FOR", "AGAINST", "ABSTAIN").get(random.nextInt(3));
            sends.add(() -> {
                Api.Reply reply;
                try {
                    reply = voices.post(votes + "/" + vote + "/ballots", Map.of("memberId", member, "choice", choice),
                            "Idempotency-Key", "k-" + member);
                } catch (UncheckedIOException e) {
                    return; // the server died under this request or before it: not acknowledged
                }
                if (reply.status() == 201) {
                    acknowledged.put(member, choice);
                    if (acknowledgedCount.incrementAndGet() == KILL_AFTER_ACKNOWLEDGED
                            && killed.compareAndSet(false, true)) {
                        victim.kill();
                    }
                } else {
                    unexpected.add(reply.status() + " " + reply.body());
                }
            });
        }
        Crowds.runAtOnce(sends, 16);
        assertThat(killed).isTrue();
        assertThat(unexpected).isEmpty();
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED).isLessThan(VOTERS);

        ServerProcess restarted = ServerProcess.start(database);
        try {
            Api after = new Api(restarted.port());
            Map<String, String> stored = new HashMap<>();
            jdbi.useHandle(handle -> handle.createQuery("SELECT member_id, choice FROM ballot_choice "
                            + "WHERE vote_id = :vote").bind("vote", vote)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(entry -> stored.put(entry.getKey(), entry.getValue())));
            // acknowledged ballots all stored as sent; a few more may have committed as the process died
            assertThat(stored).containsAllEntriesOf(acknowledged);
            after.withToken(token).post(votes + "/" + vote + "/closing", null).expect(200);
            JsonNode result = after.get(votes + "/" + vote + "/result").expect(200).json();
            assertThat(result.path("turnout").asInt()).isEqualTo(stored.size());
            JsonNode counts = result.path("counts");
            assertThat(counts.path("for").asInt() + counts.path("against").asInt() + counts.path("abstain").asInt())
                    .isEqualTo(stored.size());
            int storedCasts = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM ballot_cast "
                    + "WHERE vote_id = :vote").bind("vote", vote).mapTo(Integer.class).one());
            assertThat(storedCasts).isEqualTo(stored.size());
        } finally {
            restarted.kill();
        }
    }
}
