package pl.konwent.app;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.CloseableLiquibase;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.Clock;
import java.util.Arrays;
import org.glassfish.jersey.server.ServerProperties;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.jdbi.http.JdbiIdempotencyStore;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.web.ContractResource;
import pl.konwent.adapters.web.JsonConfig;
import pl.konwent.adapters.web.ProblemMapper;
import pl.konwent.adapters.web.RootResource;
import pl.konwent.adapters.web.http.ConditionalGetFilter;
import pl.konwent.adapters.web.http.IdempotencyFilter;
import pl.konwent.adapters.web.konwent.KonwentResource;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.UnitOfWork;

/** Wires the rules, the database and the HTTP API into one Dropwizard server. */
public class KonwentApplication extends Application<KonwentConfiguration> {
    /** The configuration inside the jar, used when the command line names none. */
    public static final String DEFAULT_CONFIG = "konwent.yml";
    static final String MIGRATIONS = "db/changelog.xml";

    public static void main(String[] args) throws Exception {
        new KonwentApplication().run(withDefaultConfig(args));
    }

    /** {@code server}, {@code db migrate} and friends work without a config file argument. */
    static String[] withDefaultConfig(String[] args) {
        if (args.length == 0) {
            return new String[] {"server", DEFAULT_CONFIG};
        }
        boolean namesConfig = Arrays.stream(args).anyMatch(arg -> arg.endsWith(".yml") || arg.endsWith(".yaml"));
        boolean asksForHelp = Arrays.stream(args).anyMatch(arg -> arg.equals("-h") || arg.equals("--help")
                || arg.equals("-v") || arg.equals("--version"));
        if (namesConfig || asksForHelp) {
            return args;
        }
        String[] completed = Arrays.copyOf(args, args.length + 1);
        completed[args.length] = DEFAULT_CONFIG;
        return completed;
    }

    @Override
    public String getName() {
        return "konwent";
    }

    @Override
    public void initialize(Bootstrap<KonwentConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new FileOrClasspathSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(KonwentConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return MIGRATIONS;
            }
        });
    }

    @Override
    public void run(KonwentConfiguration configuration, Environment environment) throws Exception {
        // strict JSON for the API only: the configuration was read leniently, before this
        JsonConfig.configure(environment.getObjectMapper());
        DataSourceFactory database = configuration.getDatabase();
        if (configuration.isMigrateOnStart()) {
            migrate(database, environment);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, database, "database");
        Clock clock = Clock.systemUTC();
        UnitOfWork unitOfWork = new JdbiUnitOfWork(jdbi);

        ProblemErrorHandler jettyErrors = new ProblemErrorHandler();
        environment.getApplicationContext().setErrorHandler(jettyErrors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        environment.jersey().property(ServerProperties.WADL_FEATURE_DISABLE, true);
        environment.jersey().register(new ProblemMapper());
        environment.jersey().register(new ConditionalGetFilter());
        environment.jersey().register(new IdempotencyFilter(new JdbiIdempotencyStore(jdbi), clock));
        environment.jersey().register(new RootResource());
        environment.jersey().register(new ContractResource());
        environment.jersey().register(new KonwentResource(
                new KonwentService(new JdbiKonwents(jdbi), unitOfWork, clock)));
    }

    private static void migrate(DataSourceFactory database, Environment environment) throws Exception {
        ManagedDataSource dataSource = database.build(environment.metrics(), "migrations");
        try (CloseableLiquibase liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(dataSource, MIGRATIONS)) {
            liquibase.update("");
        }
    }
}
