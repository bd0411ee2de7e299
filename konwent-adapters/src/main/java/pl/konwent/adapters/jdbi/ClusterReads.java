package pl.konwent.adapters.jdbi;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
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
    private static final ClusterReads ONE_SERVER = new ClusterReads(null);

    private final Jdbi onCluster;

    private ClusterReads(Jdbi onCluster) {
        this.onCluster = onCluster;
    }

    /** Asks the database once, at start, whether it is a Galera node (MariaDB's {@code wsrep_on}). */
    public static ClusterReads of(Jdbi jdbi, String url) {
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            return ONE_SERVER;
        }
        boolean galera;
        try {
            galera = jdbi.withHandle(handle -> handle.createQuery("SELECT @@global.wsrep_on")
                    .mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException noSuchVariable) {
            galera = false; // MySQL, or a MariaDB built without wsrep
        }
        if (galera) {
            LOG.info("Galera cluster: reads that must see writes committed at other nodes wait for them "
                    + "(wsrep_sync_wait for that statement only)");
        }
        return galera ? new ClusterReads(jdbi) : ONE_SERVER;
    }

    public static ClusterReads oneServer() {
        return ONE_SERVER;
    }

    public boolean onCluster() {
        return onCluster != null;
    }

    /**
     * Returns once this node has applied every write committed anywhere in the cluster before the call (a causality
     * check of the group); at once on one server. A node that cannot tell (it has left the primary component) fails
     * with the database's error, which the web layer answers 503.
     */
    public void awaitWritesCommittedAnywhere() {
        if (onCluster != null) {
            onCluster.useHandle(handle -> handle.execute("SET STATEMENT wsrep_sync_wait = 1 FOR SELECT 1"));
        }
    }

    /**
     * Runs a read; when its answer says "not here" ({@code missing}) on a cluster, waits for the writes committed
     * anywhere and reads again, so that a thing created through another node is found rather than refused.
     */
    public <T> T readingAgainIfMissing(Supplier<T> read, Predicate<T> missing) {
        T answer = read.get();
        if (onCluster == null || !missing.test(answer)) {
            return answer;
        }
        awaitWritesCommittedAnywhere();
        return read.get();
    }
}
