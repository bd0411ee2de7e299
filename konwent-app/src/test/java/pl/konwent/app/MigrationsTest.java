package pl.konwent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pl.konwent.app.Migrations.Outcome;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestDatabases.TestDatabase;

/**
 * Issue 20: a start skips Liquibase's check only when the database holds exactly its changelog; a changed
 * changelog, a changeset rolled back or an instance migrating now send it through Liquibase's update as before.
 */
class MigrationsTest {
    private static final String CHANGELOG = KonwentApplication.MIGRATIONS;
    private static final String EXTENDED = "db/fingerprint-extended-changelog.xml";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStartAfterAnUpdateOfTheSameChangelogSkipsLiquibase(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.empty(engine);

        assertThat(Migrations.onStart(dataSource(database), CHANGELOG)).isEqualTo(Outcome.MIGRATED);
        assertThat(Migrations.onStart(dataSource(database), CHANGELOG)).isEqualTo(Outcome.UP_TO_DATE);

        String recorded = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT fingerprint FROM changelog_fingerprint WHERE id = 1").mapTo(String.class).one());
        assertThat(recorded).isEqualTo(Migrations.fingerprint(CHANGELOG));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aChangedChangelogStillMigrates(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.empty(engine);
        Migrations.onStart(dataSource(database), CHANGELOG);

        assertThat(Migrations.onStart(dataSource(database), EXTENDED)).isEqualTo(Outcome.MIGRATED);

        assertThat(probeRows(database.jdbi())).isZero();
        assertThat(Migrations.onStart(dataSource(database), EXTENDED)).isEqualTo(Outcome.UP_TO_DATE);
        assertThat(Migrations.fingerprint(EXTENDED)).isNotEqualTo(Migrations.fingerprint(CHANGELOG));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aChangesetRolledBackIsAppliedAgain(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.empty(engine);
        Migrations.onStart(dataSource(database), EXTENDED);
        database.jdbi().useHandle(handle -> {
            handle.execute("DROP TABLE fingerprint_probe");
            handle.execute("DELETE FROM DATABASECHANGELOG WHERE ID = 'test-fingerprint-probe'");
        });

        assertThat(Migrations.onStart(dataSource(database), EXTENDED)).isEqualTo(Outcome.MIGRATED);

        assertThat(probeRows(database.jdbi())).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void notUpToDateWhileAnInstanceHoldsLiquibasesLock(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.empty(engine);
        Migrations.onStart(dataSource(database), CHANGELOG);
        String fingerprint = Migrations.fingerprint(CHANGELOG);
        ManagedDataSource dataSource = dataSource(database);
        try {
            assertThat(Migrations.upToDate(dataSource, fingerprint)).isTrue();
            database.jdbi().useHandle(handle -> handle.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE"));
            assertThat(Migrations.upToDate(dataSource, fingerprint)).isFalse();
            database.jdbi().useHandle(handle -> handle.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE"));
            assertThat(Migrations.upToDate(dataSource, fingerprint)).isTrue();
            assertThat(Migrations.upToDate(dataSource, Migrations.fingerprint(EXTENDED))).isFalse();
        } finally {
            dataSource.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twoInstancesOfANewReleaseStartingTogetherBothStartOnTheMigratedDatabase(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.empty(engine);
        Migrations.onStart(dataSource(database), CHANGELOG);
        CountDownLatch ready = new CountDownLatch(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Outcome> start = () -> {
                    ManagedDataSource dataSource = dataSource(database);
                    ready.countDown();
                    ready.await();
                    return Migrations.onStart(dataSource, EXTENDED);
                };
                starts.add(instances.submit(start));
            }
            for (Future<Outcome> start : starts) {
                assertThat(start.get()).isNotNull();
            }
        } finally {
            instances.shutdownNow();
        }

        assertThat(probeRows(database.jdbi())).isZero();
        assertThat(Migrations.onStart(dataSource(database), EXTENDED)).isEqualTo(Outcome.UP_TO_DATE);
    }

    private static int probeRows(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM fingerprint_probe")
                .mapTo(Integer.class).one());
    }

    private static ManagedDataSource dataSource(TestDatabase database) {
        DataSourceFactory settings = new DataSourceFactory();
        settings.setDriverClass(database.driverClass());
        settings.setUrl(database.url());
        settings.setUser(database.user());
        settings.setPassword(database.password());
        return settings.build(new MetricRegistry(), "migrations");
    }
}
