package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.security.ExponentialElGamal;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.PrivateMariaDb;
import pl.konwent.app.testing.ServerProcess;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * V3 attacked from outside (issue 18). On a MariaDB of its own with a ROW binary log and the general query log, a
 * server process takes a secret resolution vote, a council election and, as the control, an open (named) vote,
 * all at once with Idempotency-Keys, is killed with SIGKILL mid-burst, restarts, takes the retries and counts. The
 * tallies must be exact. Then an attacker holding every table, the data files, the binary log, the general log and
 * the server's log pairs each member with whatever it can find about that member's ballot: the same row, the k-th
 * record of the pages, the same transaction, the same connection's transaction, the same log line. On the open
 * vote the same attacker recovers (nearly) every choice, which shows it works; on the secret vote and the election
 * it finds no readable choice at all, so all it has left is a blind guess.
 */
class SecretBallotAttackTest {
    private static final int MEMBERS = 60;
    private static final int KILL_AFTER_ACKNOWLEDGED = 50;
    private static final List<String> CHOICES = List.of("FOR", "AGAINST", "ABSTAIN");
    private static final String SCHEMA = "konwent_attacked";
    /** A choice as a value in SQL text, the binary log's pseudo-SQL or a rendered row. */
    private static final Pattern QUOTED_CHOICE = Pattern.compile("'(FOR|AGAINST|ABSTAIN)'");
    /** A choice as bytes in a data file (next to lower-case ids) or as a word in a log line. */
    private static final Pattern BARE_CHOICE = Pattern.compile("(?<![A-Z])(FOR|AGAINST|ABSTAIN)(?![A-Z])");
    /** An insert into ballot_cast as the general log (SQL) and the binary log (pseudo-SQL) show it. */
    private static final Pattern BALLOT_CAST_INSERT = Pattern.compile("INSERT INTO [`\\w.]*ballot_cast(?!\\w)");
    private static final Pattern LONG_CHOICE = Pattern.compile("(?<![A-Z])(AGAINST|ABSTAIN)(?![A-Z])");

    private final Random random = new Random(18);
    private final Map<String, String> secretChoice = new LinkedHashMap<>();
    private final Map<String, String> openChoice = new LinkedHashMap<>();
    private final Map<String, Set<String>> approvals = new LinkedHashMap<>();

