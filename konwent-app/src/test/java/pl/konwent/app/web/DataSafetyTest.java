package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * Data safety on MariaDB: a backup taken with the database's own dump tool while the server runs restores into an
 * empty database that a server then serves unchanged; and the schema of the previous release, with data in it,
 * migrates forward to the current one without losing any (docs/operations.md describes both for operators).
 */
class DataSafetyTest {

    @Test
    void aDumpOfARunningInstallationRestoresIntoAnEmptyDatabase() throws Exception {
        Optional<String> dump = tool("mariadb-dump", "mysqldump");
        Optional<String> client = tool("mariadb", "mysql");
        assumeTrue(dump.isPresent() && client.isPresent(), "the MariaDB client tools are installed");
        TestDatabases.TestDatabase original = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        DropwizardTestSupport<KonwentConfiguration> running = TestServer.over(original);
        running.before();
        JsonNode resultBefore;
        String vote;
        Path backup = Files.createTempFile("konwent-backup", ".sql");
        try {
            Api api = new Api(running.getLocalPort());
            Api admin = api.withToken(api.post("/api/v1/tokens", Map.of("username", "admin",
                    "password", TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText());
            admin.post("/api/v1/konwents", Map.of("id", "kopia", "name", "Konwent z kopii zapasowej")).expect(201);
            List<String> members = Crowds.members(original.jdbi(), "kopia", 5);
            String votes = "/api/v1/konwents/kopia/votes";
            vote = admin.post(votes, Map.of("title", "Stanowisko w sprawie kopii", "kind", "POSITION",
                    "text", "Treść zażółć gęślą jaźń", "secret", true)).expect(201).json().path("id").asText();
            admin.post(votes + "/" + vote + "/opening", null).expect(200);
            Api voices = Accounts.representing(admin, api, "glosy-kopii", "kopia", members);
            for (String member : members) {
                voices.post(votes + "/" + vote + "/ballots", Map.of("memberId", member, "choice", "FOR")).expect(201);
            }
            admin.post(votes + "/" + vote + "/closing", null).expect(200);
            resultBefore = api.get(votes + "/" + vote + "/result").expect(200).json();

            // a consistent snapshot without stopping the server: one transaction, InnoDB's MVCC
            run(List.of(dump.get(), "--single-transaction", "--routines", "--triggers", "--hex-blob",
                    "--default-character-set=utf8mb4", "--result-file=" + backup), original);
        } finally {
            running.after();
        }

        TestDatabases.TestDatabase restored = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        run(List.of(client.get(), "--default-character-set=utf8mb4", "-e", "source " + backup), restored);
        DropwizardTestSupport<KonwentConfiguration> fromBackup = TestServer.over(restored);
        fromBackup.before();
        try {
            Api api = new Api(fromBackup.getLocalPort());
            assertThat(api.get("/api/v1/konwents/kopia").expect(200).json().path("name").asText())
                    .isEqualTo("Konwent z kopii zapasowej");
            assertThat(api.get("/api/v1/konwents/kopia/votes/" + vote).expect(200).json().path("text").asText())
                    .isEqualTo("Treść zażółć gęślą jaźń");
            assertThat(api.get("/api/v1/konwents/kopia/votes/" + vote + "/result").expect(200).json())
                    .isEqualTo(resultBefore);
        } finally {
            fromBackup.after();
            Files.deleteIfExists(backup);
        }
    }

    @Test
    void thePreviousReleasesSchemaWithDataMigratesForwardKeepingIt() throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        migrate(database, "db/previous-release-changelog.xml");
        database.jdbi().useHandle(handle -> handle.execute("INSERT INTO konwent (id, name, default_majority, "
                + "default_quorum, alternation, council_size, term_years, created_at, updated_at, version) "
                + "VALUES ('sprzed-wydania', 'Konwent sprzed wydania', 'SIMPLE', 0.5, TRUE, 5, 2, 0, 0, 1)"));
        // rows as that release wrote them: the columns of its table member, no later ones
        List<String> members = List.of("m-1", "m-2", "m-3");
        legacyMembers(database.jdbi(), "sprzed-wydania", members);
        database.jdbi().useHandle(handle -> {
            // a council term of that release, which knew no end of a term
            handle.execute("INSERT INTO council_term (konwent_id, term_year, origin, consultant_name, installed_at, "
                    + "version) VALUES ('sprzed-wydania', 2011, 'APPOINTED', 'Departament', 1318586400000, 1)");
            for (int i = 0; i < members.size(); i++) {
                handle.execute("INSERT INTO council_seat (konwent_id, term_year, member_id, holder_name, seat_order) "
                        + "VALUES ('sprzed-wydania', 2011, ?, 'Osoba', ?)", members.get(i), i);
            }
        });

        // the server migrates on start, as an upgrade does
        DropwizardTestSupport<KonwentConfiguration> upgraded = TestServer.over(database);
        upgraded.before();
        try {
            Api api = new Api(upgraded.getLocalPort());
            assertThat(api.get("/api/v1/konwents/sprzed-wydania").expect(200).json().path("name").asText())
                    .isEqualTo("Konwent sprzed wydania");
            assertThat(api.get("/api/v1/konwents/sprzed-wydania/members").expect(200).json().path("items").size())
                    .isEqualTo(members.size());
            assertThat(api.get("/api/v1/konwents/sprzed-wydania/members/m-2").expect(200).json()
                    .path("address").path("town").asText()).isEqualTo("Warszawa");
            // 028: the public register reads the seat and the founder's name from columns filled from the contacts
            JsonNode listed = api.get("/api/v1/konwents/sprzed-wydania/members").expect(200).json().path("items")
                    .get(1);
            assertThat(listed.path("view").asText()).isEqualTo("PUBLIC");
            assertThat(listed.path("address").path("street").asText()).isEqualTo("ul. Społeczna 1");
            assertThat(listed.path("address").path("postalCode").asText()).isEqualTo("00-001");
            assertThat(listed.path("foundingInstitution").path("name").asText()).isEqualTo("Gmina");
            // columns added since (012: changed_at) are filled from the rows' history, so the feed lists them (the
            // members and the council term)
            assertThat(api.get("/api/v1/konwents/sprzed-wydania/feed.json").expect(200).json().path("items"))
                    .extracting(item -> item.path("date_modified").asText()).hasSize(members.size() + 1)
                    .containsOnly("2011-10-14T10:00:00Z");
            // 016-terms: the term's period comes from the charter's termYears (2 here), so it ended with 2012 (C5)
            JsonNode term = api.get("/api/v1/konwents/sprzed-wydania/council-terms/2011").expect(200).json();
            assertThat(term.path("endsOn").asText()).isEqualTo("2012-12-31");
            assertThat(term.path("inOffice").asBoolean()).isFalse();
            int changesets = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE filename LIKE 'db/changes/012-%'")
                    .mapTo(Integer.class).one());
            assertThat(changesets).isPositive();
        } finally {
            upgraded.after();
        }
    }

