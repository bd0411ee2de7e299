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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.ClusterInstances;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.GaleraCluster;

/**
 * The API on a three-node MariaDB Galera cluster, one server instance per node, as behind a load balancer: the
 * cluster is healthy before use, the migrations give every table a primary key on every node, ballots spread over
 * the three nodes are counted exactly once although Galera's certification makes concurrent commits on different
 * nodes fail (deadlock errors at commit, retried by the unit of work), and what one node wrote is read at another
 * right away.
 */
class GaleraClusterTest {
    private static final int VOTERS = 240;
    private static GaleraCluster cluster;
    private static ClusterInstances instances;

    @BeforeAll
    static void startCluster() {
        Assumptions.assumeTrue(GaleraCluster.available(), GaleraCluster.unavailableReason());
        cluster = GaleraCluster.shared();
        instances = new ClusterInstances(cluster, "konwent_galera");
    }

    @AfterAll
    static void stopInstances() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void theClusterIsThreeSyncedNodesInAPrimaryComponent() {
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            assertThat(cluster.status(node, "wsrep_cluster_size")).isEqualTo("3");
            assertThat(cluster.status(node, "wsrep_ready")).isEqualTo("ON");
            assertThat(cluster.status(node, "wsrep_cluster_status")).isEqualTo("Primary");
            assertThat(cluster.status(node, "wsrep_local_state_comment")).isEqualTo("Synced");
        }
        assertThat(cluster.problems()).isEmpty();
    }

    @Test
    void everyTableTheMigrationsMadeHasAPrimaryKeyOnEveryNode() {
        String withoutKey = "SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = :schema "
                + "AND t.table_type = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c "
                + "WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name "
                + "AND c.constraint_type = 'PRIMARY KEY') ORDER BY t.table_name";
        String tables = "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema "
                + "ORDER BY table_name";
        List<String> onFirst = instances.jdbiAt(0).withHandle(handle -> handle.createQuery(tables)
                .bind("schema", instances.schema()).mapTo(String.class).list());
        assertThat(onFirst).hasSizeGreaterThan(20).contains("ballot_cast", "outbox_mail", "webhook_delivery", "idempotency_record");
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            List<String> keyless = instances.jdbiAt(node).withHandle(handle -> handle.createQuery(withoutKey)
                    .bind("schema", instances.schema()).mapTo(String.class).list());
            assertThat(keyless).as("tables without a primary key on node " + node).isEmpty();
            List<String> here = instances.jdbiAt(node).withHandle(handle -> handle.createQuery(tables)
                    .bind("schema", instances.schema()).mapTo(String.class).list());
            assertThat(here).as("the DDL replicated to node " + node).isEqualTo(onFirst);
        }
    }

    @Test
    void aTokenAnIdempotentAnswerAndFailedLoginsAtOneNodeHoldAtTheOthers() {
        Api[] admins = {instances.adminAt(0), instances.adminAt(1), instances.adminAt(2)};
        Map<String, Object> konwent = Map.of("id", "trzy-klucze", "name", "Konwent trzech węzłów");
        Api.Reply created = admins[0].post("/api/v1/konwents", konwent, "Idempotency-Key", "k-trzy").expect(201);
        for (int node = 1; node < GaleraCluster.NODES; node++) {
            Api.Reply replayed = admins[node].post("/api/v1/konwents", konwent, "Idempotency-Key", "k-trzy")
                    .expect(201);
            assertThat(replayed.body()).isEqualTo(created.body());
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        }
        admins[1].post("/api/v1/accounts", Map.of("username", "trzy-zgadywania", "password", Accounts.PASSWORD,
                "displayName", "Zgadywana")).expect(201);
        for (int i = 0; i < 5; i++) {
            instances.at(i % 3).post("/api/v1/tokens", Map.of("username", "trzy-zgadywania",
                    "password", "zle-" + i)).expect(401);
        }
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            instances.at(node).post("/api/v1/tokens", Map.of("username", "trzy-zgadywania",
                    "password", Accounts.PASSWORD)).expect(429);
        }
        String token = instances.at(2).post("/api/v1/tokens", Map.of("username", "admin",
                "password", pl.konwent.app.testing.TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();
        instances.at(0).withToken(token).get("/api/v1/accounts").expect(200);
        instances.at(1).withToken(token).delete("/api/v1/tokens/current").expect(204);
        instances.at(2).withToken(token).get("/api/v1/accounts").expect(401);
        instances.at(0).withToken(token).get("/api/v1/accounts").expect(401);
    }

    @Test
    void whatOneNodeWroteIsReadAtTheOthersRightAway() {
        Api[] admins = {instances.adminAt(0), instances.adminAt(1), instances.adminAt(2)};
        admins[0].post("/api/v1/konwents", Map.of("id", "odczyt", "name", "Konwent odczytu")).expect(201);
        List<String> members = Crowds.members(instances.jdbiAt(0), "odczyt", 3);
        Api voice = Accounts.representing(admins[0], instances.at(0), "glos-odczytu", "odczyt", members);
        String votes = "/api/v1/konwents/odczyt/votes";
        for (int round = 0; round < 30; round++) {
            Api writer = admins[round % 3];
            Api reader = admins[(round + 1) % 3];
            Api.Reply created = writer.post(votes, Map.of("title", "Stanowisko " + round, "kind", "POSITION",
                    "text", "Treść", "secret", false)).expect(201);
            String location = java.net.URI.create(created.header("Location")).getPath();
            reader.get(location).expect(200);
            if (round % 10 == 0) {
                reader.post(location + "/opening", null).expect(200);
                String member = members.get(round / 10);
                voice.post(location + "/ballots", Map.of("memberId", member, "choice", "FOR")).expect(201);
                writer.post(location + "/closing", null).expect(200);
                JsonNode result = admins[(round + 2) % 3].get(location + "/result").expect(200).json();
                assertThat(result.path("turnout").asInt()).isEqualTo(1);
                assertThat(result.path("counts").path("for").asInt()).isEqualTo(1);
            }
        }
    }

    /**
     * The hazard made certain: node 2 stops applying (a global read lock pauses its applier, as a slow disk or a
     * backup does), node 0 commits a vote, and node 2 plainly does not have it yet. The instance on node 2 waits for
     * the cluster's writes before it knows its caller: its GET of the new Location waits until the node has caught
     * up, then finds it; it never answers 404.
     */
    @Test
    void aReadAtANodeBehindWaitsForTheWriteInsteadOfMissingIt() throws Exception {
        int behind = 2;
        Api writer = instances.adminAt(0);
        writer.post("/api/v1/konwents", Map.of("id", "opoznienie", "name", "Konwent opóźnienia")).expect(201);
        instances.adminAt(behind).get("/api/v1/konwents/opoznienie").expect(200);
        Api.Reply read = readAtANodeBehind(behind,
                () -> writer.post("/api/v1/konwents/opoznienie/votes", Map.of("title", "Stanowisko", "kind",
                        "POSITION", "text", "Treść", "secret", false)).expect(201),
                created -> assertThat(rowsAt(behind, "vote", created.json().path("id").asText()))
                        .as("a plain read at the node behind misses the write").isZero(),
                created -> instances.adminAt(behind).get(java.net.URI.create(created.header("Location")).getPath()));
        assertThat(read.status()).isEqualTo(200);
    }

    /**
     * An anonymous reader (a public portal) follows a Location at a node that has not applied the insert: the
     * resource method finds nothing, waits for the writes committed anywhere, and answers 200, never 404.
     */
    @Test
    void anAnonymousReadOfWhatAnotherNodeJustCreatedWaitsInsteadOfAnswering404() throws Exception {
        int behind = 1;
        Api.Reply read = readAtANodeBehind(behind,
                () -> instances.adminAt(0).post("/api/v1/konwents", Map.of("id", "publiczny",
                        "name", "Konwent publiczny")).expect(201),
                created -> assertThat(rowsAt(behind, "konwent", "publiczny"))
                        .as("a plain read at the node behind misses the write").isZero(),
                created -> instances.at(behind).get("/api/v1/konwents/publiczny"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("name").asText()).isEqualTo("Konwent publiczny");
    }

    /**
     * A token revoked through node 1 is refused at node 2 at once, although node 2 has not applied the revocation
     * yet: the instance waits for the cluster's writes before it trusts a token, so a revoked token never gets one
     * more request through another node.
     */
    @Test
    void aTokenRevokedThroughOneNodeIsRefusedAtANodeThatHasNotAppliedTheRevocation() throws Exception {
        int behind = 2;
        String token = instances.at(0).post("/api/v1/tokens", Map.of("username", "admin",
                "password", pl.konwent.app.testing.TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();
        instances.at(behind).withToken(token).get("/api/v1/accounts").expect(200);
        Api.Reply use = readAtANodeBehind(behind,
                () -> instances.at(1).withToken(token).delete("/api/v1/tokens/current").expect(204),
                revoked -> { },
                revoked -> instances.at(behind).withToken(token).get("/api/v1/accounts"));
        assertThat(use.status()).isEqualTo(401);
    }

    /**
     * Pauses a node's applier (a global read lock, as a slow disk or a backup does), writes through another node,
     * checks what the paused node plainly has, then sends the request to the paused node's instance: it must be
     * waiting there (its query is at the node, not answered from what the node has) until the node resumes.
     */
    private static <T> Api.Reply readAtANodeBehind(int behind, java.util.function.Supplier<T> writeElsewhere,
                                                   java.util.function.Consumer<T> plainlyThere,
                                                   java.util.function.Function<T, Api.Reply> readThere)
            throws Exception {
        try (java.sql.Connection lock = cluster.connect(behind);
             java.sql.Statement statement = lock.createStatement()) {
            statement.execute("FLUSH TABLES WITH READ LOCK");
            T written = writeElsewhere.get();
            plainlyThere.accept(written);
            java.util.concurrent.CompletableFuture<Api.Reply> read = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> readThere.apply(written));
            awaitWaitingQuery(behind);
            assertThat(read).isNotDone();
            statement.execute("UNLOCK TABLES");
            return read.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static int rowsAt(int node, String table, String id) {
        return instances.jdbiAt(node).withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table
                + " WHERE id = :id").bind("id", id).mapTo(Integer.class).one());
    }

    /**
     * Closing a vote through one node while ballots arrive through the two others: every ballot acknowledged 201 is
     * in the result at every node, and a ballot that lost the race was refused, not stored uncounted. For a secret
     * vote the result is the totals opened in the closing's own transaction, so a ballot committed after it would
     * show as a turnout below the acknowledged count. Galera orders the closing and each ballot: a ballot's row
     * refers to the vote row the closing updates, so certification lets only one of two concurrent ones through, and
     * the loser is run again by the unit of work (a ballot then finds the vote closed). The closing stops the ballots
     * first in a short transaction of its own, so it gets through while ballots keep coming; a 503 (Retry-After)
     * would be sent again, as a client does.
     */
    @Test
    void aVoteClosedThroughOneNodeDuringABurstAtTheOthersCountsEveryAcknowledgedBallot() throws Exception {
        Api[] admins = {instances.adminAt(0), instances.adminAt(1), instances.adminAt(2)};
        admins[0].post("/api/v1/konwents", Map.of("id", "zamkniecie", "name", "Konwent zamknięcia")).expect(201);
        List<String> members = Crowds.members(instances.jdbiAt(0), "zamkniecie", VOTERS);
        String voice = Accounts.representingToken(admins[0], instances.at(0), "glosy-zamkniecia", "zamkniecie",
                members);
        for (boolean secret : List.of(false, true)) {
            String votes = "/api/v1/konwents/zamkniecie/votes";
            String vote = admins[0].post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                    "secret", secret)).expect(201).json().path("id").asText();
            admins[1].post(votes + "/" + vote + "/opening", null).expect(200);
            Map<String, String> acknowledged = burstClosedMidway(votes + "/" + vote, members,
                    new Api[] {instances.at(0).withToken(voice), instances.at(1).withToken(voice)}, admins[2]);
            for (int node = 0; node < GaleraCluster.NODES; node++) {
                JsonNode result = instances.at(node).get(votes + "/" + vote + "/result").expect(200).json();
                assertThat(result.path("turnout").asInt()).as("turnout at node " + node + ", secret " + secret)
                        .isEqualTo(acknowledged.size());
                assertThat(result.path("counts").path("for").asLong()).isEqualTo(count(acknowledged, "FOR"));
                assertThat(result.path("counts").path("against").asLong()).isEqualTo(count(acknowledged, "AGAINST"));
                if (!secret) {
                    assertThat(storedChoices(node, vote)).isEqualTo(acknowledged);
                }
            }
        }
    }

    /** Sends one ballot per member, alternating between two instances, and a closing a third of the way through. */
    private static Map<String, String> burstClosedMidway(String vote, List<String> members, Api[] voices,
                                                         Api closer) throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger closingsCertifiedAway = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<Api.Reply> closing =
                new java.util.concurrent.atomic.AtomicReference<>();
        List<Runnable> sends = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            String choice = List.of("FOR", "AGAINST", "ABSTAIN").get(random.nextInt(3));
            Api to = voices[i % 2];
            sends.add(() -> {
                Api.Reply reply = to.post(vote + "/ballots", Map.of("memberId", member, "choice", choice));
                if (reply.status() == 201) {
                    acknowledged.put(member, choice);
                } else if (reply.status() == 409 || reply.status() == 503) {
                    refused.incrementAndGet();
                } else {
                    unexpected.add(reply.status() + " " + reply.body());
                }
            });
            if (i == members.size() / 3) {
                sends.add(() -> {
                    // a closing certified away by the ballots committing meanwhile answers 503 with Retry-After, and
                    // the organiser's client sends it again
                    for (int attempt = 0; attempt < 50; attempt++) {
                        closing.set(closer.post(vote + "/closing", null));
                        if (closing.get().status() != 503) {
                            return;
                        }
                        assertThat(closing.get().header("Retry-After")).isNotNull();
                        closingsCertifiedAway.incrementAndGet();
                    }
                });
            }
        }
        Crowds.runAtOnce(sends, 16);
        assertThat(unexpected).isEmpty();
        assertThat(closing.get().status()).isEqualTo(200);
        assertThat(acknowledged.size() + refused.get()).isEqualTo(members.size());
        // the closing got through while ballots kept coming (it stops them first, in a short transaction: before
        // that, the whole closing lost certification to the stream of ballots until the stream ended)
        assertThat(refused.get()).as("ballots refused after the closing (closings certified away by ballots: "
                + closingsCertifiedAway + ")").isPositive();
        return acknowledged;
    }

    private static void awaitWaitingQuery(int node) throws Exception {
        String waiting = "SELECT COUNT(*) FROM information_schema.processlist WHERE db = '" + instances.schema()
                + "' AND command = 'Query' AND id <> CONNECTION_ID()";
        for (int poll = 0; poll < 600; poll++) {
            try (java.sql.Connection connection = cluster.connect(node);
                 java.sql.Statement statement = connection.createStatement();
                 java.sql.ResultSet rows = statement.executeQuery(waiting)) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no query of the instance reached node " + node);
    }

    @Test
    void ballotsSpreadOverThreeNodesAreCountedExactlyOnceThroughCertificationConflicts() throws Exception {
        Api[] admins = {instances.adminAt(0), instances.adminAt(1), instances.adminAt(2)};
        admins[0].post("/api/v1/konwents", Map.of("id", "trzy-glosy", "name", "Konwent trzech węzłów")).expect(201);
        List<String> members = Crowds.members(instances.jdbiAt(0), "trzy-glosy", VOTERS);
        String votes = "/api/v1/konwents/trzy-glosy/votes";
        String vote = admins[1].post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                "secret", false)).expect(201).json().path("id").asText();
        admins[2].post(votes + "/" + vote + "/opening", null).expect(200);
        String voice = Accounts.representingToken(admins[0], instances.at(0), "glosy-trzech", "trzy-glosy", members);
        Api[] voicesAtEach = {instances.at(0).withToken(voice), instances.at(1).withToken(voice),
                instances.at(2).withToken(voice)};
        long conflictsBefore = cluster.sumOfStatus("wsrep_local_cert_failures")
                + cluster.sumOfStatus("wsrep_local_bf_aborts");

        Random random = new Random(21);
        Map<String, String> choiceOf = new ConcurrentHashMap<>();
        List<Runnable> sends = new ArrayList<>();
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        for (String member : members) {
            String choice = List.of("FOR", "AGAINST", "ABSTAIN").get(random.nextInt(3));
            choiceOf.put(member, choice);
            Map<String, Object> ballot = Map.of("memberId", member, "choice", choice);
            int copies = 2 + random.nextInt(3);
            for (int copy = 0; copy < copies; copy++) {
                int first = random.nextInt(3);
                boolean withKey = copy == 0 || random.nextBoolean();
                sends.add(() -> {
                    // a client retries an answer 503 (Retry-After) at the next instance with the same key
                    for (int attempt = 0; attempt < 3; attempt++) {
                        Api to = voicesAtEach[(first + attempt) % 3];
                        Api.Reply reply = withKey
                                ? to.post(votes + "/" + vote + "/ballots", ballot, "Idempotency-Key", "b-" + member)
                                : to.post(votes + "/" + vote + "/ballots", ballot);
                        if (reply.status() == 503) {
                            busy.incrementAndGet();
                            continue;
                        }
                        if (reply.status() == 201 && reply.header("Idempotent-Replayed") == null) {
                            counted.incrementAndGet();
                        } else if (reply.status() == 201) {
                            replayed.incrementAndGet();
                        } else if (reply.status() == 409) {
                            refused.incrementAndGet();
                        } else {
                            unexpected.add(reply.status() + " " + reply.body());
                        }
                        return;
                    }
                    unexpected.add("still 503 after three attempts");
                });
            }
        }
        Collections.shuffle(sends, random);
        Crowds.runAtOnce(sends, 24);

        assertThat(unexpected).isEmpty();
        assertThat(counted.get()).isEqualTo(VOTERS);
        assertThat(counted.get() + replayed.get() + refused.get()).isEqualTo(sends.size());
        // concurrent commits of one vote's rows on different nodes: Galera certified some of them away (first
        // committer wins) and the unit of work ran them again
        long conflicts = cluster.sumOfStatus("wsrep_local_cert_failures") + cluster.sumOfStatus("wsrep_local_bf_aborts")
                - conflictsBefore;
        assertThat(conflicts).as("certification conflicts during the burst (503 answers: " + busy + ")")
                .isPositive();
        admins[0].post(votes + "/" + vote + "/closing", null).expect(200);
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            JsonNode result = instances.at(node).get(votes + "/" + vote + "/result").expect(200).json();
            assertThat(result.path("turnout").asInt()).isEqualTo(VOTERS);
            assertThat(result.path("counts").path("for").asLong()).isEqualTo(count(choiceOf, "FOR"));
            assertThat(result.path("counts").path("against").asLong()).isEqualTo(count(choiceOf, "AGAINST"));
            assertThat(result.path("counts").path("abstain").asLong()).isEqualTo(count(choiceOf, "ABSTAIN"));
            assertThat(storedChoices(node, vote)).isEqualTo(choiceOf);
        }
    }

    private static Map<String, String> storedChoices(int node, String vote) {
        Map<String, String> stored = new HashMap<>();
        instances.jdbiAt(node).useHandle(handle -> handle.createQuery("SELECT member_id, choice FROM ballot_choice "
                        + "WHERE vote_id = :vote").bind("vote", vote)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(entry -> stored.put(entry.getKey(), entry.getValue())));
        return stored;
    }

    private static long count(Map<String, String> choiceOf, String choice) {
        return choiceOf.values().stream().filter(choice::equals).count();
    }
}
