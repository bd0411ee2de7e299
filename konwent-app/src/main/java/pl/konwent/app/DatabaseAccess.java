package pl.konwent.app;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.util.Optional;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The server's one Jdbi, as Dropwizard builds it (pool, health check, metrics per statement) with two costs of
 * every statement removed, both found by profiling a register page (issue 10):
 * <ul>
 *   <li>the pool's statement facade, which wraps every statement and result set in a reflective proxy (each
 *       {@code getString} of a row went through {@code Method.invoke} and a comparison of method names); the
 *       facade only serves statement interceptors, and none is configured;</li>
 *   <li>Dropwizard's {@code NamePrependingTemplateEngine}, which offers no parsed form, so Jdbi lexed every
 *       statement's template again on every execution; {@link NamedTemplates} renders the same text (the
 *       SQL object's method as a comment, then the template) from a template parsed once.</li>
 * </ul>
 */
final class DatabaseAccess {
    private DatabaseAccess() {
    }

    static Jdbi jdbi(Environment environment, DataSourceFactory database, String name) {
        ManagedDataSource dataSource = database.build(environment.metrics(), name);
        if (dataSource instanceof DataSourceProxy pooled) {
            pooled.setUseStatementFacade(false);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, database, dataSource, name);
        jdbi.setTemplateEngine(new NamedTemplates());
        return jdbi;
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
