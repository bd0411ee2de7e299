package pl.konwent.app.testing;

import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import pl.konwent.app.KonwentConfiguration;

/**
 * Fresh, migrated databases for tests, on both engines the product supports. MariaDB is found through
 * {@code KONWENT_TEST_DATABASE_URL} (a server url ending in '/', with {@code _USER} and {@code _PASSWORD}), else
 * at 127.0.0.1:3306 as root with an empty password, else an embedded MariaDB is started ({@link EmbeddedMariaDb};
 * {@code KONWENT_TEST_EMBEDDED_MARIADB=true} forces it). Every call makes a new schema,
 * dropped when the test JVM ends.
 */
public final class TestDatabases {
    public enum Engine { H2, MARIADB }

    /** A database ready for use: its JDBC settings and a Jdbi over it. */
    public record TestDatabase(Engine engine, String url, String user, String password) {
        /** A Jdbi connecting as the server does: with the connection properties the configuration adds. */
        public Jdbi jdbi() {
            DataSourceFactory settings = new DataSourceFactory();
            settings.setUrl(url);
            KonwentConfiguration configuration = new KonwentConfiguration();
            configuration.setDatabase(settings);
            Properties properties = new Properties();
            properties.putAll(configuration.getDatabase().getProperties());
            properties.put("user", user);
            properties.put("password", password);
            return Jdbi.create(url, properties).installPlugin(new SqlObjectPlugin());
        }

        public String driverClass() {
            return engine == Engine.H2 ? "org.h2.Driver" : "com.mysql.cj.jdbc.Driver";
        }
    }

    private record Server(String baseUrl, String user, String password) {
    }

    private static final String MIGRATIONS = "db/changelog.xml";
    private static final List<String> CREATED_SCHEMAS = new ArrayList<>();
    private static Server server;

    private TestDatabases() {
    }

    public static TestDatabase fresh(Engine engine) {
        TestDatabase database = engine == Engine.H2 ? h2() : mariaDb();
        migrate(database);
        return database;
    }

    /** A fresh database with no tables, for tests that run the migrations themselves. */
    public static TestDatabase empty(Engine engine) {
        return engine == Engine.H2 ? h2() : mariaDb();
    }

    private static TestDatabase h2() {
        String name = "konwent_" + UUID.randomUUID().toString().replace("-", "");
        return new TestDatabase(Engine.H2, "jdbc:h2:mem:" + name
                + ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static synchronized TestDatabase mariaDb() {
        Server found = server();
        String schema = "konwent_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(found.baseUrl(), found.user(), found.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema on " + found.baseUrl(), e);
        }
        CREATED_SCHEMAS.add(schema);
        String url = found.baseUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + schema + "$1");
        return new TestDatabase(Engine.MARIADB, url, found.user(), found.password());
    }

    private static Server server() {
        if (server != null) {
            return server;
        }
        String url = System.getenv("KONWENT_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            server = new Server(url, envOr("KONWENT_TEST_DATABASE_USER", "root"),
                    envOr("KONWENT_TEST_DATABASE_PASSWORD", ""));
        } else {
            Server local = new Server("jdbc:mysql://127.0.0.1:3306/", "root", "");
            boolean forceEmbedded = "true".equals(System.getenv("KONWENT_TEST_EMBEDDED_MARIADB"));
            server = !forceEmbedded && reachable(local) ? local
                    : new Server(EmbeddedMariaDb.start(), "root", "");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropSchemas));
        return server;
    }

    private static boolean reachable(Server candidate) {
        try (Connection ignored = DriverManager.getConnection(candidate.baseUrl() + "?connectTimeout=2000",
                candidate.user(), candidate.password())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static synchronized void dropSchemas() {
        try (Connection connection = DriverManager.getConnection(server.baseUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            for (String schema : CREATED_SCHEMAS) {
                statement.execute("DROP DATABASE IF EXISTS " + schema);
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test schemas: " + e);
        }
    }

    private static void migrate(TestDatabase database) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            Database liquibaseDatabase = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            @SuppressWarnings("deprecation")
            Liquibase liquibase = new Liquibase(MIGRATIONS, new ClassLoaderResourceAccessor(), liquibaseDatabase);
            liquibase.update("");
        } catch (Exception e) {
            throw new IllegalStateException("Migrations failed on " + database.engine(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
