package pl.konwent.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Slow-header clients (slowloris): Jetty's idle timeout restarts with every byte, so a client sending its headers a
 * byte every few seconds could hold a connection for ever, and thousands of them the server. This puts a total
 * deadline on each request's line and headers: a connection still reading the same request's head after
 * {@code timeout} is answered 408 and closed. (A slow body is held by the connectors' minimum request data rate
 * and idle timeout, set in konwent.yml.) The check runs on Jetty's scheduler a few times per timeout, per
 * connection, and never on a request thread.
 */
final class HeaderDeadline implements Connection.Listener {
    private static final byte[] TIMED_OUT = timedOut();

    private final long timeoutNanos;
    private final long checkEveryMillis;

    HeaderDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.checkEveryMillis = Math.max(50, timeout.toMillis() / 4);
    }

    /** Puts the deadline on every HTTP/1 connection the server's connectors open from now on. */
    void applyTo(Server server) {
        for (Connector connector : server.getConnectors()) {
            connector.addEventListener(this);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            new Watch(http, http.getConnector().getScheduler()).schedule();
        }
    }

    /** The whole 408 answer, written straight to the connection: no request exists to answer through. */
    private static byte[] timedOut() {
        String body = "{\"type\":\"/problems/request-timeout\",\"title\":\"Request timeout\",\"status\":408,"
                + "\"detail\":\"The request line and headers did not arrive in time\"}";
        HttpFields.Mutable headers = HttpFields.build();
        headers.put("Content-Type", "application/problem+json");
        headers.put("Content-Length", Integer.toString(body.length()));
        headers.put("Connection", "close");
        SecurityHeaders.addTo(headers);
        StringBuilder head = new StringBuilder("HTTP/1.1 408 Request Timeout\r\n");
        headers.forEach(field -> head.append(field.getName()).append(": ").append(field.getValue()).append("\r\n"));
        return head.append("\r\n").append(body).toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One connection's head being read: since when, and for which request (by count of requests received). */
    private final class Watch implements Runnable {
        private final HttpConnection http;
        private final Scheduler scheduler;
        private long headStartedAt;
        private long request = -1;

        Watch(HttpConnection http, Scheduler scheduler) {
            this.http = http;
            this.scheduler = scheduler;
        }

        void schedule() {
            scheduler.schedule(this, checkEveryMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            EndPoint endPoint = http.getEndPoint();
            if (!endPoint.isOpen()) {
                return;
            }
            HttpParser parser = http.getParser();
            boolean readingHead = parser.inHeaderState() && !parser.isStart();
            long now = NanoTime.now();
            if (!readingHead) {
                request = -1;
            } else if (request != http.getMessagesIn()) {
                request = http.getMessagesIn();
                headStartedAt = now;
            } else if (NanoTime.elapsed(headStartedAt, now) >= timeoutNanos) {
                try {
                    endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()),
                            ByteBuffer.wrap(TIMED_OUT));
                } catch (IllegalStateException writing) {
                    // an earlier answer is still being written (pipelining): close without the 408
                    endPoint.close();
                }
                return;
            }
            schedule();
        }
    }
}