    @Test
    void nobodyHoldingTheDatabaseItsFilesAndLogsOrTheServerLogCanTellHowAMemberVotedInSecret() throws Exception {
        assumeTrue(PrivateMariaDb.available(), "needs mariadbd, mariadb-install-db and mysqlbinlog on this machine to "
                + "start a private MariaDB with a binary and a general log; the attack was not run");
        try (PrivateMariaDb mariaDb = PrivateMariaDb.start()) {
            TestDatabases.TestDatabase database = mariaDb.schema(SCHEMA);
            Map<String, String> logging = Map.of("KONWENT_LOG_LEVEL", "INFO", "KONWENT_REQUEST_LOG_LEVEL", "INFO");
            ServerProcess first = ServerProcess.start(database, logging);
            Api anonymous = new Api(first.port());
            String token = anonymous.post("/api/v1/tokens", Map.of("username", "admin",
                    "password", TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();
            Api admin = anonymous.withToken(token);
            admin.post("/api/v1/konwents", Map.of("id", "tajne", "name", "Konwent tajny", "charter",
                    Map.of("alternation", false, "councilSize", 3))).expect(201);
            List<String> members = Crowds.members(database.jdbi(), "tajne", MEMBERS);
            // V6: the ADMIN never casts a member's ballot; one account is every member's REPRESENTATIVE
            String voiceToken = Accounts.representingToken(admin, anonymous, "glosy-tajne", "tajne", members);
            String base = "/api/v1/konwents/tajne";
            admin.post(base + "/council-terms", Map.of("year", 2024, "consultantName", "Departament", "seats",
                    members.subList(0, 3).stream().map(m -> Map.of("memberId", m, "holderName", "Osoba")).toList()))
                    .expect(201);
            String election = admin.post(base + "/elections", Map.of("year", 2025)).expect(201).json().path("id")
                    .asText();
            List<String> candidates = new ArrayList<>();
            for (String member : members.subList(0, 4)) {
                candidates.add(admin.post(base + "/elections/" + election + "/candidates", Map.of("memberId", member,
                        "personName", "Kandydat", "nominatedBy", member)).expect(201).json().path("id").asText());
            }
            admin.post(base + "/elections/" + election + "/opening", null).expect(200);
            String secret = openVote(admin, base, true);
            String open = openVote(admin, base, false);
            assign(members, candidates);

            List<Ballot> ballots = new ArrayList<>();
            for (String member : members) {
                ballots.add(new Ballot(base + "/votes/" + secret + "/ballots", member,
                        Map.of("memberId", member, "choice", secretChoice.get(member)), "s-" + member));
                ballots.add(new Ballot(base + "/elections/" + election + "/ballots", member,
                        Map.of("memberId", member, "approve", List.copyOf(approvals.get(member))), "e-" + member));
                ballots.add(new Ballot(base + "/votes/" + open + "/ballots", member,
                        Map.of("memberId", member, "choice", openChoice.get(member)), "o-" + member));
            }
            Set<Ballot> acknowledged = burstUntilKilled(anonymous.withToken(voiceToken), first, ballots);

            ServerProcess second = ServerProcess.start(database, logging);
            try {
                Api after = new Api(second.port()).withToken(token);
                retry(new Api(second.port()).withToken(voiceToken), ballots, acknowledged);
                after.post(base + "/votes/" + secret + "/closing", null).expect(200);
                after.post(base + "/votes/" + open + "/closing", null).expect(200);
                after.post(base + "/elections/" + election + "/closing", null).expect(200);
                assertExactTallies(after, base, secret, open, election);
            } finally {
                second.kill();
            }

            Map<String, String> electionTruth = new LinkedHashMap<>();
            approvals.forEach((member, approved) -> electionTruth.put(member, String.join(",", approved)));
            Function<String, String> choiceIn = text -> first(QUOTED_CHOICE, text);
            Function<String, String> candidatesIn = text -> candidatesIn(text, candidates);

            // (1) every row of every table, and the k-th voter row paired with the k-th ballot row
            List<String> rows = dumpRows(mariaDb);
            // only the public totals name a choice next to the secret vote
            assertThat(rows).noneMatch(row -> !row.startsWith("ballot_total:") && row.contains(secret)
                    && LONG_CHOICE.matcher(row).find());
            Attack attack = new Attack(open, secret, election, electionTruth, candidatesIn);
            attack.run("rows", vote -> rowUnits(mariaDb, rows, members, vote), choiceIn);

            // (2) the data files read raw, in page order, flushed to disk as for a physical backup
            Map<String, String> files = dataFiles(mariaDb);
            attack.run("data files", vote -> fileUnits(files, members, vote), text -> first(BARE_CHOICE, text));
            assertThat(files.get("sealed_ballot")).doesNotContainPattern(LONG_CHOICE)
                    .doesNotContain(candidates.toArray(String[]::new));
            assertThat(files.get("ballot_choice")).doesNotContain(secret, election);

            // (3) the ROW binary log, transaction by transaction
            List<String> transactions = binlogTransactions(mariaDb.binlogVerbose());
            attack.run("binary log", vote -> units(transactions, members, vote), choiceIn);

            // (4) the general query log, connection by connection, transaction by transaction
            List<String> connections = generalLogTransactions(mariaDb.generalLog());
            attack.run("general log", vote -> units(connections, members, vote), choiceIn);

            // (5) the server's own log: request log, application log, errors of both processes
            List<String> logLines = new ArrayList<>(Files.readAllLines(first.log(), StandardCharsets.UTF_8));
            logLines.addAll(Files.readAllLines(second.log(), StandardCharsets.UTF_8));
            assertThat(logLines).as("the request log was on").anyMatch(line -> line.contains("/ballots"));
            assertThat(logLines).noneMatch(line -> line.contains("\"choice\"") || line.contains("\"approve\"")
                    || LONG_CHOICE.matcher(line).find() || candidates.stream().anyMatch(line::contains));
            Map<String, String> lineUnits = new HashMap<>();
            for (String member : members) {
                lineUnits.put(member, String.join("\n", logLines.stream().filter(l -> l.contains(member)).toList()));
            }
            assertThat(lineUnits.values()).noneMatch(unit -> BARE_CHOICE.matcher(unit).find());
        }
    }

    private record Ballot(String path, String member, Map<String, Object> body, String key) {
    }

    /** What the attacker links to each member for one vote, from one source. */
    private interface UnitsOf {
        Map<String, String> of(String vote) throws Exception;
    }

    /** One linking attack on the three votes: it must work on the open one and read nothing of the secret ones. */
    private final class Attack {
        private final String open;
        private final String secret;
        private final String election;
        private final Map<String, String> electionTruth;
        private final Function<String, String> candidatesIn;

        Attack(String open, String secret, String election, Map<String, String> electionTruth,
               Function<String, String> candidatesIn) {
            this.open = open;
            this.secret = secret;
            this.election = election;
            this.electionTruth = electionTruth;
            this.candidatesIn = candidatesIn;
        }

        void run(String source, UnitsOf units, Function<String, String> choiceIn) throws Exception {
            assertThat(recovered(openChoice, units.of(open), choiceIn))
                    .as(source + ": the attack works on the open vote").isGreaterThanOrEqualTo(MEMBERS * 9 / 10);
            assertNothingReadable(source, secretChoice, secret, units.of(secret), choiceIn);
            assertNothingReadable(source, electionTruth, election, units.of(election), candidatesIn);
        }
    }

    private static String openVote(Api admin, String base, boolean secret) {
        String vote = admin.post(base + "/votes", Map.of("title", secret ? "Stanowisko tajne" : "Stanowisko jawne",
                "kind", "POSITION", "text", "Treść", "secret", secret)).expect(201).json().path("id").asText();
        admin.post(base + "/votes/" + vote + "/opening", null).expect(200);
        return vote;
    }

    /** A known assignment: the secret choices balanced (a blind guess is right one time in three). */
    private void assign(List<String> members, List<String> candidates) {
        List<String> balanced = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            balanced.add(CHOICES.get(i % 3));
        }
        Collections.shuffle(balanced, random);
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            secretChoice.put(member, balanced.get(i));
            openChoice.put(member, CHOICES.get(random.nextInt(3)));
            Set<String> approved = new TreeSet<>();
            int size = 1 + random.nextInt(3);
            while (approved.size() < size) {
                approved.add(candidates.get(random.nextInt(candidates.size())));
            }
            approvals.put(member, approved);
        }
    }

