package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TcpProxy;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * The database goes away under load and comes back (staged with a {@link TcpProxy} in front of MariaDB, never by
 * stopping the shared server): requests fail fast with 503 problem documents carrying Retry-After, never a 500 or
 * a hang; the health check on the admin port turns red; and the server recovers by itself once the database
 * answers again, without a restart. The same when the database goes silent instead (a network black hole): the
 * socket timeout on database connections, shortened here from konwent.yml's 30 s, ends the wait.
 */
class DatabaseOutageTest {
    /** Longer than the pool's wait for a connection (2 s): an answer later than this counts as a hang. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    /** The database connections' socket timeout here: a silent database is given up on after this. */
    private static final String SOCKET_TIMEOUT_MILLIS = "1500";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TcpProxy proxy;
    private static DropwizardTestSupport<KonwentConfiguration> server;
    private static String token;

    @BeforeAll
    static void startBehindAProxy() throws Exception {
        TestDatabases.TestDatabase direct = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        proxy = TcpProxy.to(direct.url());
        server = TestServer.over(new TestDatabases.TestDatabase(direct.engine(), proxy.through(direct.url()),
                direct.user(), direct.password()),
                ConfigOverride.config("database.properties.socketTimeout", SOCKET_TIMEOUT_MILLIS));
        server.before();
        Api api = new Api(server.getLocalPort());
        token = api.post("/api/v1/tokens", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD))
                .expect(201).json().path("token").asText();
        api.withToken(token).post("/api/v1/konwents", Map.of("id", "awaria", "name", "Konwent awarii")).expect(201);
    }

    @AfterAll
    static void stop() {
        server.after();
        proxy.close();
    }

    /** One of the requests the load is made of: a public read, an authenticated read, an anonymous write. */
    private HttpRequest request(int i) {
        String base = "http://127.0.0.1:" + server.getLocalPort() + "/api/v1/konwents/awaria";
        HttpRequest.Builder request = switch (i % 3) {
            case 0 -> HttpRequest.newBuilder(URI.create(base)).GET();
            case 1 -> HttpRequest.newBuilder(URI.create(base + "/declarations"))
                    .header("Authorization", "Bearer " + token).GET();
            default -> HttpRequest.newBuilder(URI.create(base + "/declarations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(Declarations.of("CIS awaryjny " + i))));
        };
        return request.timeout(ANSWER_WITHIN).build();
    }

    @Test
    void anOutageUnderLoadIsAnswered503FastTurnsTheHealthCheckRedAndHealsByItself() throws Exception {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger served = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            workers.add(load.submit(() -> {
                for (int i = worker; loading.get(); i += 8) {
                    classify(send(request(i)), served, unavailable, wrong);
                }
            }));
        }
        try {
            awaitAtLeast(served, 40);
            proxy.cut();
            int unavailableAtCut = unavailable.get();
            awaitAtLeast(unavailable, unavailableAtCut + 40);

            HttpResponse<String> health = adminHealth();
            assertThat(health.statusCode()).isEqualTo(500);
            assertThat(JSON.readTree(health.body()).path("database").path("healthy").asBoolean()).isFalse();

            // with the database still away, every request gets the 503 problem, whatever it needs the database for
            for (int i = 0; i < 9; i++) {
                HttpResponse<String> reply = send(request(3_000_000 + i));
                assertUnavailableProblem(reply);
            }

            proxy.restore();
            awaitAtLeast(served, served.get() + 40);
        } finally {
            loading.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            load.shutdownNow();
        }
        assertThat(wrong).isEmpty();
        for (int i = 0; i < 9; i++) {
            assertThat(send(request(6_000_000 + i)).statusCode()).isIn(200, 201);
        }
        assertThat(adminHealth().statusCode()).isEqualTo(200);
    }

    @Test
    void aDatabaseGoneSilentIsAnswered503WithinTheSocketTimeoutAndHealsByItself() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(request(15_000_000 + i)).statusCode()).isIn(200, 201);
        }

        proxy.stall();
        try {
            // without a socket timeout each of these would wait until TCP gives up, long after ANSWER_WITHIN
            for (int i = 0; i < 3; i++) {
                assertUnavailableProblem(send(request(9_000_000 + i)));
            }
            HttpResponse<String> health = adminHealth();
            assertThat(health).as("the health check answers within %s", ANSWER_WITHIN).isNotNull();
            assertThat(health.statusCode()).isEqualTo(500);
        } finally {
            proxy.restore();
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> reply;
        while ((reply = send(request(0))) == null || reply.statusCode() != 200) {
            assertThat(System.nanoTime()).as("served again within a minute").isLessThan(deadline);
            Thread.sleep(100);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(send(request(12_000_000 + i)).statusCode()).isIn(200, 201);
        }
        assertThat(adminHealth().statusCode()).isEqualTo(200);
    }

    private static void classify(HttpResponse<String> reply, AtomicInteger served, AtomicInteger unavailable,
                                 List<String> wrong) {
        if (reply == null) {
            wrong.add("no answer within " + ANSWER_WITHIN);
        } else if (reply.statusCode() == 200 || reply.statusCode() == 201) {
            served.incrementAndGet();
        } else if (reply.statusCode() == 503 && isUnavailableProblem(reply)) {
            unavailable.incrementAndGet();
        } else {
            wrong.add(reply.statusCode() + " " + reply.headers().map() + " " + reply.body());
        }
    }

    private static void assertUnavailableProblem(HttpResponse<String> reply) throws IOException {
        assertThat(reply).as("an answer within %s", ANSWER_WITHIN).isNotNull();
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(503);
        assertThat(isUnavailableProblem(reply)).as(reply.headers().map() + " " + reply.body()).isTrue();
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unavailable");
        assertThat(reply.body()).doesNotContain("Exception", "at pl.konwent", "jdbc");
    }

    private static boolean isUnavailableProblem(HttpResponse<String> reply) {
        return reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && reply.headers().firstValue("Retry-After").isPresent()
                && reply.body().contains("\"status\":503");
    }

    /** The answer, or null if none came within {@link #ANSWER_WITHIN}. */
    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> adminHealth() {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAdminPort() + "/healthcheck"))
                .timeout(ANSWER_WITHIN).GET().build());
    }

    /** Waits for the load to reach a count: the load itself is the clock; a stuck server fails the test. */
    private static void awaitAtLeast(AtomicInteger counter, int target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (counter.get() < target) {
            assertThat(System.nanoTime()).as("the load reached %d (now %d) within a minute", target, counter.get())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
