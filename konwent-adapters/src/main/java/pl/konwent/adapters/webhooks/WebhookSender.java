package pl.konwent.adapters.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs one webhook body. The url's host is resolved and judged by the {@link AddressPolicy} once, and the
 * connection goes only to the addresses judged (the HTTP client's name resolution answers those and nothing else),
 * while the Host header, TLS server name and certificate check stay those of the url: no DNS rebinding between the
 * check and the connect. Redirects are never followed (a 3xx is a failure); connecting is bounded by the timeout,
 * and so is the whole exchange until the answer's status line and headers have arrived, however slowly a receiver
 * drips them. The answer's body is never read: the connection is cut as soon as the status is known.
 */
public final class WebhookSender {
    /** What one attempt came to: {@code status} is null when no answer came. */
    public record Attempt(boolean delivered, Integer status, String error) {
    }

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final AddressPolicy destinations;
    private final Duration timeout;
    private final Lookup<TlsSocketStrategy> tls = RegistryBuilder.<TlsSocketStrategy>create()
            .register("https", DefaultClientTlsStrategy.createDefault()).build();

    public WebhookSender(AddressPolicy destinations, Duration timeout) {
        this.destinations = destinations;
        this.timeout = timeout;
    }

    public Attempt post(String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        AddressPolicy.Destination destination = destinations.destination(uri);
        if (destination.refusal().isPresent()) {
            return new Attempt(false, null, "Not sent: the url " + destination.refusal().get());
        }
        HttpPost request = new HttpPost(uri);
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
        AtomicBoolean timedOut = new AtomicBoolean();
        CloseableHttpClient http = clientPinnedTo(destination.addresses());
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            timedOut.set(true);
            request.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = http.executeOpen(null, request, null);
            deadline.cancel(false);
            int status = response.getCode();
            return status >= 200 && status < 300 ? new Attempt(true, status, null)
                    : new Attempt(false, status, "The receiver answered HTTP " + status);
        } catch (IOException e) {
            return new Attempt(false, null, timedOut.get()
                    ? "Timed out: no answer within " + timeout.toMillis() + " ms"
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            deadline.cancel(false);
            // IMMEDIATE: the connection is dropped, never drained of a body the receiver may send for ever
            http.close(CloseMode.IMMEDIATE);
        }
    }

    /** A client for one attempt whose name resolution answers only the addresses the policy judged. */
    private CloseableHttpClient clientPinnedTo(List<InetAddress> checked) {
        InetAddress[] pinned = checked.toArray(InetAddress[]::new);
        DnsResolver onlyChecked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return pinned.clone();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, onlyChecked, tls, ManagedHttpClientConnectionFactory.INSTANCE);
        Timeout limit = Timeout.of(timeout);
        connections.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
                .build());
        return HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableAutomaticRetries().disableContentCompression().disableCookieManagement()
                .disableAuthCaching().disableDefaultUserAgent().build();
    }
}
