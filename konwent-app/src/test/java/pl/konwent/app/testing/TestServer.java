package pl.konwent.app.testing;

import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import pl.konwent.app.KonwentApplication;
import pl.konwent.app.KonwentConfiguration;

/** A whole server for resource tests, on random ports, started from the shipped konwent.yml. */
public final class TestServer {
    public static final String ADMIN_PASSWORD = "haslo-administratora-testow";
    /** The server secret of every test server, so that restarts and second instances share it. */
    public static final String SECRET_KEY = "a29ud2VudC10ZXN0LXNlcnZlci1zZWNyZXQtMzItYnl0ZXM=";

    private TestServer() {
    }

    /** Anonymous declarations one address may send per hour: high, so tests sharing a server do not trip it. */
    public static final int DECLARATION_LIMIT = 100_000;

    /** A server over a fresh database of this engine, for a test class. */
    public static DropwizardAppExtension<KonwentConfiguration> on(TestDatabases.Engine engine) {
        return on(engine, DECLARATION_LIMIT);
    }

    /** The same, with its own limit on anonymous declarations per address and hour. */
    public static DropwizardAppExtension<KonwentConfiguration> on(TestDatabases.Engine engine, int declarationLimit) {
        return new DropwizardAppExtension<>(over(TestDatabases.empty(engine), declarationLimit));
    }

    /** A server over a fresh database of this engine whose time is the given clock's. */
    public static DropwizardAppExtension<KonwentConfiguration> on(TestDatabases.Engine engine, Clock clock) {
        return new DropwizardAppExtension<>(over(TestDatabases.empty(engine), DECLARATION_LIMIT, clock));
    }

    /** A server over the given database; start and stop it yourself (restarts, several instances). */
    public static DropwizardTestSupport<KonwentConfiguration> over(TestDatabases.TestDatabase database) {
        return over(database, DECLARATION_LIMIT);
    }

    /** A server over a fresh database of this engine whose time is the given clock's and files at most this large. */
    public static DropwizardAppExtension<KonwentConfiguration> on(TestDatabases.Engine engine, Clock clock,
                                                                  String maxFileSize) {
        return new DropwizardAppExtension<>(over(TestDatabases.empty(engine), DECLARATION_LIMIT, clock,
                ConfigOverride.config("documents.maxFileSize", maxFileSize)));
    }

    /** The same with settings of the test's own (webhook intervals, for instance). */
    public static DropwizardTestSupport<KonwentConfiguration> over(TestDatabases.TestDatabase database,
                                                                   ConfigOverride... settings) {
        return over(database, DECLARATION_LIMIT, null, settings);
    }

    /** A server over a fresh database of this engine with settings of the test's own, for a test class. */
    public static DropwizardAppExtension<KonwentConfiguration> on(TestDatabases.Engine engine,
                                                                  ConfigOverride... settings) {
        return new DropwizardAppExtension<>(over(TestDatabases.empty(engine), DECLARATION_LIMIT, null, settings));
    }

    private static DropwizardTestSupport<KonwentConfiguration> over(TestDatabases.TestDatabase database,
                                                                    int declarationLimit) {
        return over(database, declarationLimit, null);
    }

    /**
     * A server over the given database with its own limit on anonymous declarations, whose time is the given clock's
     * ({@code clock} null: the system clock), with settings of the test's own; start and stop it yourself. A setting
     * must not repeat one of the standard ones below: which of two overrides of one key wins is not defined.
     */
    public static DropwizardTestSupport<KonwentConfiguration> over(TestDatabases.TestDatabase database,
                                                                   int declarationLimit, Clock clock,
                                                                   ConfigOverride... settings) {
        String dataDir;
        try {
            dataDir = Files.createTempDirectory("konwent-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return over(database, java.nio.file.Path.of(dataDir), declarationLimit, clock, settings);
    }

    /**
     * The same in the given data directory, which several instances may share as they would share one volume (the
     * documents' files under {@code <dataDir>/files}).
     */
    public static DropwizardTestSupport<KonwentConfiguration> over(TestDatabases.TestDatabase database,
                                                                   java.nio.file.Path dataDirectory,
                                                                   int declarationLimit, Clock clock,
                                                                   ConfigOverride... settings) {
        String dataDir = dataDirectory.toString();
        ConfigOverride[] standard = {
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("dataDir", dataDir),
                ConfigOverride.config("database.url", database.url()),
                ConfigOverride.config("database.user", database.user()),
                ConfigOverride.config("database.password", database.password()),
                ConfigOverride.config("security.initialAdminPassword", ADMIN_PASSWORD),
                ConfigOverride.config("security.bcryptCost", "10"),
                ConfigOverride.config("security.secretKey", SECRET_KEY),
                ConfigOverride.config("maxDeclarationsPerAddressPerHour", String.valueOf(declarationLimit)),
                ConfigOverride.config("logging.level", "WARN")};
        ConfigOverride[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(standard),
                java.util.Arrays.stream(settings)).toArray(ConfigOverride[]::new);
        return new DropwizardTestSupport<>(KonwentApplication.class, KonwentApplication.DEFAULT_CONFIG, all) {
            @Override
            public Application<KonwentConfiguration> newApplication() {
                return clock == null ? super.newApplication() : new KonwentApplication() {
                    @Override
                    protected Clock clock() {
                        return clock;
                    }
                };
            }
        };
    }

    /**
     * Starts a server over the database, makes one call as the first ADMIN and stops it again: a restart is two of
     * these over the same database.
     */
    public static Api.Reply runOnce(TestDatabases.TestDatabase database,
                                    java.util.function.Function<Api, Api.Reply> call) throws Exception {
        DropwizardTestSupport<KonwentConfiguration> server = over(database);
        server.before();
        try {
            return call.apply(new Api(server.getLocalPort()).asAdmin());
        } finally {
            server.after();
        }
    }
}
