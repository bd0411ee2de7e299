package pl.konwent.app.testing;

import io.dropwizard.testing.DropwizardTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.app.KonwentConfiguration;

/**
 * One server instance per node of the {@link GaleraCluster}, over one schema, each connected to its own node only
 * (a single host in its url: when its node goes, it answers 503 until the node is back). Started one after the
 * other as a rolling start does: the first migrates, the others find the schema current. Their urls carry no
 * {@code wsrep_sync_wait}: the server waits for the cluster's writes itself, where an answer depends on them.
 */
public final class ClusterInstances implements AutoCloseable {
    private final GaleraCluster cluster;
    private final String schema;
    private final List<DropwizardTestSupport<KonwentConfiguration>> instances = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();
    private final String adminToken;

    public ClusterInstances(GaleraCluster cluster, String schemaPrefix) {
        this(cluster, schemaPrefix, (node, schema) -> TestServer.over(cluster.database(node, schema)));
    }

    /**
     * The same, but the three instances share one data directory, as instances on three hosts share one volume
     * (the documents' files are under {@code <dataDir>/files}), and run with settings of the test's own (the
     * senders' intervals, the mail server). Its instances connect as the constructor above's do.
     */
    public ClusterInstances(GaleraCluster cluster, String schemaPrefix, java.nio.file.Path sharedDataDir,
                            io.dropwizard.testing.ConfigOverride... settings) {
        this(cluster, schemaPrefix, (node, schema) -> TestServer.over(cluster.database(node, schema),
                sharedDataDir, TestServer.DECLARATION_LIMIT, null, settings));
    }

    private ClusterInstances(GaleraCluster cluster, String schemaPrefix,
                             java.util.function.BiFunction<Integer, String,
                                     DropwizardTestSupport<KonwentConfiguration>> instanceAt) {
        this.cluster = cluster;
        this.schema = cluster.newSchema(schemaPrefix);
        for (int node = 0; node < GaleraCluster.NODES; node++) {
            DropwizardTestSupport<KonwentConfiguration> instance = instanceAt.apply(node, schema);
            try {
                instance.before();
            } catch (Exception e) {
                close();
                throw new IllegalStateException("instance on node " + node + " did not start", e);
            }
            instances.add(instance);
            apis.add(new Api(instance.getLocalPort()));
        }
        adminToken = apis.get(0).post("/api/v1/tokens", Map.of("username", "admin",
                "password", TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();
    }

    /** The anonymous client of the instance on this node. */
    public Api at(int node) {
        return apis.get(node);
    }

    /** The first ADMIN at the instance on this node, with one token for all. */
    public Api adminAt(int node) {
        return apis.get(node).withToken(adminToken);
    }

    public String schema() {
        return schema;
    }

    /** Plain JDBI to the schema on one node (no causality wait: what that node has applied). */
    public Jdbi jdbiAt(int node) {
        return cluster.database(node, schema).jdbi();
    }

    /** In the reverse order of their start: each restores on stopping the system properties its settings replaced. */
    @Override
    public void close() {
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).after();
        }
    }
}
