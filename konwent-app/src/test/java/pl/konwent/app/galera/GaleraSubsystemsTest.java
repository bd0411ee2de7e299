package pl.konwent.app.galera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.ConfigOverride;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import pl.konwent.adapters.jdbi.integration.JdbiDeliveryQueue;
import pl.konwent.adapters.jdbi.mail.JdbiOutbox;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.ClusterInstances;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.GaleraCluster;
import pl.konwent.app.testing.Receiver;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.shared.Mail;

/**
 * Issue 21, item 2: the subsystems besides the ballot box on a three-node Galera cluster, one server instance per
 * node, each running its own mail and webhook senders: every e-mail and every webhook delivery goes out once,
 * though the three senders race for the same rows; failed logins spread over the three instances count together;
 * a file uploaded through one instance is listed and downloaded through another (the instances share one data
 * directory, as hosts share one volume).
 *
 * <p>Where a test reads a node directly it first waits until that node has applied what it needs, so the tests
 * hold whether or not the instances read with {@code wsrep_sync_wait}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraSubsystemsTest {
    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final Duration REPLICATED_WITHIN = Duration.ofSeconds(60);
    private static GaleraCluster cluster;
    private static ClusterInstances instances;
    private static GreenMail smtp;
    private static Receiver receiver;
    private static Path sharedDataDir;

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(GaleraCluster.available(), GaleraCluster.unavailableReason());
        cluster = GaleraCluster.shared();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = new Receiver();
        sharedDataDir = Files.createTempDirectory("konwent-galera-shared");
        // every instance's senders look for due rows every 50 ms: the three race for the same rows all the time
        instances = new ClusterInstances(cluster, "konwent_galera_sub", sharedDataDir,
                ConfigOverride.config("webhooks.allowPrivateAddresses", "true"),
                ConfigOverride.config("webhooks.interval", "50 milliseconds"),
                ConfigOverride.config("webhooks.timeout", "5 seconds"),
                ConfigOverride.config("mail.transport", "SMTP"),
                ConfigOverride.config("mail.host", "127.0.0.1"),
                ConfigOverride.config("mail.port", String.valueOf(smtp.getSmtp().getPort())),
                ConfigOverride.config("mail.startTls", "false"),
                ConfigOverride.config("mail.interval", "50 milliseconds"));
    }

    @AfterAll
    static void stopAll() {
        if (instances != null) {
            instances.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    /**
     * Three meetings invited at once, one through each instance: every member's invitation e-mail reaches the mail
     * server exactly once, and every node records each message as sent after one attempt.
     */
    @Test
    @Order(1)
    void everyOutboxMailIsSentExactlyOnceByThreeSendersOnThreeNodes() throws Exception {
        int members = 60;
        Api[] admins = {instances.adminAt(0), instances.adminAt(1), instances.adminAt(2)};
        admins[0].post("/api/v1/konwents", Map.of("id", "galera-poczta", "name", "Konwent poczty")).expect(201);
        Crowds.members(instances.jdbiAt(0), "galera-poczta", members);
        awaitOnEveryNode("SELECT COUNT(*) FROM member WHERE konwent_id = 'galera-poczta'", members);
        String meetings = "/api/v1/konwents/galera-poczta/meetings";
        Instant start = Instant.now().plusSeconds(30L * 24 * 3600);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(admins[i].post(meetings, Map.of("title", "Zjazd " + i, "startsAt", start.toString(),
                    "endsAt", start.plusSeconds(6 * 3600).toString(), "venue", Map.of("name", "Aula"),
                    "scope", "Ekonomia społeczna", "delegationLimit", 2, "capacity", 100)).expect(201).json()
                    .path("id").asText());
        }
        awaitOnEveryNode("SELECT COUNT(*) FROM meeting WHERE konwent_id = 'galera-poczta'", 3);
        List<Runnable> invitations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api admin = admins[i];
            String path = meetings + "/" + ids.get(i) + "/invitation";
            invitations.add(() -> admin.post(path, null).expect(200));
        }
        long conflictsBefore = conflicts();
        Crowds.runAtOnce(invitations, 3);
        int expected = 3 * members;

        await(() -> smtp.getReceivedMessages().length >= expected, "the mail server to get " + expected + " messages");
        awaitOnEveryNode("SELECT COUNT(*) FROM outbox_mail WHERE sent_at IS NOT NULL", expected);
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            copies.merge(message.getRecipients(Message.RecipientType.TO)[0] + " " + message.getSubject(), 1,
                    Integer::sum);
        }
        assertThat(copies).hasSize(expected);
        assertThat(copies.values()).as("copies of each message").containsOnly(1);
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            assertThat(count(node, "SELECT COUNT(*) FROM outbox_mail WHERE sent_at IS NULL OR attempts <> 1"))
                    .as("messages unsent, or sent more than once, on node " + node).isZero();
        }
        System.out.printf("galera outbox: %d messages, certification conflicts meanwhile: %d%n", expected,
                conflicts() - conflictsBefore);
    }

    /**
     * Ten webhooks of one konwent and 24 documents published through the three instances in turn: each of the 240
     * deliveries reaches its receiver once, with its own stable {@code webhook-id} and a valid signature, and every
     * node records each as DELIVERED after one attempt.
     */
    @Test
    @Order(2)
    void everyWebhookDeliveryArrivesExactlyOnceFromThreeDispatchersOnThreeNodes() throws Exception {
        int hooks = 10;
        int documents = 24;
        Api[] admins = {instances.adminAt(0), instances.adminAt(1), instances.adminAt(2)};
        admins[1].post("/api/v1/konwents", Map.of("id", "galera-haki", "name", "Konwent haków")).expect(201);
        Map<String, String> secretOf = new HashMap<>();
        Map<String, String> pathOf = new HashMap<>();
        for (int i = 0; i < hooks; i++) {
            JsonNode hook = admins[i % 3].post("/api/v1/konwents/galera-haki/webhooks", Map.of("url",
                    receiver.url("/hak/" + i), "events", List.of("document.published"))).expect(201).json();
            secretOf.put(hook.path("id").asText(), hook.path("secret").asText());
            pathOf.put(hook.path("id").asText(), "/hak/" + i);
        }
        awaitOnEveryNode("SELECT COUNT(*) FROM webhook WHERE konwent_id = 'galera-haki'", hooks);
        long conflictsBefore = conflicts();
        for (int d = 0; d < documents; d++) {
            admins[d % 3].post("/api/v1/konwents/galera-haki/documents", Map.of("title", "Stanowisko " + d,
                    "kind", "POSITION", "date", "2026-11-20", "visibility", "PUBLIC", "body", "Treść " + d))
                    .expect(201);
        }
        int expected = hooks * documents;

        String deliveries = "SELECT COUNT(*) FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id "
                + "WHERE w.konwent_id = 'galera-haki'";
        awaitOnEveryNode(deliveries + " AND d.status = 'DELIVERED'", expected);
        // a second sender of one delivery would be sending alongside the first: let any such request land
        List<Receiver.Received> got = quiet(forHooks(pathOf));
        Map<String, List<Receiver.Received>> byId = got.stream()
                .collect(Collectors.groupingBy(r -> r.header("webhook-id")));
        assertThat(got).hasSize(expected);
        assertThat(byId).hasSize(expected);
        Map<String, String> hookOf = instances.jdbiAt(0).withHandle(handle -> handle.createQuery("SELECT d.id, "
                        + "d.webhook_id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id "
                        + "WHERE w.konwent_id = 'galera-haki'")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(byId.keySet()).isEqualTo(hookOf.keySet());
        for (Map.Entry<String, List<Receiver.Received>> delivery : byId.entrySet()) {
            Receiver.Received request = delivery.getValue().get(0);
            String hook = hookOf.get(delivery.getKey());
            assertThat(request.path()).isEqualTo(pathOf.get(hook));
            request.verifyStandardWebhook(secretOf.get(hook));
        }
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            assertThat(count(node, deliveries + " AND (d.status <> 'DELIVERED' OR d.attempts <> 1)"))
                    .as("deliveries not delivered, or attempted more than once, on node " + node).isZero();
        }
        System.out.printf("galera webhooks: %d deliveries, certification conflicts meanwhile: %d%n", expected,
                conflicts() - conflictsBefore);
    }

    /**
     * The senders' claim itself, at the adapters, on nodes that hand a certification conflict of an autocommit
     * statement straight to the client ({@code wsrep_retry_autocommit=0}; the default, 1, retries such a statement
     * once before it does so): three claimers, one per node, empty one mail outbox and one
     * webhook queue of 300 due rows each at once. Every row is claimed by exactly one of them, and none is left
     * behind (leased to a claimer that lost a later row of its batch and never got to send it).
     */
    @Test
    @Order(3)
    void claimersOnThreeNodesClaimEveryRowOnceEvenWhenCertificationRefusesTheirClaims() throws Exception {
        int rows = 300;
        String schema = cluster.newSchema("konwent_galera_claims");
        for (String table : List.of("outbox_mail", "webhook", "webhook_event", "webhook_delivery")) {
            cluster.execute(0, "CREATE TABLE " + schema + "." + table + " LIKE " + instances.schema() + "." + table);
        }
        Jdbi[] nodes = new Jdbi[GaleraCluster.NODES];
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            TestDatabases.TestDatabase plain = cluster.database(node, schema);
            nodes[node] = new TestDatabases.TestDatabase(plain.engine(),
                    plain.url() + "?sessionVariables=wsrep_retry_autocommit=0", plain.user(), plain.password()).jdbi();
        }
        Clock clock = Clock.systemUTC();
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            mails.add(new Mail("adresat" + i + "@example.pl", "Wiadomość " + i, "Treść"));
        }
        new JdbiOutbox(nodes[0], new SecureIdSource(), clock).enqueue(mails);
        long now = clock.millis();
        nodes[0].useHandle(handle -> {
            handle.execute("INSERT INTO webhook (id, konwent_id, url, events, active, secret, created_at, updated_at, "
                    + "version) VALUES ('hak', 'k', 'http://127.0.0.1:9/', 'document.published', TRUE, 'whsec_x', ?, ?, "
                    + "1)", now, now);
            handle.execute("INSERT INTO webhook_event (id, konwent_id, type, subject_id, occurred_at, body) "
                    + "VALUES ('zdarzenie', 'k', 'document.published', 'd', ?, '{}')", now);
            PreparedBatch batch = handle.prepareBatch("INSERT INTO webhook_delivery (id, webhook_id, event_id, "
                    + "event_type, status, attempts, next_attempt_at, created_at) VALUES (:id, 'hak', 'zdarzenie', "
                    + "'document.published', 'PENDING', 0, :now, :now)");
            for (int i = 0; i < rows; i++) {
                batch.bind("id", String.format("dostawa-%04d", i)).bind("now", now).add();
            }
            batch.execute();
        });
        String dueMail = "SELECT COUNT(*) FROM outbox_mail WHERE sent_at IS NULL AND next_attempt_at <= ";
        String dueDelivery = "SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ";
        for (Jdbi node : nodes) {
            await(() -> countAt(node, dueMail + now) == rows && countAt(node, dueDelivery + now) == rows,
                    "the rows on every node");
        }

        long conflictsBefore = conflicts();
        Map<String, Integer> claims = new ConcurrentHashMap<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> claimers = new ArrayList<>();
        for (int n = 0; n < GaleraCluster.NODES; n++) {
            Jdbi node = nodes[n];
            JdbiOutbox outbox = new JdbiOutbox(node, new SecureIdSource(), clock);
            JdbiDeliveryQueue queue = new JdbiDeliveryQueue(node, clock);
            claimers.add(() -> drain(() -> outbox.claimDue(20, Duration.ofMinutes(10)).stream()
                    .map(JdbiOutbox.Pending::id).toList(), outbox::sent,
                    () -> countAt(node, dueMail + clock.millis()), claims, errors));
            claimers.add(() -> drain(() -> queue.claimDue(10, Duration.ofMinutes(10)).stream()
                    .map(JdbiDeliveryQueue.Due::id).toList(), id -> queue.delivered(id, 200),
                    () -> countAt(node, dueDelivery + clock.millis()), claims, errors));
        }
        Crowds.runAtOnce(claimers, claimers.size());
        long conflicts = conflicts() - conflictsBefore;

        assertThat(claims).as("rows claimed").hasSize(2 * rows);
        assertThat(claims.values()).as("claims of each row").containsOnly(1);
        assertThat(errors).as("claims that failed").isEmpty();
        assertThat(conflicts).as("certification conflicts among the claimers").isPositive();
        System.out.printf("galera claims: %d rows, certification conflicts: %d%n", 2 * rows, conflicts);
    }

    /** Claims and finishes rows until none is due at its node, as a sender's runs do (a failed run: the next). */
    private static void drain(java.util.function.Supplier<List<String>> claim,
                              java.util.function.Consumer<String> finish, java.util.function.LongSupplier due,
                              Map<String, Integer> claims, List<String> errors) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> claimed;
            try {
                claimed = claim.get();
            } catch (RuntimeException e) {
                errors.add(String.valueOf(e.getCause() != null ? e.getCause() : e));
                continue;
            }
            for (String id : claimed) {
                claims.merge(id, 1, Integer::sum);
                finish.accept(id);
            }
            if (claimed.isEmpty() && due.getAsLong() == 0) {
                return;
            }
        }
    }

    private static long countAt(Jdbi node, String sql) {
        return node.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /**
     * The file's bytes go to the shared data directory, its metadata to the cluster: what was uploaded through
     * the instance on node 0 is listed, and downloaded byte for byte, through the instances on nodes 1 and 2.
     */
    @Test
    @Order(4)
    void aFileUploadedThroughNodeZeroIsListedAndDownloadedThroughTheOthers() throws Exception {
        Api[] admins = {instances.adminAt(0), instances.adminAt(1), instances.adminAt(2)};
        admins[0].post("/api/v1/konwents", Map.of("id", "galera-pliki", "name", "Konwent plików")).expect(201);
        String documents = "/api/v1/konwents/galera-pliki/documents";
        String document = admins[0].post(documents, Map.of("title", "Sprawozdanie", "kind", "POSITION",
                "date", "2026-11-20", "visibility", "INTERNAL", "body", "Treść")).expect(201).json().path("id")
                .asText();
        JsonNode uploaded = admins[0].post(documents + "/" + document + "/files?filename=sprawozdanie.pdf", PDF,
                "Content-Type", "application/pdf").expect(201).json();
        String fileId = uploaded.path("id").asText();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(uploaded.path("sha256").asText()).isEqualTo(sha256);
        assertThat(Files.readAllBytes(sharedDataDir.resolve("files").resolve(fileId))).isEqualTo(PDF);
        awaitOnEveryNode("SELECT COUNT(*) FROM document_file WHERE id = '" + fileId + "'", 1);

        for (int node = 1; node < GaleraCluster.NODES; node++) {
            JsonNode files = admins[node].get(documents + "/" + document).expect(200).json().path("files");
            assertThat(files).hasSize(1);
            assertThat(files.get(0).path("id").asText()).isEqualTo(fileId);
            assertThat(files.get(0).path("sha256").asText()).isEqualTo(sha256);
            assertThat(files.get(0).path("size").asLong()).isEqualTo(PDF.length);
            Api.Reply download = admins[node].get(documents + "/" + document + "/files/" + fileId).expect(200);
            assertThat(download.bytes()).isEqualTo(PDF);
            assertThat(download.header("ETag")).contains(sha256);
        }
    }

    /**
     * Failed logins of one username, sent at once through the three instances, are all counted, on every node,
     * and hold the username back at every instance; then one address failing, for any usernames, at the three
     * instances in turn is refused everywhere once its failures there add up to the limit (20). Last: it leaves
     * the tests' address refused for this schema's window.
     */
    @Test
    @Order(5)
    void failedLoginsSpreadOverTheThreeInstancesCountTogether() throws Exception {
        int perAddress = 20;
        instances.adminAt(1).post("/api/v1/accounts", Map.of("username", "galera-zgadywania", "password",
                Accounts.PASSWORD, "displayName", "Zgadywana")).expect(201);
        awaitOnEveryNode("SELECT COUNT(*) FROM account WHERE username = 'galera-zgadywania'", 1);
        List<Runnable> guesses = new ArrayList<>();
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        for (int i = 0; i < 9; i++) {
            Api at = instances.at(i % 3);
            String password = "zle-" + i;
            guesses.add(() -> answers.merge(at.post("/api/v1/tokens", Map.of("username", "galera-zgadywania",
                    "password", password)).status(), 1, Integer::sum));
        }
        Crowds.runAtOnce(guesses, 9);
        int failed = answers.getOrDefault(401, 0);
        assertThat(answers.keySet()).as("answers to the guesses").isSubsetOf(401, 429);
        assertThat(failed).as("guesses checked and failed").isBetween(5, 9);
        awaitOnEveryNode("SELECT COUNT(*) FROM throttle_attempt WHERE bucket = 'login'", failed);
        awaitOnEveryNode("SELECT COUNT(*) FROM throttle_attempt WHERE bucket = 'login-address'", failed);
        long longest = 1L << (failed - 5);
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            Api.Reply held = instances.at(node).post("/api/v1/tokens", Map.of("username", "galera-zgadywania",
                    "password", Accounts.PASSWORD)).expect(429);
            assertThat(Long.parseLong(held.header("Retry-After"))).isBetween(1L, longest);
        }

        for (int i = failed; i < perAddress; i++) {
            instances.at(i % 3).post("/api/v1/tokens", Map.of("username", "galera-nikt-" + i,
                    "password", "zle")).expect(401);
            awaitOnEveryNode("SELECT COUNT(*) FROM throttle_attempt WHERE bucket = 'login-address'", i + 1);
        }
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            instances.at(node).post("/api/v1/tokens", Map.of("username", "admin",
                    "password", pl.konwent.app.testing.TestServer.ADMIN_PASSWORD)).expect(429);
        }
    }

    private static Function<List<Receiver.Received>, List<Receiver.Received>> forHooks(Map<String, String> pathOf) {
        return all -> all.stream().filter(r -> pathOf.containsValue(r.path())).toList();
    }

    /** What the receiver got, once it has got nothing new for a second (it waits a minute at most). */
    private static List<Receiver.Received> quiet(Function<List<Receiver.Received>, List<Receiver.Received>> of)
            throws InterruptedException {
        List<Receiver.Received> last = of.apply(receiver.received());
        for (int round = 0; round < 60; round++) {
            Thread.sleep(1000);
            List<Receiver.Received> now = of.apply(receiver.received());
            if (now.size() == last.size()) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static long conflicts() {
        return cluster.sumOfStatus("wsrep_local_cert_failures") + cluster.sumOfStatus("wsrep_local_bf_aborts");
    }

    private static long count(int node, String sql) {
        return instances.jdbiAt(node).withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** Waits until every node answers {@code expected} to the count: what one node wrote has reached the others. */
    private static void awaitOnEveryNode(String countSql, long expected) throws InterruptedException {
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            int at = node;
            await(() -> count(at, countSql) == expected, "node " + at + " to count " + expected + ": " + countSql);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + REPLICATED_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + REPLICATED_WITHIN.toSeconds() + " s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
