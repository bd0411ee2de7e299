package pl.konwent.app.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How the database ran a store's query, in its own words: the last statement a store ran is captured with its
 * values and run again under H2's {@code EXPLAIN ANALYZE} or MariaDB's {@code ANALYZE FORMAT=JSON}, which count
 * the rows each read. A test can then hold a store to "reads one page, not the whole table".
 */
public final class QueryPlans {
    private static final Pattern H2_ROWS = Pattern.compile("scanCount: (\\d+)");
    private static final Pattern MARIADB_ROWS = Pattern.compile("\"r_rows\": (\\d+(?:\\.\\d+)?)");

    /** What the database said of the last statement {@code action} ran through {@code jdbi}. */
    public record Plan(TestDatabases.Engine engine, String sql, String text) {
        /** The most rows any step of the plan read (a sort reads all it sorts). */
        public long rowsRead() {
            Matcher matcher = (engine == TestDatabases.Engine.H2 ? H2_ROWS : MARIADB_ROWS).matcher(text);
            long most = 0;
            while (matcher.find()) {
                most = Math.max(most, (long) Double.parseDouble(matcher.group(1)));
            }
            return most;
        }

        public boolean sorts() {
            return engine == TestDatabases.Engine.H2 ? !text.contains("/* index sorted */")
                    : text.contains("filesort");
        }
    }

    private QueryPlans() {
    }

    public static Plan ofLast(TestDatabases.Engine engine, Jdbi jdbi, Runnable action) {
        List<Captured> statements = new ArrayList<>();
        SqlLogger before = jdbi.getConfig(SqlStatements.class).getSqlLogger();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                Map<String, Argument> values = new LinkedHashMap<>();
                for (String name : context.getBinding().getNames()) {
                    context.getBinding().findForName(name, context).ifPresent(value -> values.put(name, value));
                }
                statements.add(new Captured(context.getRenderedSql(), values));
            }
        });
        try {
            action.run();
        } finally {
            jdbi.setSqlLogger(before);
        }
        if (statements.isEmpty()) {
            throw new IllegalStateException("the action ran no statement");
        }
        Captured last = statements.get(statements.size() - 1);
        String explain = engine == TestDatabases.Engine.H2 ? "EXPLAIN ANALYZE " : "ANALYZE FORMAT=JSON ";
        String text = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(explain + last.sql());
            last.values().forEach(query::bind);
            return String.join("\n", query.mapTo(String.class).list());
        });
        return new Plan(engine, last.sql(), text);
    }

    private record Captured(String sql, Map<String, Argument> values) {
    }
}