    /** Every ballot at once on 16 threads; the server is killed with SIGKILL once enough were acknowledged. */
    private static Set<Ballot> burstUntilKilled(Api voice, ServerProcess victim, List<Ballot> ballots)
            throws Exception {
        Set<Ballot> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> sends = new ArrayList<>();
        for (Ballot ballot : ballots) {
            sends.add(() -> {
                Api.Reply reply;
                try {
                    reply = voice.post(ballot.path(), ballot.body(), "Idempotency-Key", ballot.key());
                } catch (UncheckedIOException e) {
                    return; // the server died under this request or before it: not acknowledged
                }
                if (reply.status() == 201) {
                    assertThat(reply.body()).doesNotContain("choice", "approve");
                    acknowledged.add(ballot);
                    if (count.incrementAndGet() == KILL_AFTER_ACKNOWLEDGED && killed.compareAndSet(false, true)) {
                        victim.kill();
                    }
                } else {
                    unexpected.add(reply.status() + " " + reply.body());
                }
            });
        }
        Collections.shuffle(sends, new Random(3));
        Crowds.runAtOnce(sends, 16);
        assertThat(killed).isTrue();
        assertThat(unexpected).isEmpty();
        return acknowledged;
    }

    /**
     * After the restart: every ballot not acknowledged is sent again with its key (a replay, a new ballot, or 409
     * while the dead process's claim on the key lasts, then the member either has voted or sends it again without
     * the key); some acknowledged ones are repeated too, and a repeat without a key is refused (V1).
     */
    private static void retry(Api api, List<Ballot> ballots, Set<Ballot> acknowledged) {
        int repeated = 0;
        for (Ballot ballot : ballots) {
            if (acknowledged.contains(ballot)) {
                if (repeated++ % 4 == 0) {
                    Api.Reply replay = api.post(ballot.path(), ballot.body(), "Idempotency-Key", ballot.key());
                    assertThat(replay.status()).isEqualTo(201);
                    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
                    api.post(ballot.path(), ballot.body()).expect(409);
                }
                continue;
            }
            Api.Reply reply = api.post(ballot.path(), ballot.body(), "Idempotency-Key", ballot.key());
            if (reply.status() == 409 && !api.get(ballot.path() + "/" + ballot.member()).expect(200).json()
                    .path("voted").asBoolean()) {
                reply = api.post(ballot.path(), ballot.body());
            }
            assertThat(reply.status()).as(reply.body()).isIn(201, 409);
        }
    }

