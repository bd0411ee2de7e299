import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * The benchmark's helper, run by bench/run with the server's own jar on the class path (JDBC drivers, Jackson):
 * {@code java -cp konwent-app/target/konwent.jar bench/Bench.java <command> ...}.
 *
 * <ul>
 *   <li>{@code createdb|dropdb <jdbc-server-url> <name>}: the MariaDB database of one run;</li>
 *   <li>{@code setup <api> <admin-password> <out.json> <konwent:count>...}: token, konwents, one member each (API);</li>
 *   <li>{@code seed <jdbc-url> <user> <password> <out.json> <tally-konwent> <ballots> <konwent:count>...}: copies
 *       each konwent's one member row up to count, and writes a CLOSED secret vote with that many ballots;</li>
 *   <li>{@code voice <api> <token> <konwent> <voices> <out.txt>}: accounts sharing the members as their
 *       REPRESENTATIVE (V6), their tokens in out.txt;</li>
 *   <li>{@code burst <api> <token> <voices.txt> <konwent> <concurrency> <out.json>}: a vote (opened by the ADMIN)
 *       where every member of the konwent votes at once through the voices, checked against the tally;</li>
 *   <li>{@code tally <api> <konwent> <vote-id> <repeats> <jdbc-url> <user> <password> <out.json>}: the time to
 *       tally the seeded vote, through the API and as the bare SQL;</li>
 *   <li>{@code bareballot <jdbc-url> <user> <password> <konwent> <concurrency> <out.json>}: the floor of a ballot:
 *       an open named vote of the konwent's members written straight into the database, then every member's ballot
 *       as the bare SQL the server's transaction runs (the voter, the choice and the audit row, one durable commit
 *       each), from as many JDBC connections as the burst's HTTP connections;</li>
 *   <li>{@code barepage <jdbc-url> <user> <password> <konwent> <concurrency> <seconds> <out.json>}: the floor of a
 *       register page: the statements of the server's anonymous page of 50 (the register's stamp, its konwent, then
 *       the public columns of 51 members) on connections opened as the server opens them, from that many
 *       connections, for that long;</li>
 *   <li>{@code report <run-dir>}: results.json, results.md and latency.png from one run's pieces.</li>
 * </ul>
 */
