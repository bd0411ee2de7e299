package pl.konwent.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of one test's own, started from the machine's mariadbd with what an attacker would love to find:
 * a ROW binary log and the general query log, in a temporary data directory the test can read raw. Stopped (and
 * its directory deleted) on {@link #close()}.
 */
public final class PrivateMariaDb implements AutoCloseable {
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");

    private final Process process;
    private final Path dataDir;
    private final int port;

    private PrivateMariaDb(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Whether this machine has the binaries to start one. */
    public static boolean available() {
        return Files.isExecutable(INSTALL_DB) && Files.isExecutable(SERVER) && binlogTool() != null;
    }

    public static PrivateMariaDb start() {
        try {
            Path dir = Files.createTempDirectory("konwent-private-mariadb");
            Path data = dir.resolve("data");
            run(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data, "--user=root",
                    "--auth-root-authentication-method=normal"), dir.resolve("install.log"));
            int port = 20_000 + new Random().nextInt(40_000);
            Process server = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + data,
                    "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + data.resolve("sock"),
                    "--log-bin=" + data.resolve("binlog"), "--binlog-format=ROW", "--server-id=1", "--general-log=1",
                    "--general-log-file=" + data.resolve("general.log"), "--innodb-flush-log-at-trx-commit=1",
                    "--innodb-buffer-pool-size=64M", "--user=root")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
            PrivateMariaDb db = new PrivateMariaDb(server, data, port);
            db.awaitReady(dir.resolve("server.log"));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new empty schema, for a server to migrate. */
    public TestDatabases.TestDatabase schema(String name) {
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabases.TestDatabase(TestDatabases.Engine.MARIADB, "jdbc:mysql://127.0.0.1:" + port + "/"
                + name, "root", "");
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path generalLog() {
        return dataDir.resolve("general.log");
    }

    /** The binary log as {@code mysqlbinlog --verbose} shows it, row events decoded to pseudo-SQL. */
    public String binlogVerbose() {
        try {
            execute("FLUSH BINARY LOGS");
            List<String> command = new ArrayList<>(List.of(binlogTool(), "--no-defaults", "--verbose",
                    "--base64-output=DECODE-ROWS"));
            try (Stream<Path> files = Files.list(dataDir)) {
                files.filter(f -> f.getFileName().toString().matches("binlog\\.\\d+")).sorted()
                        .forEach(f -> command.add(f.toString()));
            }
            Path out = Files.createTempFile(dataDir.getParent(), "binlog", ".txt");
            run(command, out);
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement as root. */
    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(dataDir.getParent())) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd ended: " + Files.readString(log));
            }
            try (Connection ignored = connect()) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("mariadbd did not answer within a minute: " + Files.readString(log));
    }

    private static String binlogTool() {
        for (String candidate : List.of("/usr/bin/mariadb-binlog", "/usr/bin/mysqlbinlog")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static void run(List<String> command, Path output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(output.resolveSibling(output.getFileName() + ".err")
                        .toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(
                    output.resolveSibling(output.getFileName() + ".err")));
        }
    }
}
