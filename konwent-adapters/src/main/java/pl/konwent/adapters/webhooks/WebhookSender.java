package pl.konwent.adapters.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import pl.konwent.domain.integration.Destinations;

/**
 * POSTs one webhook body. The address is checked against the {@link Destinations} policy just before, redirects
 * are never followed (a 3xx is a failure), and connecting and waiting for the answer are each bounded by the
 * timeout. The answer's body is not read.
 */
public final class WebhookSender {
    /** What one attempt came to: {@code status} is null when no answer came. */
    public record Attempt(boolean delivered, Integer status, String error) {
    }

    private final Destinations destinations;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookSender(Destinations destinations, Duration timeout) {
        this.destinations = destinations;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY).build();
    }

    public Attempt post(String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        Optional<String> refusal = destinations.refusal(uri);
        if (refusal.isPresent()) {
            return new Attempt(false, null, "Not sent: the url " + refusal.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Attempt(true, status, null)
                    : new Attempt(false, status, "The receiver answered HTTP " + status);
        } catch (IOException e) {
            return new Attempt(false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, null, "Interrupted while sending");
        }
    }
}