public class Bench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String command = args[0];
        String[] a = Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "createdb" -> admin(a[0], "CREATE DATABASE `" + a[1] + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            case "dropdb" -> admin(a[0], "DROP DATABASE IF EXISTS `" + a[1] + "`");
            case "setup" -> setup(a);
            case "seed" -> seed(a);
            case "voice" -> voice(a);
            case "burst" -> burst(a);
            case "tally" -> tally(a);
            case "bareballot" -> bareBallot(a);
            case "barepage" -> barePage(a);
            case "report" -> report(Path.of(a[0]));
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    // ---------------------------------------------------------------- database of a run

    static void admin(String serverUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    // ---------------------------------------------------------------- setup through the API

    static void setup(String[] a) throws Exception {
        String api = a[0];
        String password = a[1];
        Path out = Path.of(a[2]);
        JsonNode token = call("POST", api + "/tokens", null, Map.of("username", "admin", "password", password), 201, 200);
        String bearer = token.get("token").asText();
        ObjectNode result = JSON.createObjectNode().put("token", bearer);
        ObjectNode members = result.putObject("templateMembers");
        for (int i = 3; i < a.length; i++) {
            String konwent = a[i].split(":")[0];
            call("POST", api + "/konwents", bearer, Map.of("id", konwent, "name", "Konwent testowy " + konwent,
                    "charter", Map.of("defaultMajority", "SIMPLE", "defaultQuorum", 0.5, "alternation", true,
                            "councilSize", 5)), 201);
            Map<String, Object> declaration = new LinkedHashMap<>();
            declaration.put("memberName", "Centrum Integracji Społecznej w Pniewach " + konwent);
            declaration.put("kind", "CIS");
            declaration.put("address", Map.of("street", "ul. Przykładowa 1", "postalCode", "62-045", "town", "Pniewy",
                    "voivodeship", "30"));
            declaration.put("phone", "+48 61 000 00 00");
            declaration.put("email", "cis@example.pl");
            declaration.put("foundingInstitution", Map.of("name", "Gmina Pniewy", "address",
                    Map.of("street", "ul. Ratuszowa 2", "postalCode", "62-045", "town", "Pniewy"),
                    "phone", "+48 61 000 00 01", "email", "gmina@example.pl"));
            declaration.put("representatives", List.of(Map.of("name", "Anna Nowak", "phone", "+48 600 000 000",
                    "email", "anna@example.pl")));
            declaration.put("signedBy", "Jan Kowalski");
            declaration.put("signedOn", "2011-03-15");
            JsonNode d = call("POST", api + "/konwents/" + konwent + "/declarations", null, declaration, 201);
            JsonNode decided = call("POST", api + "/konwents/" + konwent + "/declarations/" + d.get("id").asText()
                    + "/decision", bearer, Map.of("outcome", "ACCEPTED", "reason", "bench"), 200, 201);
            String memberId = decided.hasNonNull("memberId") ? decided.get("memberId").asText() : null;
            if (memberId == null) {
                memberId = call("GET", api + "/konwents/" + konwent + "/members?limit=1", null, null, 200)
                        .get("items").get(0).get("id").asText();
            }
            members.put(konwent, memberId);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    }

    // ---------------------------------------------------------------- seeding straight into the database

    static void seed(String[] a) throws Exception {
        String url = a[0];
        Path out = Path.of(a[3]);
        String tallyKonwent = a[4];
        int ballots = Integer.parseInt(a[5]);
        long started = System.nanoTime();
        ObjectNode result = JSON.createObjectNode();
        try (Connection c = DriverManager.getConnection(url, a[1], a[2])) {
            c.setAutoCommit(false);
            result.put("database", c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
            int total = 0;
            for (int i = 6; i < a.length; i++) {
                String[] kc = a[i].split(":");
                total += copyMembers(c, kc[0], Integer.parseInt(kc[1]));
            }
            result.put("members", total);
            result.put("tallyVoteId", seedClosedVote(c, tallyKonwent, ballots));
            result.put("ballots", ballots);
        }
        result.put("seedSeconds", (System.nanoTime() - started) / 1e9);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        System.out.printf("seeded %d members and %d ballots in %.1f s%n", result.get("members").asInt(), ballots,
                result.get("seedSeconds").asDouble());
    }

    /** Copies the konwent's one member row (made through the API, so every column is as the server writes it). */
    static int copyMembers(Connection c, String konwent, int count) throws Exception {
        List<String> columns = new ArrayList<>();
        List<Object> template = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM member WHERE konwent_id = ?")) {
            q.setString(1, konwent);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no template member in " + konwent);
                }
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    template.add(rs.getObject(i));
                }
            }
        }
        String sql = "INSERT INTO member (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        long joined = System.currentTimeMillis() - 86_400_000L * 365;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int n = 1; n < count; n++) {
                String name = String.format("Centrum Integracji Społecznej nr %05d w %s", n, konwent);
                for (int i = 0; i < columns.size(); i++) {
                    Object value = switch (columns.get(i)) {
                        case "id" -> UUID.randomUUID().toString();
                        case "name" -> name;
                        case "search_name" -> pl.konwent.domain.shared.Text.fold(name);
                        case "joined_at", "changed_at" -> joined + n * 60_000L;
                        case "declaration_id" -> null;
                        default -> template.get(i);
                    };
                    insert.setObject(i + 1, value);
                }
                insert.addBatch();
                if (n % 1000 == 0) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return count;
    }

    /**
     * A CLOSED secret vote of the konwent with {@code ballots} electors, all of whom voted (50% FOR, 30% AGAINST,
     * 20% ABSTAIN), stored as closing stores one: who voted, and the totals opened from the sealed ballots (V3; the
     * sealed ballots themselves are not read once the vote is closed). The electors are fresh ids, not member rows.
     */
    static String seedClosedVote(Connection c, String konwent, int ballots) throws Exception {
        String vote = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        try (PreparedStatement v = c.prepareStatement("INSERT INTO vote (id, konwent_id, title, kind, text, secret, "
                + "majority, quorum, meeting_id, state, created_at, opened_at, closed_at, electorate, version, purpose) "
                + "VALUES (?, ?, 'Uchwała testowa', 'MOTION', 'Treść uchwały testowej.', TRUE, 'SIMPLE', NULL, NULL, "
                + "'CLOSED', ?, ?, ?, ?, 3, 'RESOLUTION')")) {
            v.setString(1, vote);
            v.setString(2, konwent);
            v.setLong(3, now - 7_200_000);
            v.setLong(4, now - 3_600_000);
            v.setLong(5, now - 60_000);
            v.setInt(6, ballots);
            v.executeUpdate();
        }
        try (PreparedStatement elector = c.prepareStatement("INSERT INTO vote_elector (vote_id, member_id) VALUES (?, ?)");
             PreparedStatement cast = c.prepareStatement("INSERT INTO ballot_cast (vote_id, member_id) VALUES (?, ?)");
             PreparedStatement total = c.prepareStatement(
                     "INSERT INTO ballot_total (vote_id, option_id, total) VALUES (?, ?, ?)")) {
            for (int n = 0; n < ballots; n++) {
                String member = UUID.randomUUID().toString();
                elector.setString(1, vote);
                elector.setString(2, member);
                elector.addBatch();
                cast.setString(1, vote);
                cast.setString(2, member);
                cast.addBatch();
                if (n % 2000 == 1999) {
                    elector.executeBatch();
                    cast.executeBatch();
                    c.commit();
                }
            }
            elector.executeBatch();
            cast.executeBatch();
            long[] counts = new long[3];
            for (int n = 0; n < ballots; n++) {
                counts[n % 10 < 5 ? 0 : n % 10 < 8 ? 1 : 2]++;
            }
            String[] options = {"FOR", "AGAINST", "ABSTAIN"};
            for (int i = 0; i < options.length; i++) {
                total.setString(1, vote);
                total.setString(2, options[i]);
                total.setLong(3, counts[i]);
                total.executeUpdate();
            }
            c.commit();
        }
        return vote;
    }

    // ---------------------------------------------------------------- ballot burst

    static void burst(String[] a) throws Exception {
        String api = a[0];
        String token = a[1];
        List<String> voices = Files.readAllLines(Path.of(a[2]));
        String konwent = a[3];
        int concurrency = Integer.parseInt(a[4]);
        Path out = Path.of(a[5]);
        String base = api + "/konwents/" + konwent;

        List<String> members = activeMembers(base);
        int n = members.size();

        JsonNode vote = call("POST", base + "/votes", token, Map.of("title", "Burza głosów " + n, "kind", "MOTION",
                "text", "Czy przyjąć stanowisko?", "secret", false, "majority", "SIMPLE"), 201);
        String voteId = vote.get("id").asText();
        call("POST", base + "/votes/" + voteId + "/opening", token, null, 200, 201);

        String[] choices = {"FOR", "AGAINST", "ABSTAIN"};
        long[] sent = new long[3];
        for (int i = 0; i < n; i++) {
            sent[i % 3]++;
        }
        long[] latencies = new long[n];
        int[] statuses = new int[n];
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String body = "{\"memberId\":\"" + members.get(i) + "\",\"choice\":\"" + choices[i % 3] + "\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/votes/" + voteId + "/ballots"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + voices.get(i % voices.size()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        statuses[i] = response.statusCode();
                        if (response.statusCode() != 201 && failures.size() < 5) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        statuses[i] = -1;
                        if (failures.size() < 5) {
                            failures.add(e.toString());
                        }
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("ballot burst did not end in 10 minutes");
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        call("POST", base + "/votes/" + voteId + "/closing", token, null, 200, 201);
        JsonNode tally = call("GET", base + "/votes/" + voteId + "/result", null, null, 200);
        long accepted = Arrays.stream(statuses).filter(s -> s == 201).count();
        JsonNode counts = tally.get("counts");
        long gotFor = counts.get("for").asLong();
        long gotAgainst = counts.get("against").asLong();
        long gotAbstain = counts.get("abstain").asLong();
        long turnout = tally.get("turnout").asLong();
        long named = tally.has("ballots") && tally.get("ballots").isArray() ? tally.get("ballots").size() : -1;
        boolean exact = accepted == n && gotFor == sent[0] && gotAgainst == sent[1] && gotAbstain == sent[2]
                && turnout == n && (named == -1 || named == n);

        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        ObjectNode result = JSON.createObjectNode();
        result.put("konwent", konwent).put("ballots", n).put("concurrency", concurrency).put("seconds", seconds)
                .put("ballotsPerSecond", n / seconds)
                .put("p50_ms", pct(sorted, 50)).put("p90_ms", pct(sorted, 90)).put("p99_ms", pct(sorted, 99))
                .put("p99_9_ms", pct(sorted, 99.9)).put("max_ms", sorted[n - 1] / 1e6)
                .put("accepted", accepted).put("rejected", n - accepted)
                .put("sentFor", sent[0]).put("sentAgainst", sent[1]).put("sentAbstain", sent[2])
                .put("countedFor", gotFor).put("countedAgainst", gotAgainst).put("countedAbstain", gotAbstain)
                .put("turnout", turnout).put("namedBallots", named)
                .put("lost", Math.max(0, accepted - turnout)).put("duplicated", Math.max(0, turnout - accepted))
                .put("exact", exact);
        ArrayNode f = result.putArray("failures");
        failures.forEach(f::add);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        System.out.printf("burst %s: %d ballots, %d connections: %.0f ballots/s, p99 %.1f ms, exact=%s%n", konwent, n,
                concurrency, n / seconds, pct(sorted, 99), exact);
    }

    static double pct(long[] sortedNanos, double p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    // ---------------------------------------------------------------- tally of the seeded vote

    static void tally(String[] a) throws Exception {
        String api = a[0];
        String konwent = a[1];
        String vote = a[2];
        int repeats = Integer.parseInt(a[3]);
        Path out = Path.of(a[7]);
        String url = api + "/konwents/" + konwent + "/votes/" + vote + "/result";
        long[] http = new long[repeats];
        JsonNode last = null;
        for (int i = 0; i < repeats + 2; i++) {
            long t0 = System.nanoTime();
            JsonNode r = call("GET", url, null, null, 200);
            if (i >= 2) {
                http[i - 2] = System.nanoTime() - t0;
            }
            last = r;
        }
        long[] sql = new long[repeats];
        if (!a[4].equals("-")) try (Connection c = DriverManager.getConnection(a[4], a[5], a[6]);
             PreparedStatement q = c.prepareStatement(
                     "SELECT option_id, total FROM ballot_total WHERE vote_id = ?")) {
            q.setString(1, vote);
            for (int i = 0; i < repeats + 2; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(2);
                    }
                }
                if (i >= 2) {
                    sql[i - 2] = System.nanoTime() - t0;
                }
            }
        }
        Arrays.sort(http);
        Arrays.sort(sql);
        JsonNode counts = last.get("counts");
        long total = counts.get("for").asLong() + counts.get("against").asLong() + counts.get("abstain").asLong();
        ObjectNode result = JSON.createObjectNode();
        result.put("voteId", vote).put("ballots", total).put("repeats", repeats)
                .put("http_median_ms", http[repeats / 2] / 1e6).put("http_min_ms", http[0] / 1e6)
                .put("http_max_ms", http[repeats - 1] / 1e6)
                .set("counts", counts);
        if (!a[4].equals("-")) {
            result.put("sql_median_ms", sql[repeats / 2] / 1e6).put("sql_min_ms", sql[0] / 1e6);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        System.out.printf("tally of %d ballots: %.1f ms through the API (median of %d)%s%n", total,
                http[repeats / 2] / 1e6, repeats, a[4].equals("-") ? "" : String.format(Locale.ROOT,
                        ", %.1f ms the bare query", sql[repeats / 2] / 1e6));
    }

    // ---------------------------------------------------------------- bare floors (JDBC, no server)

    static void bareBallot(String[] a) throws Exception {
        String url = a[0];
        String user = a[1];
        String password = a[2];
        String konwent = a[3];
        int concurrency = Integer.parseInt(a[4]);
        Path out = Path.of(a[5]);
        String vote = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        int n;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (PreparedStatement v = c.prepareStatement("INSERT INTO vote (id, konwent_id, title, kind, text, "
                    + "secret, majority, quorum, meeting_id, state, created_at, opened_at, closed_at, electorate, "
                    + "version, purpose) VALUES (?, ?, 'Podłoga głosowania', 'MOTION', 'Treść.', FALSE, 'SIMPLE', "
                    + "NULL, NULL, 'OPEN', ?, ?, NULL, 0, 2, 'RESOLUTION')")) {
                v.setString(1, vote);
                v.setString(2, konwent);
                v.setLong(3, now);
                v.setLong(4, now);
                v.executeUpdate();
            }
            try (PreparedStatement e = c.prepareStatement("INSERT INTO vote_elector (vote_id, member_id) "
                    + "SELECT ?, id FROM member WHERE konwent_id = ? AND status = 'ACTIVE'")) {
                e.setString(1, vote);
                e.setString(2, konwent);
                n = e.executeUpdate();
            }
        }
        List<String> members = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement q = c.prepareStatement("SELECT member_id FROM vote_elector WHERE vote_id = ?")) {
            q.setString(1, vote);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        String[] choices = {"FOR", "AGAINST", "ABSTAIN"};
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger counted = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            connections.add(c);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        for (Connection c : connections) {
            pool.execute(() -> {
                try (PreparedStatement voter = c.prepareStatement("INSERT INTO ballot_cast (vote_id, member_id) "
                        + "SELECT e.vote_id, e.member_id FROM vote_elector e JOIN vote v ON v.id = e.vote_id "
                        + "WHERE e.vote_id = ? AND e.member_id = ? AND v.state = 'OPEN'");
                     PreparedStatement choice = c.prepareStatement(
                             "INSERT INTO ballot_choice (id, vote_id, choice, member_id) VALUES (?, ?, ?, ?)");
                     PreparedStatement audit = c.prepareStatement("INSERT INTO audit_entry (id, at, actor_id, "
                             + "actor_name, konwent_id, action, resource, status, outcome, reason) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        String member = members.get(i);
                        voter.setString(1, vote);
                        voter.setString(2, member);
                        if (voter.executeUpdate() == 1) {
                            choice.setString(1, UUID.randomUUID().toString());
                            choice.setString(2, vote);
                            choice.setString(3, choices[i % 3]);
                            choice.setString(4, member);
                            choice.executeUpdate();
                            audit.setString(1, UUID.randomUUID().toString());
                            audit.setLong(2, System.currentTimeMillis());
                            audit.setString(3, "bench");
                            audit.setString(4, "bench");
                            audit.setString(5, konwent);
                            audit.setString(6, "POST /konwents/{konwentId}/votes/{voteId}/ballots");
                            audit.setString(7, "/api/v1/konwents/" + konwent + "/votes/" + vote + "/ballots");
                            audit.setInt(8, 201);
                            audit.setString(9, "SUCCESS");
                            audit.setString(10, null);
                            audit.executeUpdate();
                            counted.incrementAndGet();
                        }
                        c.commit();
                        latencies[i] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    if (failures.size() < 5) {
                        failures.add(e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("bare ballots did not end in 10 minutes");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Connection c : connections) {
            c.close();
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        ObjectNode result = JSON.createObjectNode();
        result.put("konwent", konwent).put("ballots", n).put("concurrency", concurrency).put("seconds", seconds)
                .put("ballotsPerSecond", n / seconds).put("p50_ms", pct(sorted, 50)).put("p99_ms", pct(sorted, 99))
                .put("counted", counted.get()).put("exact", counted.get() == n);
        ArrayNode f = result.putArray("failures");
        failures.forEach(f::add);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        System.out.printf("bare SQL ballots %s: %d ballots, %d connections: %.0f ballots/s, p99 %.1f ms%n", konwent, n,
                concurrency, n / seconds, pct(sorted, 99));
    }

    static void barePage(String[] a) throws Exception {
        String url = a[0];
        String user = a[1];
        String password = a[2];
        String konwent = a[3];
        int concurrency = Integer.parseInt(a[4]);
        long seconds = Long.parseLong(a[5]);
        Path out = Path.of(a[6]);
        // the statements of an anonymous register page, as the server runs them: the register's stamp (the ETag),
        // its konwent, then the page's rows
        String stampSql = "SELECT register_version FROM public_stamp WHERE konwent_id = ?";
        String konwentSql = "SELECT " + pl.konwent.adapters.jdbi.konwent.JdbiKonwents.Dao.COLUMNS
                + " FROM konwent WHERE id = ?";
        String sql = "SELECT " + pl.konwent.adapters.jdbi.membership.JdbiMembers.PUBLIC_COLUMNS
                + " FROM member USE INDEX (ix_member_konwent_name) WHERE konwent_id = ? "
                + "ORDER BY konwent_id, name, id LIMIT 51";
        // and on a connection as the server opens it: with the schema's collation (KonwentConfiguration's MySQL
        // defaults), without which MariaDB sorts the whole register for every page instead of reading its index
        String connectionUrl = url.startsWith("jdbc:mysql:") && !url.contains("connectionCollation=")
                ? url + (url.contains("?") ? "&" : "?") + "connectionCollation=utf8mb4_unicode_ci" : url;
        AtomicLong pages = new AtomicLong();
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long warm = System.nanoTime() + 2_000_000_000L;
        long end = warm + seconds * 1_000_000_000L;
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                long[] mine = new long[1 << 20];
                int count = 0;
                try (Connection c = DriverManager.getConnection(connectionUrl, user, password);
                     PreparedStatement s = c.prepareStatement(stampSql);
                     PreparedStatement k = c.prepareStatement(konwentSql);
                     PreparedStatement q = c.prepareStatement(sql)) {
                    s.setString(1, konwent);
                    k.setString(1, konwent);
                    q.setString(1, konwent);
                    for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                        readAll(s);
                        readAll(k);
                        readAll(q);
                        if (t0 >= warm && count < mine.length) {
                            mine[count++] = System.nanoTime() - t0;
                        }
                    }
                } catch (Exception e) {
                    if (failures.size() < 5) {
                        failures.add(e.toString());
                    }
                }
                pages.addAndGet(count);
                samples.add(Arrays.copyOf(mine, count));
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("bare pages did not end");
        }
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        ObjectNode result = JSON.createObjectNode();
        result.put("konwent", konwent).put("concurrency", concurrency).put("seconds", seconds)
                .put("rps", pages.get() / (double) seconds)
                .put("p50_ms", all.length == 0 ? 0 : pct(all, 50)).put("p99_ms", all.length == 0 ? 0 : pct(all, 99));
        ArrayNode f = result.putArray("failures");
        failures.forEach(f::add);
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        System.out.printf("bare SQL register page %s: %.0f pages/s, p99 %.2f ms%n", konwent,
                pages.get() / (double) seconds, all.length == 0 ? 0 : pct(all, 99));
    }

    /** Runs a query and reads every column of every row, as a row mapper does. */
    static void readAll(PreparedStatement query) throws Exception {
        try (ResultSet rs = query.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getString(i);
                }
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    static List<String> activeMembers(String base) throws Exception {
        List<String> members = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = call("GET", base + "/members?status=ACTIVE&limit=500" + (cursor == null ? "" : "&cursor=" + cursor),
                    null, null, 200);
            page.get("items").forEach(m -> members.add(m.get("id").asText()));
            cursor = page.hasNonNull("next") ? java.net.URLEncoder.encode(page.get("next").asText(), "UTF-8") : null;
        } while (cursor != null);
        return members;
    }

    /**
     * {@code voice <api> <admin-token> <konwent> <voices> <out.txt>}: {@code voices} accounts that share the active
     * members between them, member i going to voice i mod voices, each its members' REPRESENTATIVE (granted by the
     * ADMIN with a reason, A2); their tokens in out.txt, one a line. V6 keeps the ADMIN from casting members' ballots,
     * so a burst speaks for them through these; made before the burst, outside its CPU measurement. A real
     * representative acts for one member; a voice for many reads all its grants with each request, so keep voices
     * near the burst's concurrency (n / voices grants each).
     */
    static void voice(String[] a) throws Exception {
        String api = a[0];
        String adminToken = a[1];
        String konwent = a[2];
        int voices = Integer.parseInt(a[3]);
        List<String> members = activeMembers(api + "/konwents/" + konwent);
        String password = "bench-voice-password-" + System.nanoTime();
        List<String> accounts = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        for (int v = 0; v < voices; v++) {
            String username = "bench-voice-" + konwent + "-" + v + "-" + System.nanoTime();
            usernames.add(username);
            accounts.add(call("POST", api + "/accounts", adminToken, Map.of("username", username, "password", password,
                    "displayName", "Benchmark voice " + v, "email", username + "@example.org"), 201).get("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> grants = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String account = accounts.get(i % voices);
            String member = members.get(i);
            grants.add(pool.submit(() -> call("POST", api + "/accounts/" + account + "/roles", adminToken,
                    Map.of("konwentId", konwent, "role", "REPRESENTATIVE", "memberId", member,
                            "reason", "benchmark: a voice of many members"), 201)));
        }
        for (java.util.concurrent.Future<?> grant : grants) {
            grant.get();
        }
        pool.shutdown();
        StringBuilder tokens = new StringBuilder();
        for (String username : usernames) {
            tokens.append(call("POST", api + "/tokens", null, Map.of("username", username, "password", password), 201)
                    .get("token").asText()).append('\n');
        }
        Files.writeString(Path.of(a[4]), tokens);
    }

    static JsonNode call(String method, String url, String token, Object body, int... expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (Arrays.stream(expected).noneMatch(s -> s == response.statusCode())) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    // ---------------------------------------------------------------- report

    /** The HTTP reads in the order they are shown; "trivial" is the floor the others are compared with. */
    static final String[][] READS = {
            {"trivial", "GET /api/v1 (the floor)"},
            {"members_1k", "member list, limit 50, register of 1,000"},
            {"members_10k", "member list, limit 50, register of 10,000"},
            {"member", "member by id"},
            {"feed_1k", "feed.atom, register of 1,000"},
            {"feed_10k", "feed.atom, register of 10,000"},
            {"feed_10k_304", "feed.atom with If-None-Match (304), register of 10,000"},
    };

    /**
     * Adds what one request (or ballot) cost in CPU time, of the server and of the database server when it runs on
     * this machine, from the cpu-*.json bench/run wrote around the measurement.
     */
    static void withCpu(ObjectNode result, Path cpu, long count) throws Exception {
        if (!Files.exists(cpu) || count == 0) {
            return;
        }
        JsonNode c = JSON.readTree(cpu.toFile());
        ObjectNode per = result.putObject("cpuMsPer");
        per.put("server", c.get("serverCpuMs").asDouble() / count);
        if (!c.get("databaseCpuMs").isNull()) {
            per.put("database", c.get("databaseCpuMs").asDouble() / count);
        }
    }

    static void report(Path dir) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(dir.resolve("machine.json").toFile());
        ObjectNode engines = root.putObject("engines");
        for (File engineDir : dir.toFile().listFiles(File::isDirectory)) {
            ObjectNode e = engines.putObject(engineDir.getName());
            Path p = engineDir.toPath();
            for (String piece : List.of("server", "seed", "tally", "bare-ballot", "bare-page")) {
                if (Files.exists(p.resolve(piece + ".json"))) {
                    e.set(piece, JSON.readTree(p.resolve(piece + ".json").toFile()));
                }
            }
            ObjectNode reads = e.putObject("reads");
            for (String[] read : READS) {
                Path f = p.resolve("wrk-" + read[0] + ".json");
                if (Files.exists(f)) {
                    ObjectNode r = (ObjectNode) JSON.readTree(f.toFile());
                    withCpu(r, p.resolve("cpu-" + read[0] + ".json"), r.get("requests").asLong());
                    reads.set(read[0], r);
                }
            }
            ObjectNode bursts = e.putObject("bursts");
            for (File f : p.toFile().listFiles((d, name) -> name.startsWith("burst-") && name.endsWith(".json"))) {
                ObjectNode b = (ObjectNode) JSON.readTree(f);
                withCpu(b, p.resolve("cpu-" + f.getName()), b.get("ballots").asLong());
                bursts.set(b.get("ballots").asText(), b);
            }
        }
        root.set("targets", targets(engines));
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("results.json").toFile(), root);
        String md = markdown(root);
        Files.writeString(dir.resolve("results.md"), md);
        plot(engines, dir.resolve("latency.png"));
        System.out.println(md);
    }

    static List<String> engineNames(JsonNode engines) {
        List<String> names = new ArrayList<>();
        engines.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    static ArrayNode targets(ObjectNode engines) {
        ArrayNode t = JSON.createArrayNode();
        for (String name : engineNames(engines)) {
            JsonNode e = engines.get(name);
            JsonNode r = e.get("reads");
            if (r.has("trivial") && r.has("members_10k")) {
                double ratio = r.get("members_10k").get("rps").asDouble() / r.get("trivial").get("rps").asDouble();
                t.add(target(name, "register page of 50 ≥ 25% of the HTTP floor (register of 10,000)", ratio * 100, "%",
                        ratio >= 0.25));
            }
            if (r.has("members_10k") && e.has("bare-page")) {
                double ratio = r.get("members_10k").get("rps").asDouble() / e.get("bare-page").get("rps").asDouble();
                t.add(target(name, "register page of 50 ÷ its bare SQL (same connections; shown, no target)",
                        ratio * 100, "%", true));
            }
            if (r.has("trivial") && r.has("feed_10k_304")) {
                double ratio = r.get("feed_10k_304").get("rps").asDouble() / r.get("trivial").get("rps").asDouble();
                t.add(target(name, "feed.atom answered 304 ≥ 50% of the HTTP floor", ratio * 100, "%", ratio >= 0.5));
            }
            for (String[] read : READS) {
                if (r.has(read[0])) {
                    double p99 = r.get(read[0]).get("latency_ms").get("p99").asDouble();
                    t.add(target(name, "p99 < 20 ms at " + r.get(read[0]).get("connections").asInt() + " connections: "
                            + read[1], p99, "ms", p99 < 20));
                }
            }
            if (r.has("members_1k") && r.has("members_10k")) {
                double ratio = r.get("members_1k").get("rps").asDouble() / r.get("members_10k").get("rps").asDouble();
                t.add(target(name, "list page independent of the register's size (rps 1,000 / rps 10,000; 1.0 = same)",
                        ratio, "×", ratio < 1.25));
            }
            JsonNode bursts = e.get("bursts");
            for (Iterator<String> it = bursts.fieldNames(); it.hasNext(); ) {
                JsonNode b = bursts.get(it.next());
                String what = "ballots/s, burst of " + b.get("ballots").asInt();
                if (e.has("bare-ballot")) {
                    double ratio = b.get("ballotsPerSecond").asDouble()
                            / e.get("bare-ballot").get("ballotsPerSecond").asDouble();
                    t.add(target(name, what + " ≥ 50% of the bare-SQL ballot floor", ratio * 100, "%", ratio >= 0.5));
                }
                t.add(target(name, "zero lost or duplicated, burst of " + b.get("ballots").asInt(),
                        b.get("lost").asDouble() + b.get("duplicated").asDouble(), "", b.get("exact").asBoolean()));
            }
            if (e.has("tally")) {
                double ms = e.get("tally").get("http_median_ms").asDouble();
                t.add(target(name, "tally of " + e.get("tally").get("ballots").asInt() + " ballots < 50 ms", ms, "ms",
                        ms < 50));
            }
        }
        return t;
    }

    static ObjectNode target(String engine, String what, double value, String unit, boolean met) {
        return JSON.createObjectNode().put("engine", engine).put("target", what)
                .put("value", Math.round(value * 100) / 100.0).put("unit", unit).put("met", met);
    }

    static String markdown(JsonNode root) {
        JsonNode engines = root.get("engines");
        List<String> names = engineNames(engines);
        StringBuilder md = new StringBuilder();
        md.append("## Reads (wrk, ").append(root.path("config").path("duration").asText()).append(" s each, ")
                .append(root.path("config").path("connections").asText()).append(" connections, ")
                .append(root.path("config").path("threads").asText()).append(" threads)\n\n");
        md.append("| read |");
        for (String n : names) {
            md.append(" ").append(n).append(" req/s | ×floor | p50 ms | p99 ms | ×floor p99 |");
        }
        md.append("\n|---|");
        md.append("---:|---:|---:|---:|---:|".repeat(names.size())).append("\n");
        for (String[] read : READS) {
            md.append("| ").append(read[1]).append(" |");
            for (String n : names) {
                JsonNode r = engines.get(n).get("reads");
                if (!r.has(read[0])) {
                    md.append(" – | – | – | – | – |");
                    continue;
                }
                JsonNode x = r.get(read[0]);
                JsonNode floor = r.get("trivial");
                double rps = x.get("rps").asDouble();
                double p99 = x.get("latency_ms").get("p99").asDouble();
                md.append(String.format(Locale.ROOT, " %.0f | %.2f | %.2f | %.2f | %.1f |", rps,
                        rps / floor.get("rps").asDouble(), x.get("latency_ms").get("p50").asDouble(), p99,
                        p99 / floor.get("latency_ms").get("p99").asDouble()));
                if (x.get("non2xx3xx").asLong() + x.path("errors").path("timeout").asLong()
                        + x.path("errors").path("connect").asLong() > 0) {
                    md.setLength(md.length() - 1);
                    md.append(String.format(Locale.ROOT, " (%d errors) |", x.get("non2xx3xx").asLong()
                            + x.path("errors").path("timeout").asLong() + x.path("errors").path("connect").asLong()));
                }
            }
            md.append("\n");
        }
        int cores = root.path("machine").path("cores").asInt(1);
        md.append("\n## Where the time goes: CPU per request\n\nCPU time (user + system) the server and the database "
                + "server used during each measurement, divided by the requests (or ballots) served; the load tool's own "
                + "CPU is not counted. The ceiling is what ").append(cores).append(" cores could serve if they did "
                + "nothing else: cores × 1000 / (server + database) per second.\n\n| |");
        for (String n : names) {
            md.append(" ").append(n).append(" server ms | database ms | ceiling /s |");
        }
        md.append("\n|---|").append("---:|---:|---:|".repeat(names.size())).append("\n");
        List<String[]> measured = new ArrayList<>(List.of(READS));
        measured.add(new String[] {"burst:1000", "ballot, burst of 1000"});
        measured.add(new String[] {"burst:10000", "ballot, burst of 10000"});
        for (String[] m : measured) {
            md.append("| ").append(m[1]).append(" |");
            for (String n : names) {
                JsonNode x = m[0].startsWith("burst:") ? engines.get(n).get("bursts").get(m[0].substring(6))
                        : engines.get(n).get("reads").get(m[0]);
                JsonNode per = x == null ? null : x.get("cpuMsPer");
                if (per == null) {
                    md.append(" – | – | – |");
                    continue;
                }
                double server = per.get("server").asDouble();
                double database = per.path("database").asDouble(0);
                md.append(String.format(Locale.ROOT, " %.3f | %s | %.0f |", server,
                        per.has("database") ? String.format(Locale.ROOT, "%.3f", database) : "(in the server)",
                        cores * 1000 / (server + database)));
            }
            md.append("\n");
        }
        md.append("\n## Ballots\n\n| | ");
        md.append(String.join(" | ", names)).append(" |\n|---|").append("---:|".repeat(names.size())).append("\n");
        List<String> sizes = new ArrayList<>();
        for (String n : names) {
            engines.get(n).get("bursts").fieldNames().forEachRemaining(s -> {
                if (!sizes.contains(s)) {
                    sizes.add(s);
                }
            });
        }
        sizes.sort((x, y) -> Integer.compare(Integer.parseInt(x), Integer.parseInt(y)));
        for (String s : sizes) {
            row(md, "burst of " + s + ": ballots/s (concurrency)", names, engines, e -> {
                JsonNode b = e.get("bursts").get(s);
                return b == null ? "–" : String.format(Locale.ROOT, "%.0f (%d)", b.get("ballotsPerSecond").asDouble(),
                        b.get("concurrency").asInt());
            });
            row(md, "burst of " + s + ": p50 / p99 ms", names, engines, e -> {
                JsonNode b = e.get("bursts").get(s);
                return b == null ? "–" : String.format(Locale.ROOT, "%.1f / %.1f", b.get("p50_ms").asDouble(),
                        b.get("p99_ms").asDouble());
            });
            row(md, "burst of " + s + ": tally exact (lost, duplicated)", names, engines, e -> {
                JsonNode b = e.get("bursts").get(s);
                return b == null ? "–" : (b.get("exact").asBoolean() ? "yes" : "**NO**") + " (" + b.get("lost").asLong()
                        + ", " + b.get("duplicated").asLong() + ")";
            });
        }
        row(md, "tally of the seeded closed vote: GET …/result, median ms (bare SQL ms)", names, engines, e ->
                !e.has("tally") ? "–" : String.format(Locale.ROOT, "%.1f (%s) for %d ballots",
                        e.get("tally").get("http_median_ms").asDouble(), e.get("tally").has("sql_median_ms")
                                ? String.format(Locale.ROOT, "%.1f", e.get("tally").get("sql_median_ms").asDouble())
                                : "not measured beside the server", e.get("tally").get("ballots").asLong()));
        md.append("\n## Server\n\n| | ").append(String.join(" | ", names)).append(" |\n|---|")
                .append("---:|".repeat(names.size())).append("\n");
        row(md, "start-up after seeding (launch → first 200 of GET /api/v1), s", names, engines,
                e -> String.format(Locale.ROOT, "%.2f", e.path("server").path("startupSeconds").asDouble()));
        row(md, "heap used after seeding (after a GC), MiB", names, engines,
                e -> String.format(Locale.ROOT, "%.1f", e.path("server").path("heapAfterSeedMiB").asDouble()));
        row(md, "heap used after the whole load (no GC forced), MiB", names, engines,
                e -> String.format(Locale.ROOT, "%.1f", e.path("server").path("heapAfterLoadMiB").asDouble()));
        row(md, "seeded (members, ballots; seconds)", names, engines, e -> e.path("seed").path("members").asText()
                + ", " + e.path("seed").path("ballots").asText() + "; "
                + String.format(Locale.ROOT, "%.1f", e.path("seed").path("seedSeconds").asDouble()));
        md.append("\n## Targets\n\n| engine | target | measured | met |\n|---|---|---:|---|\n");
        for (JsonNode t : root.get("targets")) {
            md.append("| ").append(t.get("engine").asText()).append(" | ").append(t.get("target").asText()).append(" | ")
                    .append(t.get("value").asText()).append(" ").append(t.get("unit").asText()).append(" | ")
                    .append(t.get("met").asBoolean() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    interface Cell {
        String of(JsonNode engine);
    }

    static void row(StringBuilder md, String label, List<String> names, JsonNode engines, Cell cell) {
        md.append("| ").append(label).append(" |");
        for (String n : names) {
            md.append(" ").append(cell.of(engines.get(n))).append(" |");
        }
        md.append("\n");
    }

    /** Latency percentiles of every read, one panel per engine, log scale; headless java.awt. */
    static void plot(JsonNode engines, Path png) throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<String> names = engineNames(engines);
        String[] pcts = {"p50", "p75", "p90", "p99", "p99_9"};
        String[] pctLabels = {"50", "75", "90", "99", "99.9"};
        Color[] colors = {Color.BLACK, new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e),
                new Color(0x9467bd), new Color(0xd62728), new Color(0x8c564b)};
        int panelW = 560;
        int h = 520;
        BufferedImage image = new BufferedImage(panelW * Math.max(1, names.size()), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), h);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (String n : names) {
            for (JsonNode r : engines.get(n).get("reads")) {
                for (String p : pcts) {
                    double v = r.get("latency_ms").get(p).asDouble();
                    lo = Math.min(lo, Math.max(v, 0.01));
                    hi = Math.max(hi, v);
                }
            }
        }
        double logLo = Math.floor(Math.log10(lo));
        double logHi = Math.ceil(Math.log10(Math.max(hi, 10 * lo)));
        int left = 60;
        int top = 40;
        int plotW = panelW - left - 20;
        int plotH = 300;
        for (int e = 0; e < names.size(); e++) {
            int x0 = e * panelW + left;
            JsonNode reads = engines.get(names.get(e)).get("reads");
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString("latency percentiles, " + names.get(e) + " (ms, log scale)", x0, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (double d = logLo; d <= logHi; d++) {
                int y = top + plotH - (int) ((d - logLo) / (logHi - logLo) * plotH);
                g.setColor(new Color(0xdddddd));
                g.drawLine(x0, y, x0 + plotW, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.valueOf(Math.pow(10, d)).replaceAll("\\.0$", ""), x0 - 45, y + 4);
            }
            int y20 = top + plotH - (int) ((Math.log10(20) - logLo) / (logHi - logLo) * plotH);
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            g.drawLine(x0, y20, x0 + plotW, y20);
            g.drawString("20 ms target", x0 + plotW - 75, y20 - 4);
            g.setStroke(new BasicStroke(1));
            g.setColor(Color.BLACK);
            g.drawRect(x0, top, plotW, plotH);
            for (int i = 0; i < pcts.length; i++) {
                int x = x0 + 20 + i * (plotW - 40) / (pcts.length - 1);
                g.drawString("p" + pctLabels[i], x - 12, top + plotH + 16);
            }
            int legend = top + plotH + 40;
            for (int k = 0; k < READS.length; k++) {
                JsonNode r = reads.get(READS[k][0]);
                if (r == null) {
                    continue;
                }
                g.setColor(colors[k % colors.length]);
                g.setStroke(new BasicStroke(2));
                int px = -1;
                int py = -1;
                for (int i = 0; i < pcts.length; i++) {
                    double v = Math.max(r.get("latency_ms").get(pcts[i]).asDouble(), 0.01);
                    int x = x0 + 20 + i * (plotW - 40) / (pcts.length - 1);
                    int y = top + plotH - (int) ((Math.log10(v) - logLo) / (logHi - logLo) * plotH);
                    g.fillOval(x - 3, y - 3, 6, 6);
                    if (px >= 0) {
                        g.drawLine(px, py, x, y);
                    }
                    px = x;
                    py = y;
                }
                g.drawLine(x0, legend + k * 18 - 4, x0 + 25, legend + k * 18 - 4);
                g.setColor(Color.BLACK);
                g.drawString(READS[k][1], x0 + 32, legend + k * 18);
            }
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
