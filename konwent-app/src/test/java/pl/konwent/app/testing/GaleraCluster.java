package pl.konwent.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A three-node MariaDB Galera cluster of the tests' own on loopback: the machine's mariadbd with the galera-4
 * provider, each node in a private data directory with free ports for clients, group communication (gmcast), IST
 * and rsync SST. One cluster serves every cluster test class of a JVM ({@link #shared()}); it is stopped when the
 * JVM exits (a shutdown hook), and each node runs under a small shell that kills it with SIGKILL as soon as the
 * JVM's end of its standard input closes, so even a JVM killed with SIGKILL leaves no node behind.
 *
 * <p>The tests stage the faults an operator meets: {@link #kill(int)} (SIGKILL) and {@link #restart(int)} (the
 * node rejoins by IST, or SST when the donor's cache no longer holds what it missed), and {@link #isolate(int)}
 * ({@code gmcast.isolate=1}: the node drops every group connection, as a network partition does, and becomes
 * non-Primary) with {@link #reconnect(int)}.
 */
public final class GaleraCluster {
    public static final int NODES = 3;
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final Path SST_SCRIPT = Path.of("/usr/bin/wsrep_sst_rsync");
    private static final Path RSYNC = Path.of("/usr/bin/rsync");
    private static GaleraCluster shared;

    private final Path base;
    private final List<Node> nodes = new ArrayList<>();

    private record Ports(int client, int gmcast, int ist, int sst) {
    }

    private final class Node {
        final int index;
        final Ports ports;
        final Path data;
        Process wrapper;

        Node(int index, Ports ports) {
            this.index = index;
            this.ports = ports;
            this.data = base.resolve("node" + index);
        }

        Path log() {
            return base.resolve("node" + index + ".log");
        }
    }

    private GaleraCluster(Path base) {
        this.base = base;
    }

    /** Whether this machine can run a cluster: mariadbd, galera-4's provider, rsync and its SST script. */
    public static boolean available() {
        return Stream.of(INSTALL_DB, SERVER, SST_SCRIPT, RSYNC).allMatch(Files::isExecutable)
                && Files.exists(PROVIDER);
    }

    /** Why {@link #available()} is false, for the skipped test's message. */
    public static String unavailableReason() {
        return "A Galera cluster needs " + Stream.of(INSTALL_DB, SERVER, SST_SCRIPT, RSYNC, PROVIDER)
                .filter(path -> !Files.exists(path)).map(Path::toString).collect(Collectors.joining(", "))
                + " (Debian packages mariadb-server, galera-4, rsync; .ci/run installs them)";
    }

    /** The JVM's one cluster, started on first use (a minute at most) and healthy when returned. */
    public static synchronized GaleraCluster shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "galera-cluster-stop"));
        }
        shared.heal();
        return shared;
    }

    private static GaleraCluster start() {
        try {
            Path base = Files.createTempDirectory("konwent-galera");
            // mariadbd started as root runs as mysql; the rsync daemon of an SST runs as its user and must reach here
            base.toFile().setExecutable(true, false);
            base.toFile().setReadable(true, false);
            GaleraCluster cluster = new GaleraCluster(base);
            for (int i = 0; i < NODES; i++) {
                cluster.nodes.add(cluster.new Node(i, new Ports(freePort(), freePort(), freePort(), freePort())));
            }
            for (Node node : cluster.nodes) {
                install(node);
            }
            cluster.launch(cluster.nodes.get(0), true);
            cluster.awaitConnectable(0);
            cluster.launch(cluster.nodes.get(1), false);
            cluster.launch(cluster.nodes.get(2), false);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC url of a schema on one node, as a server instance connected to that node uses it. */
    public TestDatabases.TestDatabase database(int node, String schema) {
        return new TestDatabases.TestDatabase(TestDatabases.Engine.MARIADB, "jdbc:mysql://127.0.0.1:"
                + nodes.get(node).ports.client + "/" + schema, "root", "");
    }

    /** A new empty schema, created on the first node and replicated to the others (DDL is replicated, TOI). */
    public String newSchema(String prefix) {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        execute(firstLiveNode(), "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return name;
    }

    /** One status variable of one node ({@code wsrep_cluster_size}, ...). */
    public String status(int node, String variable) {
        try (Connection connection = connect(node); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + variable + "'")) {
            return rows.next() ? rows.getString(2) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("node " + node + ": " + variable, e);
        }
    }

    /** A numeric status variable summed over the nodes that answer (certification failures, aborts). */
    public long sumOfStatus(String variable) {
        long sum = 0;
        for (int i = 0; i < NODES; i++) {
            try {
                sum += Long.parseLong(status(i, variable));
            } catch (IllegalStateException down) {
                // a node that is down counts nothing
            }
        }
        return sum;
    }

    public void execute(int node, String sql) {
        try (Connection connection = connect(node); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("node " + node + ": " + sql, e);
        }
    }

    public Connection connect(int node) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + nodes.get(node).ports.client + "/", "root", "");
    }

    /** SIGKILL to the node's mariadbd: no shutdown, no goodbye to the group. */
    public void kill(int node) {
        Node target = nodes.get(node);
        mariadbd(target).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
        closeWrapper(target);
        target.wrapper = null;
    }

    /** Starts a killed node again; it rejoins the group and catches up (IST or SST). Returns once it is Synced. */
    public void restart(int node) {
        launch(nodes.get(node), false);
        awaitHealthy();
    }

    /** Cuts the node off the group, as a network partition does: it becomes non-Primary and refuses work. */
    public void isolate(int node) {
        execute(node, "SET GLOBAL wsrep_provider_options='gmcast.isolate=1'");
        await(() -> "non-Primary".equals(status(node, "wsrep_cluster_status")), "node " + node + " non-Primary");
    }

    /** Ends the partition: the node rejoins, catches up by IST, and the cluster is healthy again. */
    public void reconnect(int node) {
        execute(node, "SET GLOBAL wsrep_provider_options='gmcast.isolate=0'");
        awaitHealthy();
    }

    /**
     * Undoes whatever a test (perhaps a failed one) did to the nodes: starts a node that is not running, ends a
     * node's isolation, and waits until the cluster is healthy.
     */
    public synchronized void heal() {
        for (Node node : nodes) {
            if (mariadbd(node).isEmpty()) {
                launch(node, false);
            } else {
                try {
                    if (!"Primary".equals(status(node.index, "wsrep_cluster_status"))) {
                        execute(node.index, "SET GLOBAL wsrep_provider_options='gmcast.isolate=0'");
                    }
                } catch (IllegalStateException starting) {
                    // a node still starting or catching up: awaited below
                }
            }
        }
        awaitHealthy();
    }

    /**
     * Waits (four minutes at most: a state transfer on a loaded machine) until every node is up, Synced, ready and
     * in a Primary component of three.
     */
    public void awaitHealthy() {
        await(() -> problems().isEmpty(), "a healthy cluster");
    }

    /** What keeps the cluster from being healthy, per node: empty when it is. */
    public Map<Integer, String> problems() {
        Map<Integer, String> problems = new HashMap<>();
        for (int i = 0; i < NODES; i++) {
            try {
                Map<String, String> status = new HashMap<>();
                for (String variable : List.of("wsrep_cluster_size", "wsrep_ready", "wsrep_cluster_status",
                        "wsrep_local_state_comment")) {
                    status.put(variable, status(i, variable));
                }
                if (!status.equals(Map.of("wsrep_cluster_size", String.valueOf(NODES), "wsrep_ready", "ON",
                        "wsrep_cluster_status", "Primary", "wsrep_local_state_comment", "Synced"))) {
                    problems.put(i, status.toString());
                }
            } catch (IllegalStateException e) {
                problems.put(i, "not answering: " + e.getCause());
            }
        }
        return problems;
    }

    /** Stops every node (SIGKILL: the data is thrown away with the directory). */
    public synchronized void stop() {
        for (Node node : nodes) {
            mariadbd(node).ifPresent(ProcessHandle::destroyForcibly);
            closeWrapper(node);
        }
        for (Node node : nodes) {
            mariadbd(node).ifPresent(process -> process.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        }
        try (Stream<Path> files = Files.walk(base)) {
            // the nodes' logs outlive the cluster, for a failed build to show what the nodes did
            Path logs = Files.createDirectories(Path.of("target", "galera-cluster-logs"));
            for (Node node : nodes) {
                if (Files.exists(node.log())) {
                    Files.copy(node.log(), logs.resolve(node.log().getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private void launch(Node node, boolean bootstrap) {
        String addresses = nodes.stream().map(n -> "127.0.0.1:" + n.ports.gmcast).collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                // the node dies with SIGKILL when the JVM's end of stdin closes (the JVM exited, however it ended);
                // the shell ends with the node
                "exec 3<&0; \"$@\" </dev/null & node=$!; { cat <&3 >/dev/null; kill -9 $node 2>/dev/null; } & "
                        + "wait $node", "galera-node",
                SERVER.toString(), "--no-defaults", "--datadir=" + node.data, "--port=" + node.ports.client,
                "--bind-address=127.0.0.1", "--socket=" + node.data.resolve("sock"), "--binlog-format=ROW",
                "--innodb-autoinc-lock-mode=2", "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=2",
                // a small redo log: a rejoining node's rsync SST copies it whole
                "--innodb-log-file-size=16M",
                "--max-connections=300", "--wsrep-on=ON", "--wsrep-provider=" + PROVIDER,
                "--wsrep-cluster-name=konwent-test", "--wsrep-cluster-address=gcomm://" + addresses,
                "--wsrep-node-name=node" + node.index, "--wsrep-node-address=127.0.0.1:" + node.ports.gmcast,
                "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + node.ports.sst,
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + node.ports.gmcast
                        + ";ist.recv_addr=127.0.0.1:" + node.ports.ist + ";gcache.size=64M"));
        if (runsAsRoot()) {
            command.add("--user=mysql");
        }
        if (bootstrap) {
            command.add("--wsrep-new-cluster");
        }
        try {
            node.wrapper = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(node.log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install(Node node) {
        List<String> command = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
                "--datadir=" + node.data, "--auth-root-authentication-method=normal"));
        command.add(runsAsRoot() ? "--user=mysql" : "--user=" + System.getProperty("user.name"));
        try {
            Process install = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(node.log().resolveSibling("install" + node.index + ".log").toFile()).start();
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db failed: "
                        + Files.readString(node.log().resolveSibling("install" + node.index + ".log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private Optional<ProcessHandle> mariadbd(Node node) {
        if (node.wrapper == null) {
            return Optional.empty();
        }
        return node.wrapper.toHandle().children().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").endsWith("mariadbd")).findFirst();
    }

    private static void closeWrapper(Node node) {
        if (node.wrapper != null) {
            try {
                node.wrapper.getOutputStream().close();
            } catch (IOException e) {
                // the shell is gone already
            }
            node.wrapper.destroyForcibly();
        }
    }

    private int firstLiveNode() {
        for (int i = 0; i < NODES; i++) {
            if (mariadbd(nodes.get(i)).isPresent()) {
                return i;
            }
        }
        throw new IllegalStateException("no node is running");
    }

    private void awaitConnectable(int node) {
        await(() -> {
            try (Connection ignored = connect(node)) {
                return true;
            } catch (SQLException notYet) {
                return false;
            }
        }, "node " + node + " to take connections");
    }

    private void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // a node still starting
            }
            for (Node node : nodes) {
                if (node.wrapper != null && !node.wrapper.isAlive()) {
                    throw new IllegalStateException("node " + node.index + " ended: " + tail(node.log()));
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Waited four minutes for " + what + ": " + problems());
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): a port the kernel handed out for a moment could be
     * given to an outgoing connection (an SST's rsync, a JDBC client) before the node binds it.
     */
    private static int freePort() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
