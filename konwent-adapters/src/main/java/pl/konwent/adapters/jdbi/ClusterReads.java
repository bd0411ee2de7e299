package pl.konwent.adapters.jdbi;

import java.sql.SQLException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-your-writes on a MariaDB Galera cluster, paid only where it matters (issue 21). Galera is virtually
 * synchronous: a write acknowledged by one node is certified everywhere, but another node may apply it a moment
 * later, so a read there can still miss it. Waiting on every read ({@code wsrep_sync_wait=1} for the whole
 * session) costs a round of the group per statement: measured on one node, reads fell to 1–5% of plain MariaDB's.
 * Instead, {@link #awaitWritesCommittedAnywhere()} waits once, when an answer would otherwise be wrong: the node
 * has applied every write the cluster committed before the wait began, and since a node applies in the cluster's
 * order, every later read on any of its connections sees them.
 *
 * <p>On one server (MariaDB without Galera, MySQL, H2) there is nothing to wait for and it costs nothing.
 */
public final class ClusterReads {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterReads.class);
    private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;
    private static final ClusterReads ONE_SERVER = new ClusterReads(null, false);

    private final Jdbi jdbi;
    /** Whether the database is a Galera node; null until the database has answered. */
    private volatile Boolean galera;

    private ClusterReads(Jdbi jdbi, Boolean galera) {
        this.jdbi = jdbi;
        this.galera = galera;
    }

    /**
     * Asks the database at start whether it is a Galera node (MariaDB's {@code wsrep_on}); a database that cannot be
     * reached then is asked again at first use, so an instance started while its node was away does not run without
     * the waits a cluster needs.
     */
    public static ClusterReads of(Jdbi jdbi, String url) {
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            return ONE_SERVER;
        }
        ClusterReads reads = new ClusterReads(jdbi, null);
        try {
            if (reads.onCluster()) {
                LOG.info("Galera cluster: reads that must see writes committed at other nodes wait for them "
                        + "(wsrep_sync_wait for that statement only)");
            }
        } catch (RuntimeException unreachable) {
            LOG.warn("Could not ask the database whether it is a Galera node; asking again at first use", unreachable);
        }
        return reads;
    }

    public static ClusterReads oneServer() {
        return ONE_SERVER;
    }

    /** Whether the database is a Galera node; asks it if it has not answered yet (a failure to reach it is thrown). */
    public boolean onCluster() {
        Boolean known = galera;
        if (known == null) {
            known = askWhetherGalera();
            galera = known;
        }
        return known;
    }

    private boolean askWhetherGalera() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT @@global.wsrep_on")
                    .mapTo(Integer.class).one()) == 1;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == UNKNOWN_SYSTEM_VARIABLE) {
                return false; // MySQL, or a MariaDB built without wsrep
            }
            throw e;
        }
    }

    /**
     * Returns once this node has applied every write committed anywhere in the cluster before the call (a causality
     * check of the group); at once on one server. A node that cannot tell (it has left the primary component) fails
     * with the database's error, which the web layer answers 503.
     */
    public void awaitWritesCommittedAnywhere() {
        if (onCluster()) {
            jdbi.useHandle(handle -> handle.execute("SET STATEMENT wsrep_sync_wait = 1 FOR SELECT 1"));
        }
    }

    /**
     * Runs a read; when its answer says "not here" ({@code missing}) on a cluster, waits for the writes committed
     * anywhere and reads again, so that a thing created through another node is found rather than refused.
     */
    public <T> T readingAgainIfMissing(Supplier<T> read, Predicate<T> missing) {
        T answer = read.get();
        if (!missing.test(answer) || !onCluster()) {
            return answer;
        }
        awaitWritesCommittedAnywhere();
        return read.get();
    }

    /** False for H2: no cluster can be behind it, and nothing needs to ask. */
    public boolean mayBeCluster() {
        return this != ONE_SERVER;
    }
}