    private void assertExactTallies(Api api, String base, String secret, String open, String election) {
        for (String vote : List.of(secret, open)) {
            Map<String, String> truth = vote.equals(secret) ? secretChoice : openChoice;
            JsonNode result = api.get(base + "/votes/" + vote + "/result").expect(200).json();
            assertThat(result.path("turnout").asInt()).isEqualTo(MEMBERS);
            for (String choice : CHOICES) {
                assertThat(result.path("counts").path(choice.toLowerCase()).asLong()).as(vote + " " + choice)
                        .isEqualTo(truth.values().stream().filter(choice::equals).count());
            }
        }
        JsonNode result = api.get(base + "/elections/" + election + "/result").expect(200).json();
        assertThat(result.path("turnout").asInt()).isEqualTo(MEMBERS);
        for (JsonNode ranked : result.path("ranking")) {
            String candidate = ranked.path("candidateId").asText();
            assertThat(ranked.path("approvals").asLong()).as(candidate)
                    .isEqualTo(approvals.values().stream().filter(set -> set.contains(candidate)).count());
        }
        assertThat(result.path("ranking")).hasSize(4);
    }

    /** How many members' choices the attacker reads right from what it links to them. */
    private static int recovered(Map<String, String> truth, Map<String, String> units,
                                 Function<String, String> reader) {
        int right = 0;
        for (Map.Entry<String, String> member : truth.entrySet()) {
            String guess = reader.apply(units.getOrDefault(member.getKey(), ""));
            if (member.getValue().equals(guess)) {
                right++;
            }
        }
        return right;
    }

    /**
     * V3: in nothing the attacker links to a member's ballot is there a choice to read, so it reads none, right or
     * wrong: its best is a blind guess (one in three for the balanced resolution vote).
     */
    private static void assertNothingReadable(String source, Map<String, String> truth, String vote,
                                              Map<String, String> units, Function<String, String> reader) {
        assertThat(units.values()).as(source + ": something is linked to the voters").anyMatch(u -> !u.isEmpty());
        List<String> readable = truth.keySet().stream()
                .filter(member -> reader.apply(units.getOrDefault(member, "")) != null).toList();
        assertThat(readable).as(source + ": members whose secret ballot (vote " + vote + ") shows a choice, first in "
                + (readable.isEmpty() ? "" : abbreviate(units.get(readable.get(0))))).isEmpty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000) + "…";
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String candidatesIn(String text, List<String> candidates) {
        Set<String> found = new TreeSet<>();
        candidates.stream().filter(text::contains).forEach(found::add);
        return found.isEmpty() ? null : String.join(",", found);
    }