    /** Runs a changelog (the current one or a past release's) on the database. */
    static void migrate(TestDatabases.TestDatabase database, String changelog) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            Database target = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                    new JdbcConnection(connection));
            @SuppressWarnings("deprecation")
            Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), target);
            liquibase.update("");
        }
    }

    /**
     * Adds a konwent as the first releases wrote it: their columns of table konwent, no later ones, so that it fits
     * a schema migrated by a past changelog (the current repository writes columns that schema lacks).
     */
    static void legacyKonwent(org.jdbi.v3.core.Jdbi jdbi, String id, java.time.Instant at) {
        jdbi.useHandle(handle -> handle.execute("INSERT INTO konwent (id, name, default_majority, default_quorum, "
                + "alternation, council_size, term_years, created_at, updated_at, version) VALUES (?, 'Konwent', "
                + "'SIMPLE', 0.5, TRUE, 5, 1, ?, ?, 1)", id, at.toEpochMilli(), at.toEpochMilli()));
    }

    /**
     * Adds current CIS members as the first releases wrote them: their columns of table member, no later ones (the
     * current repository writes columns a schema migrated by a past changelog lacks).
     */
    static void legacyMembers(org.jdbi.v3.core.Jdbi jdbi, String konwentId, List<String> ids) {
        legacyMembers(jdbi, konwentId, ids, false);
    }

    /** The same, for a schema whose member rows already carry {@code changed_at} (not null). */
    static void legacyMembers(org.jdbi.v3.core.Jdbi jdbi, String konwentId, List<String> ids, boolean changedAt) {
        String changed = changedAt ? ", changed_at" : "";
        String changedValue = changedAt ? ", 1318586400000" : "";
        jdbi.useHandle(handle -> {
            for (String id : ids) {
                handle.execute("INSERT INTO member (id, konwent_id, name, search_name, kind, town, search_town, "
                        + "voivodeship, status, contact, joined_at, version" + changed + ") VALUES (?, ?, ?, ?, "
                        + "'CIS', 'Warszawa', 'warszawa', '14', 'ACTIVE', ?, 1318586400000, 1" + changedValue + ")",
                        id, konwentId,
                        "CIS " + id, "cis " + id, "{\"address\":{\"street\":\"ul. Społeczna 1\",\"postalCode\":"
                                + "\"00-001\",\"town\":\"Warszawa\",\"voivodeship\":\"MAZOWIECKIE\"},"
                                + "\"phone\":null,\"email\":null,\"foundingInstitution\":{\"name\":\"Gmina\","
                                + "\"address\":null,\"phone\":null,\"email\":null},\"representatives\":[]}");
            }
        });
    }

    /** Runs a MariaDB client tool against the database, with its connection taken from the JDBC url. */
    private static void run(List<String> tool, TestDatabases.TestDatabase database) throws Exception {
        URI server = URI.create(database.url().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of("--host=" + server.getHost(), "--port=" + (server.getPort() == -1 ? 3306
                : server.getPort()), "--user=" + database.user(), "--protocol=TCP"));
        if (!database.password().isEmpty()) {
            command.add("--password=" + database.password());
        }
        command.add(server.getPath().substring(1));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static Optional<String> tool(String... names) {
        for (String name : names) {
            for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(directory, name))) {
                    return Optional.of(Path.of(directory, name).toString());
                }
            }
        }
        return Optional.empty();
    }
}
