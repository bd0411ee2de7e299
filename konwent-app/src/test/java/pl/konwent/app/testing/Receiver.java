package pl.konwent.app.testing;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback for tests: records every request it gets and answers 200, or the statuses queued
 * with {@link #answer} first. Waiting for requests is bounded by a deadline; nothing asserts on timing.
 */
public final class Receiver implements AutoCloseable {
    /** One request as it arrived: header names in lowercase, the body as text. */
    public record Received(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /**
         * Verifies this request as an integrator would, with the Standard Webhooks reference library (its
         * {@code webhook-id}, {@code webhook-timestamp} within five minutes and {@code webhook-signature});
         * throws if it does not verify.
         */
        public void verifyStandardWebhook(String secret)
                throws WebhookVerificationException, EmptyWebhookSecretException {
            Map<String, List<String>> multi = new java.util.HashMap<>();
            headers.forEach((name, value) -> multi.put(name, List.of(value)));
            new Webhook(secret).verify(body, multi);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ArrayDeque<>();

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            int status;
            synchronized (answers) {
                status = answers.isEmpty() ? 200 : answers.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The address of {@code path} here, e.g. {@code http://127.0.0.1:40123/hook}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these statuses, in order; then 200 again. */
    public void answer(Integer... statuses) {
        synchronized (answers) {
            answers.addAll(List.of(statuses));
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits, up to {@code within}, until what was received satisfies {@code done}; answers what was received. */
    public List<Received> await(Predicate<List<Received>> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.test(received()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
