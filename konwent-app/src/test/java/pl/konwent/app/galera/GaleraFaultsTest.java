package pl.konwent.app.galera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.ClusterInstances;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.GaleraCluster;

/**
 * Faults of one node of three, each instance connected to its own node only: a node killed with SIGKILL in the
 * middle of a ballot burst loses no acknowledged ballot (it is on the survivors, and on the killed node once it has
 * rejoined), its instance answers 503 problem+json with Retry-After meanwhile and serves again once the node is back,
 * without a restart; a node cut off by a network partition (non-Primary) makes its instance refuse writes with 503.
 */
class GaleraFaultsTest {
    private static final int VOTERS = 240;
    private static final int KILL_AFTER_ACKNOWLEDGED = 60;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static GaleraCluster cluster;
    private static ClusterInstances instances;

    @BeforeAll
    static void startCluster() {
        Assumptions.assumeTrue(GaleraCluster.available(), GaleraCluster.unavailableReason());
        cluster = GaleraCluster.shared();
        instances = new ClusterInstances(cluster, "konwent_galera_faults");
    }

    @AfterAll
    static void stopInstances() {
        if (instances != null) {
            instances.close();
        }
    }

    /** Whatever a test did to a node, the next test (and the next class) finds three healthy nodes. */
    @AfterEach
    void healTheCluster() {
        cluster.heal();
    }

