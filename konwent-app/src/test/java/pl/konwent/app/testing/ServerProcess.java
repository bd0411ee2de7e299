package pl.konwent.app.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pl.konwent.app.KonwentApplication;

/**
 * The server as an operating-system process of its own (the test JVM's classpath, the shipped konwent.yml, the
 * settings in environment variables as an operator sets them), so that a test can kill it with SIGKILL: no
 * shutdown hook, no draining, no closing of connections.
 */
public final class ServerProcess {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server over the database and waits (two minutes at most) until it answers. */
    public static ServerProcess start(TestDatabases.TestDatabase database) {
        return start(database, Map.of());
    }

    /** The same with settings of the test's own in environment variables (log levels, for instance). */
    public static ServerProcess start(TestDatabases.TestDatabase database, Map<String, String> settings) {
        try {
            int port = freePort();
            Path dataDir = Files.createTempDirectory("konwent-process");
            Path log = Files.createTempFile("konwent-process", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-cp", System.getProperty("java.class.path"),
                    KonwentApplication.class.getName(), "server", KonwentApplication.DEFAULT_CONFIG));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("KONWENT_PORT", String.valueOf(port));
            env.put("KONWENT_ADMIN_PORT", String.valueOf(freePort()));
            env.put("KONWENT_DATA_DIR", dataDir.toString());
            env.put("KONWENT_DATABASE_URL", database.url());
            env.put("KONWENT_DATABASE_USER", database.user());
            env.put("KONWENT_DATABASE_PASSWORD", database.password());
            env.put("KONWENT_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
            env.put("KONWENT_BCRYPT_COST", "10");
            env.put("KONWENT_SECRET_KEY", TestServer.SECRET_KEY);
            env.put("KONWENT_LOG_LEVEL", "WARN");
            env.put("KONWENT_REQUEST_LOG_LEVEL", "WARN");
            env.putAll(settings);
            ServerProcess server = new ServerProcess(builder.start(), port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Everything the process wrote to its standard output and error: its log. */
    public Path log() {
        return log;
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server process ended: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("The server process did not answer within two minutes: "
                + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "server process on port " + port + " (log " + log + ", classpath entries "
                + System.getProperty("java.class.path").split(File.pathSeparator).length + ")";
    }
}
