package pl.konwent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.TestDatabases;

/**
 * A user's MySQL or MariaDB url gets Connector/J's connect and socket timeouts from the shipped konwent.yml, as
 * the driver sees them on a real connection; timeouts written into the url win; a configuration file of the user's
 * own that names none still gets them; connections use the schema's collation. (DatabaseOutageTest shows what
 * the socket timeout is for, MembershipStoresContract what the collation is for.)
 */
class DatabaseTimeoutsTest {
    private static final TestDatabases.TestDatabase MARIADB = TestDatabases.empty(TestDatabases.Engine.MARIADB);

    @Test
    void aUsersMysqlUrlGetsTheShippedConnectAndSocketTimeouts() throws Exception {
        Map<PropertyKey, Integer> effective = effectiveTimeouts(shippedSettingsWith(MARIADB.url()));

        assertThat(effective).containsEntry(PropertyKey.connectTimeout, 5_000)
                .containsEntry(PropertyKey.socketTimeout, 30_000);
    }

    @Test
    void timeoutsWrittenInTheUrlWin() throws Exception {
        String url = MARIADB.url() + "?socketTimeout=60000&connectTimeout=7000";

        Map<PropertyKey, Integer> effective = effectiveTimeouts(shippedSettingsWith(url));

        assertThat(effective).containsEntry(PropertyKey.connectTimeout, 7_000)
                .containsEntry(PropertyKey.socketTimeout, 60_000);
    }

    @Test
    void aConfigurationFileThatNamesNoTimeoutsStillGetsThemButTheEmbeddedDatabaseDoesNot() {
        KonwentConfiguration own = new KonwentConfiguration();
        own.getDatabase().setUrl("jdbc:mysql://db.example.pl:3306/konwent");

        assertThat(own.getDatabase().getProperties()).containsEntry("connectTimeout", "5000")
                .containsEntry("socketTimeout", "30000");
        assertThat(new KonwentConfiguration().getDatabase().getProperties()).doesNotContainKeys("connectTimeout",
                "socketTimeout");
    }

    @Test
    void connectionsSpeakTheSchemasCollationSoThatIndexesServeOrderByUnlessTheUrlSaysOtherwise() throws Exception {
        assertThat(collation(shippedSettingsWith(MARIADB.url()))).isEqualTo("utf8mb4_unicode_ci");
        assertThat(collation(shippedSettingsWith(MARIADB.url() + "?connectionCollation=utf8mb4_general_ci")))
                .isEqualTo("utf8mb4_general_ci");
    }

    private static String collation(DataSourceFactory settings) throws Exception {
        ManagedDataSource dataSource = settings.build(new MetricRegistry(), "collation");
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT @@collation_connection")) {
            result.next();
            return result.getString(1);
        } finally {
            dataSource.stop();
        }
    }

    /** konwent.yml as the server reads it (environment substituted), with this database url. */
    private static DataSourceFactory shippedSettingsWith(String url) throws Exception {
        KonwentConfiguration configuration = new YamlConfigurationFactory<>(KonwentConfiguration.class,
                Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new FileOrClasspathSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)), KonwentApplication.DEFAULT_CONFIG);
        DataSourceFactory database = configuration.getDatabase();
        database.setUrl(url);
        database.setDriverClass(MARIADB.driverClass());
        database.setUser(MARIADB.user());
        database.setPassword(MARIADB.password());
        return configuration.getDatabase();
    }

    private static Map<PropertyKey, Integer> effectiveTimeouts(DataSourceFactory settings) throws Exception {
        ManagedDataSource dataSource = settings.build(new MetricRegistry(), "timeouts");
        try (Connection connection = dataSource.getConnection()) {
            var properties = connection.unwrap(JdbcConnection.class).getPropertySet();
            return Map.of(PropertyKey.connectTimeout, properties.getIntegerProperty(PropertyKey.connectTimeout)
                            .getValue(),
                    PropertyKey.socketTimeout, properties.getIntegerProperty(PropertyKey.socketTimeout).getValue());
        } finally {
            dataSource.stop();
        }
    }
}
