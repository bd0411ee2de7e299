package pl.konwent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.util.Duration;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.TestDatabases;

/**
 * The server's pool (HikariCP, issue 20) honours Dropwizard's {@code database} settings: who connects where with
 * which driver properties, how many connections at most, how long a request waits for one (then the error that
 * ProblemMapper answers with 503), and it reports to the server's metrics.
 */
class DatabaseAccessTest {
    @Test
    void theDriverGetsTheConfiguredPropertiesThroughThePool() throws Exception {
        TestDatabases.TestDatabase mariaDb = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        DataSourceFactory settings = settings(mariaDb);
        settings.getProperties().put("socketTimeout", "12345");
        ManagedDataSource pool = DatabaseAccess.pool(new MetricRegistry(), settings, "properties");
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT @@collation_connection")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("utf8mb4_unicode_ci");
            assertThat(connection.unwrap(JdbcConnection.class).getPropertySet()
                    .getIntegerProperty(PropertyKey.socketTimeout).getValue()).isEqualTo(12345);
        } finally {
            pool.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void noMoreThanMaxSizeConnectionsAreLentAndTheNextWaitsMaxWaitThenFailsAsUnreachable(
            TestDatabases.Engine engine) throws Exception {
        DataSourceFactory settings = settings(TestDatabases.empty(engine));
        settings.setMinSize(1);
        settings.setInitialSize(1);
        settings.setMaxSize(2);
        settings.setMaxWaitForConnection(Duration.milliseconds(300));
        MetricRegistry metrics = new MetricRegistry();
        ManagedDataSource pool = DatabaseAccess.pool(metrics, settings, "bounded");
        try {
            Connection first = pool.getConnection();
            try (Connection second = pool.getConnection()) {
                assertThat(gauge(metrics, "bounded.pool.ActiveConnections")).isEqualTo(2);
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            }
            try (Connection again = pool.getConnection(); Statement statement = again.createStatement();
                 var result = statement.executeQuery("SELECT 1")) {
                assertThat(result.next()).isTrue();
            }
            first.close();
            // the pool's gauges are refreshed at most once a second (HikariCP's PoolStats), so only the first is read
            assertThat(metrics.getTimers().get("bounded.pool.Wait").getCount()).isGreaterThanOrEqualTo(3);
        } finally {
            pool.stop();
        }
    }

    private static int gauge(MetricRegistry metrics, String name) {
        Gauge<?> gauge = metrics.getGauges().get(name);
        assertThat(gauge).as(name).isNotNull();
        return ((Number) gauge.getValue()).intValue();
    }

    /** The database's settings as the server completes them (driver, MySQL defaults). */
    private static DataSourceFactory settings(TestDatabases.TestDatabase database) {
        DataSourceFactory settings = new DataSourceFactory();
        settings.setUrl(database.url());
        settings.setUser(database.user());
        settings.setPassword(database.password());
        KonwentConfiguration configuration = new KonwentConfiguration();
        configuration.setDatabase(settings);
        return configuration.getDatabase();
    }
}
