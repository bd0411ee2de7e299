package pl.konwent.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client for resource tests that holds the server to its contract: every response is validated against
 * openapi.yaml (status, headers, body, no undocumented field), and so is every request unless a test sends bad
 * input on purpose ({@link #unvalidatedRequest()}).
 */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
            .createForInlineApiSpecification(readContract())
            .build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final boolean validateRequests;
    private final boolean validateResponses;
    private final Map<String, String> defaultHeaders;

    public Api(int port) {
        this(URI.create("http://127.0.0.1:" + port), true, true, Map.of());
    }

    private Api(URI base, boolean validateRequests, boolean validateResponses, Map<String, String> defaultHeaders) {
        this.base = base;
        this.validateRequests = validateRequests;
        this.validateResponses = validateResponses;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same client, but requests are not checked against the contract: for deliberately bad input. */
    public Api unvalidatedRequest() {
        return new Api(base, false, validateResponses, defaultHeaders);
    }

    /**
     * The same client for addresses the contract does not describe (unknown paths and methods, the admin
     * port): nothing is validated, so the test must check the answer itself.
     */
    public Api outsideContract() {
        return new Api(base, false, false, defaultHeaders);
    }

    /** The same client authenticated with HTTP Basic. */
    public Api as(String username, String password) {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return withHeaders(Map.of("Authorization", "Basic " + credentials));
    }

    /** The same client authenticated as the installation's first ADMIN. */
    public Api asAdmin() {
        return as("admin", TestServer.ADMIN_PASSWORD);
    }

    /** The same client with a bearer token. */
    public Api withToken(String token) {
        return withHeaders(Map.of("Authorization", "Bearer " + token));
    }

    /** The same client sending these headers on every request (credentials, for instance). */
    public Api withHeaders(Map<String, String> headers) {
        Map<String, String> merged = new LinkedHashMap<>(defaultHeaders);
        merged.putAll(headers);
        return new Api(base, validateRequests, validateResponses, merged);
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * Sends a request. {@code body} is sent as JSON unless it is a String, which is sent as it is, or bytes
     * (a file), sent as they are and shown to the contract as ISO-8859-1 text; {@code headers} are name, value pairs.
     */
    public Reply send(String method, String path, Object body, String... headers) {
        byte[] raw = body instanceof byte[] bytes ? bytes : null;
        String text = body == null ? null : raw != null ? new String(raw, StandardCharsets.ISO_8859_1)
                : body instanceof String s ? s : toJson(body);
        Map<String, String> all = new LinkedHashMap<>(defaultHeaders);
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        if (text != null) {
            all.putIfAbsent("Content-Type", raw != null ? "application/octet-stream" : "application/json");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : raw != null ? HttpRequest.BodyPublishers.ofByteArray(raw)
                        : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        all.forEach(request::header);
        HttpResponse<byte[]> response = exchange(request.build());
        Reply reply = new Reply(method, path, response.statusCode(), response.headers().map(),
                new String(response.body(), StandardCharsets.UTF_8), response.body());
        if (validateResponses) {
            validate(method, path, text, all, reply);
        }
        return reply;
    }

    /**
     * Sends once, and once more only when a pooled keep-alive connection turned out to be closed by the server
     * before it read a byte of the request (the JDK client's "received no bytes"): that request never arrived.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                boolean staleConnection = String.valueOf(e.getMessage()).contains("received no bytes");
                if (!staleConnection || attempt == 2) {
                    throw new UncheckedIOException(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void validate(String method, String path, String body, Map<String, String> headers, Reply reply) {
        URI uri = base.resolve(path);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.withQueryParam(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        reply.headers().forEach((name, values) -> response.withHeader(name, values));
        if (!reply.body().isEmpty()) {
            response.withBody(reply.body());
        }
        Request built = request.build();
        ValidationReport report = validateRequests
                ? CONTRACT.validate(built, response.build())
                : CONTRACT.validateResponse(built.getPath(), built.getMethod(), response.build());
        assertThat(report.getMessages())
                .as("%s %s -> %d %s violates openapi.yaml", method, path, reply.status(), reply.body())
                .isEmpty();
    }

    private static String decode(String raw) {
        return java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readContract() {
        try {
            return Files.readString(Path.of("..", "openapi.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response as a test sees it. */
    public record Reply(String method, String path, int status, Map<String, List<String>> headers, String body,
                        byte[] bytes) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .collect(Collectors.collectingAndThen(Collectors.toList(),
                            values -> values.isEmpty() ? null : String.join(",", values)));
        }

        /** Asserts the status and, for errors, that the body is a problem document of that status. */
        public Reply expect(int expected) {
            assertThat(status).as("%s %s answered %s", method, path, body).isEqualTo(expected);
            if (expected >= 400) {
                assertThat(header("Content-Type")).startsWith("application/problem+json");
                JsonNode problem = json();
                assertThat(problem.path("status").asInt()).isEqualTo(expected);
                assertThat(problem.path("type").asText()).startsWith("/problems/");
                assertThat(problem.path("title").asText()).isNotBlank();
                assertThat(problem.path("detail").asText()).isNotBlank();
            }
            return this;
        }
    }
}
