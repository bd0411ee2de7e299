package pl.konwent.app;

import com.codahale.metrics.MetricRegistry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The server's one Jdbi, as Dropwizard builds it (health check, metrics per statement) with three costs of every
 * statement removed, found by profiling a register page (issues 10 and 20):
 * <ul>
 *   <li>Dropwizard's pool (tomcat-jdbc): a reflective proxy around every connection (each call of a connection went
 *       through {@code Method.invoke}), and its statement facade around every statement and result set; with 64
 *       clients on 32 connections its borrow contended (issue 20: 12.5% of a page's CPU). The server's pool is
 *       HikariCP instead, set from the same {@code database} settings ({@link #pool}); only the migrations, run once
 *       at start, still use Dropwizard's;</li>
 *   <li>Dropwizard's {@code NamePrependingTemplateEngine}, which offers no parsed form, so Jdbi lexed every
 *       statement's template again on every execution; {@link NamedTemplates} renders the same text (the
 *       SQL object's method as a comment, then the template) from a template parsed once.</li>
 * </ul>
 */
final class DatabaseAccess {
    /** HikariCP's lower bounds: shorter settings it would refuse or replace with its defaults. */
    private static final long MIN_IDLE_TIMEOUT_MS = 10_000;
    private static final long MIN_KEEPALIVE_MS = 30_000;

    private DatabaseAccess() {
    }

    static Jdbi jdbi(Environment environment, DataSourceFactory database, String name) {
        Jdbi jdbi = new JdbiFactory().build(environment, database, pool(environment.metrics(), database, name), name);
        jdbi.setTemplateEngine(new NamedTemplates());
        return jdbi;
    }

    /**
     * A HikariCP pool with the {@code database} settings: url, user, password, driver and its properties, maxSize,
     * minSize, maxWaitForConnection (the wait for a free connection, then 503), validationQueryTimeout, minIdleTime,
     * maxConnectionAge, the defaults of a connection (auto-commit, read-only, isolation, catalog) and its
     * initializationQuery. A connection is checked with the driver's {@code isValid} when it was idle for more than
     * half a second (HikariCP's rule, in place of checkConnectionOnBorrow) and, with checkConnectionWhileIdle, every
     * evictionInterval (30 s at least) while idle. Its metrics (waits, usage, connections in use and pending) go to
     * the server's registry under {@code <name>.pool}. The pool opens at its first use; Dropwizard closes it.
     */
    static ManagedDataSource pool(MetricRegistry metrics, DataSourceFactory database, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(database.getUrl());
        config.setDriverClassName(database.getDriverClass());
        config.setUsername(database.getUser());
        config.setPassword(database.getPassword());
        Properties properties = new Properties();
        properties.putAll(database.getProperties());
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(database.getMaxSize());
        config.setMinimumIdle(database.getMinSize());
        config.setConnectionTimeout(database.getMaxWaitForConnection().toMilliseconds());
        database.getValidationQueryTimeout().ifPresent(timeout -> config.setValidationTimeout(timeout.toMilliseconds()));
        config.setIdleTimeout(Math.max(MIN_IDLE_TIMEOUT_MS, database.getMinIdleTime().toMilliseconds()));
        database.getMaxConnectionAge().ifPresent(age -> config.setMaxLifetime(age.toMilliseconds()));
        if (database.getCheckConnectionWhileIdle()) {
            config.setKeepaliveTime(Math.max(MIN_KEEPALIVE_MS, database.getEvictionInterval().toMilliseconds()));
        }
        if (database.getAutoCommitByDefault() != null) {
            config.setAutoCommit(database.getAutoCommitByDefault());
        }
        if (database.getReadOnlyByDefault() != null) {
            config.setReadOnly(database.getReadOnlyByDefault());
        }
        DataSourceFactory.TransactionIsolation isolation = database.getDefaultTransactionIsolation();
        if (isolation != DataSourceFactory.TransactionIsolation.DEFAULT
                && isolation != DataSourceFactory.TransactionIsolation.NONE) {
            config.setTransactionIsolation("TRANSACTION_" + isolation.name());
        }
        config.setCatalog(database.getDefaultCatalog());
        config.setConnectionInitSql(database.getInitializationQuery());
        config.setMetricRegistry(metrics);
        return new ManagedHikari(config);
    }

    /** A HikariCP pool started at its first connection and closed with the server. */
    private static final class ManagedHikari extends HikariDataSource implements ManagedDataSource {
        ManagedHikari(HikariConfig config) {
            config.copyStateTo(this);
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
            close();
        }
    }

    /** Jdbi's defined-attribute templates ({@code <konwents>}), prefixed with the SQL object method's name. */
    static final class NamedTemplates implements TemplateEngine.Parsing {
        private final DefinedAttributeTemplateEngine templates = new DefinedAttributeTemplateEngine();

        @Override
        public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
            return templates.parse(template, config).map(render -> context -> prefix(context) + render.apply(context));
        }

        private static String prefix(StatementContext context) {
            ExtensionMethod method = context.getExtensionMethod();
            return method == null ? ""
                    : "/* " + method.getType().getSimpleName() + "." + method.getMethod().getName() + " */ ";
        }
    }
}