    @Test
    void aNodeKilledMidBurstLosesNoAcknowledgedBallotAndItsInstanceRecoversWithoutARestart() throws Exception {
        int victim = 2;
        Api admin = instances.adminAt(0);
        admin.post("/api/v1/konwents", Map.of("id", "awaria-wezla", "name", "Konwent po awarii węzła")).expect(201);
        List<String> all = Crowds.members(instances.jdbiAt(0), "awaria-wezla", VOTERS + 1);
        List<String> members = all.subList(0, VOTERS);
        String late = all.get(VOTERS);
        String votes = "/api/v1/konwents/awaria-wezla/votes";
        String vote = admin.post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                "secret", false)).expect(201).json().path("id").asText();
        admin.post(votes + "/" + vote + "/opening", null).expect(200);
        String voice = Accounts.representingToken(admin, instances.at(0), "glosy-awarii", "awaria-wezla", all);
        Api[] voicesAtEach = {instances.at(0).withToken(voice), instances.at(1).withToken(voice),
                instances.at(2).withToken(voice)};

        Random random = new Random(33);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger acknowledgedCount = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger unavailableAtVictim = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> sends = new ArrayList<>();
        for (String member : members) {
            String choice = List.of("FOR", "AGAINST", "ABSTAIN").get(random.nextInt(3));
            int first = random.nextInt(3);
            sends.add(() -> {
                // a client (or a load balancer) retries a 503 at the next instance with the same key
                for (int attempt = 0; attempt < 3; attempt++) {
                    int node = (first + attempt) % 3;
                    Api.Reply reply = voicesAtEach[node].post(votes + "/" + vote + "/ballots",
                            Map.of("memberId", member, "choice", choice), "Idempotency-Key", "k-" + member);
                    if (reply.status() == 201) {
                        acknowledged.put(member, choice);
                        if (acknowledgedCount.incrementAndGet() == KILL_AFTER_ACKNOWLEDGED
                                && killed.compareAndSet(false, true)) {
                            cluster.kill(victim);
                        }
                        return;
                    }
                    if (reply.status() == 503) {
                        if (node == victim) {
                            unavailableAtVictim.incrementAndGet();
                        }
                        assertThat(reply.header("Content-Type")).startsWith(PROBLEM_JSON);
                        assertThat(reply.header("Retry-After")).isNotBlank();
                        continue;
                    }
                    if (reply.status() == 409) {
                        // the key's first request was claimed or committed at the dead node: either it is stored
                        // (an earlier attempt that lost its answer) or the claim's lease keeps the key busy; not
                        // acknowledged, so not counted here
                        return;
                    }
                    unexpected.add(reply.status() + " " + reply.body());
                    return;
                }
            });
        }
        Crowds.runAtOnce(sends, 16);
        assertThat(killed).isTrue();
        assertThat(unexpected).isEmpty();
        assertThat(acknowledged.size()).isGreaterThan(KILL_AFTER_ACKNOWLEDGED);

        // the instance whose node is down: 503 problem+json with Retry-After, for reads and writes
        Api.Reply down = voicesAtEach[victim].post(votes + "/" + vote + "/ballots",
                Map.of("memberId", late, "choice", "FOR"), "Idempotency-Key", "k-late");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(Long.parseLong(down.header("Retry-After"))).isPositive();
        assertThat(instances.at(victim).get(votes + "/" + vote).status()).isEqualTo(503);
        for (int survivor = 0; survivor < 2; survivor++) {
            assertThat(storedChoices(survivor, vote)).containsAllEntriesOf(acknowledged);
        }

        cluster.restart(victim);
        // the same instance, not restarted: its pool drops the dead connections and opens new ones, retrying with a
        // back-off of up to 5 s, so a client that sends again on Retry-After gets through within seconds
        Api.Reply after = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            after = voicesAtEach[victim].post(votes + "/" + vote + "/ballots",
                    Map.of("memberId", late, "choice", "FOR"), "Idempotency-Key", "k-late");
            if (after.status() != 503) {
                break;
            }
            Thread.sleep(Math.min(5, Long.parseLong(after.header("Retry-After"))) * 1000L);
        }
        assertThat(after.status()).isEqualTo(201);
        acknowledged.put(late, "FOR");

        Map<String, String> onFirst = storedChoices(0, vote);
        assertThat(onFirst).containsAllEntriesOf(acknowledged);
        for (int node = 1; node < GaleraCluster.NODES; node++) {
            assertThat(storedChoices(node, vote)).as("ballots on node " + node).isEqualTo(onFirst);
        }
        instances.adminAt(victim).post(votes + "/" + vote + "/closing", null).expect(200);
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            JsonNode result = instances.at(node).get(votes + "/" + vote + "/result").expect(200).json();
            assertThat(result.path("turnout").asInt()).isEqualTo(onFirst.size());
            JsonNode counts = result.path("counts");
            assertThat(counts.path("for").asInt() + counts.path("against").asInt() + counts.path("abstain").asInt())
                    .isEqualTo(onFirst.size());
            int casts = instances.jdbiAt(node).withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM "
                    + "ballot_cast WHERE vote_id = :vote").bind("vote", vote).mapTo(Integer.class).one());
            assertThat(casts).as("ballot_cast rows on node " + node).isEqualTo(onFirst.size());
        }
    }

    @Test
    void aNodeCutOffByAPartitionMakesItsInstanceRefuseWritesUntilItRejoins() {
        int cutOff = 1;
        Api admin = instances.adminAt(0);
        admin.post("/api/v1/konwents", Map.of("id", "podzial", "name", "Konwent podziału")).expect(201);
        List<String> members = Crowds.members(instances.jdbiAt(0), "podzial", 2);
        String votes = "/api/v1/konwents/podzial/votes";
        String vote = admin.post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                "secret", false)).expect(201).json().path("id").asText();
        admin.post(votes + "/" + vote + "/opening", null).expect(200);
        String voice = Accounts.representingToken(admin, instances.at(0), "glos-podzialu", "podzial", members);

        cluster.isolate(cutOff);
        try {
            Api atCutOff = instances.at(cutOff).withToken(voice);
            Api.Reply refused = atCutOff.post(votes + "/" + vote + "/ballots",
                    Map.of("memberId", members.get(0), "choice", "FOR"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).startsWith(PROBLEM_JSON);
            assertThat(refused.header("Retry-After")).isNotBlank();
            instances.adminAt(cutOff).post("/api/v1/konwents", Map.of("id", "podzial-2", "name", "Nie"))
                    .expect(503);
            // the majority side goes on
            instances.at(2).withToken(voice).post(votes + "/" + vote + "/ballots",
                    Map.of("memberId", members.get(1), "choice", "AGAINST")).expect(201);
        } finally {
            cluster.reconnect(cutOff);
        }
        assertThat(storedChoices(cutOff, vote)).isEqualTo(Map.of(members.get(1), "AGAINST"));
        instances.at(cutOff).withToken(voice).post(votes + "/" + vote + "/ballots",
                Map.of("memberId", members.get(0), "choice", "FOR")).expect(201);
        instances.adminAt(0).get("/api/v1/konwents/podzial-2").expect(404);
    }

    private static Map<String, String> storedChoices(int node, String vote) {
        Map<String, String> stored = new HashMap<>();
        instances.jdbiAt(node).useHandle(handle -> handle.createQuery("SELECT member_id, choice FROM ballot_choice "
                        + "WHERE vote_id = :vote").bind("vote", vote)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(entry -> stored.put(entry.getKey(), entry.getValue())));
        return stored;
    }
}