    /** Each row of each table of the schema, its values quoted; binary values as Latin-1 text. */
    private static List<String> dumpRows(PrivateMariaDb mariaDb) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = mariaDb.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = '" + SCHEMA + "'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + SCHEMA + "." + table)) {
                    while (rs.next()) {
                        rows.add(table + ": " + render(rs));
                    }
                }
            }
        }
        return rows;
    }

    private static String render(ResultSet rs) throws Exception {
        ResultSetMetaData meta = rs.getMetaData();
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : String.valueOf(value);
            row.append('\'').append(text).append("' ");
        }
        return row.toString();
    }

    /**
     * What the attacker links to a member from the rows: every row naming both the member and the vote (candidacies
     * aside: standing is public and says nothing of a ballot), and the row of the vote's ballots, sealed or named,
     * that comes k-th where the member's voter row comes k-th.
     */
    private static Map<String, String> rowUnits(PrivateMariaDb mariaDb, List<String> rows, List<String> members,
                                                String vote) throws Exception {
        Map<String, String> units = new HashMap<>();
        for (String member : members) {
            units.put(member, String.join("\n", rows.stream().filter(row -> !row.startsWith("election_candidate:")
                    && row.contains(member) && row.contains(vote)).toList()));
        }
        try (Connection connection = mariaDb.connect(); Statement statement = connection.createStatement()) {
            List<String> voters = column(statement, "SELECT member_id FROM " + SCHEMA + ".ballot_cast WHERE vote_id = '"
                    + vote + "'");
            for (String table : List.of("sealed_ballot", "ballot_choice")) {
                List<String> ballots = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + SCHEMA + "." + table
                        + " WHERE vote_id = '" + vote + "'")) {
                    while (rs.next()) {
                        ballots.add(render(rs));
                    }
                }
                for (int k = 0; k < Math.min(voters.size(), ballots.size()); k++) {
                    units.merge(voters.get(k), ballots.get(k), (a, b) -> a + "\n" + b);
                }
            }
        }
        return units;
    }

    private static List<String> column(Statement statement, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The ballot tables' .ibd files as Latin-1 text, flushed to disk first (FLUSH TABLES ... FOR EXPORT). */
    private static Map<String, String> dataFiles(PrivateMariaDb mariaDb) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> tables = List.of("ballot_cast", "sealed_ballot", "ballot_choice");
        try (Connection connection = mariaDb.connect(); Statement statement = connection.createStatement()) {
            statement.execute("FLUSH TABLES " + String.join(", ", tables.stream().map(t -> SCHEMA + "." + t).toList())
                    + " FOR EXPORT");
            try {
                for (String table : tables) {
                    files.put(table, new String(Files.readAllBytes(mariaDb.dataDir().resolve(SCHEMA)
                            .resolve(table + ".ibd")), StandardCharsets.ISO_8859_1));
                }
            } finally {
                statement.execute("UNLOCK TABLES");
            }
        }
        return files;
    }

    /**
     * What the attacker links to a member in the data files: the record around each place the member's id is stored
     * next to the vote's id (a record's other fields come just before its member_id), and the record of the vote's
     * ballots that comes k-th in page order where the member's voter record comes k-th.
     */
    private static Map<String, String> fileUnits(Map<String, String> files, List<String> members, String vote) {
        Map<String, String> units = new HashMap<>();
        for (String file : files.values()) {
            for (String member : members) {
                for (int at = file.indexOf(member); at >= 0; at = file.indexOf(member, at + 1)) {
                    String window = file.substring(Math.max(0, at - 60), Math.min(file.length(), at + 36));
                    if (window.contains(vote)) {
                        units.merge(member, window, (a, b) -> a + "\n" + b);
                    }
                }
            }
        }
        String cast = files.get("ballot_cast");
        List<String> voters = new ArrayList<>();
        for (int at = cast.indexOf(vote); at >= 0; at = cast.indexOf(vote, at + 1)) {
            String next = cast.substring(at + vote.length(), Math.min(cast.length(), at + vote.length() + 36));
            if (members.contains(next)) {
                voters.add(next);
            }
        }
        for (String table : List.of("sealed_ballot", "ballot_choice")) {
            String file = files.get(table);
            List<String> records = new ArrayList<>();
            for (int at = file.indexOf(vote); at >= 0; at = file.indexOf(vote, at + 1)) {
                records.add(file.substring(at, Math.min(file.length(), at + 36 + 4 * ExponentialElGamal.CIPHERTEXT_BYTES + 80)));
            }
            for (int k = 0; k < Math.min(voters.size(), records.size()); k++) {
                units.merge(voters.get(k), records.get(k), (a, b) -> a + "\n" + b);
            }
        }
        return units;
    }

    /** The binary log cut into its transactions (START TRANSACTION or BEGIN … COMMIT). */
    private static List<String> binlogTransactions(String binlog) {
        List<String> transactions = new ArrayList<>();
        StringBuilder current = null;
        for (String line : binlog.split("\n")) {
            if (line.startsWith("START TRANSACTION") || line.startsWith("BEGIN")) {
                current = new StringBuilder();
            } else if (line.startsWith("COMMIT") && current != null) {
                transactions.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return transactions;
    }

    private static final Pattern GENERAL_LOG_ENTRY = Pattern.compile(
            "^(?:\\d{6}\\s+\\d{1,2}:\\d{2}:\\d{2})?\\s+(\\d+)\\s+([A-Za-z ]+?)\\t(.*)$");

    /** The general log cut by connection (thread id), then into transactions (to COMMIT, ROLLBACK or autocommit). */
    private static List<String> generalLogTransactions(Path log) throws Exception {
        Map<String, List<StringBuilder>> byThread = new HashMap<>();
        StringBuilder last = null;
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher entry = GENERAL_LOG_ENTRY.matcher(line);
            if (!entry.matches()) {
                if (last != null) {
                    last.append('\n').append(line);
                }
                continue;
            }
            List<StringBuilder> segments = byThread.computeIfAbsent(entry.group(1), id -> new ArrayList<>(
                    List.of(new StringBuilder())));
            String argument = entry.group(3).strip();
            StringBuilder segment = segments.get(segments.size() - 1);
            segment.append(argument).append('\n');
            last = segment;
            String upper = argument.toUpperCase();
            if (upper.startsWith("COMMIT") || upper.startsWith("ROLLBACK") || upper.startsWith("SET AUTOCOMMIT")) {
                segments.add(new StringBuilder());
            }
        }
        return byThread.values().stream().flatMap(List::stream).map(StringBuilder::toString).toList();
    }

    /**
     * Per member, the transactions that record its ballot in the vote: those that insert a ballot_cast row naming
     * the vote and the member (the closing transaction names the elected members with the public totals, which
     * says nothing of anyone's ballot).
     */
    private static Map<String, String> units(List<String> transactions, List<String> members, String vote) {
        Map<String, String> units = new HashMap<>();
        for (String transaction : transactions) {
            if (!BALLOT_CAST_INSERT.matcher(transaction).find() || !transaction.contains(vote)) {
                continue;
            }
            for (String member : members) {
                if (transaction.contains(member)) {
                    units.merge(member, transaction, (a, b) -> a + "\n" + b);
                }
            }
        }
        return units;
    }
}
