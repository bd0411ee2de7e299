package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/** The cross-cutting behaviour every resource shares: discovery, the contract, errors, the admin port. */
@ExtendWith(DropwizardExtensionsSupport.class)
class HttpConventionsTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2);

    private final Api api = new Api(APP.getLocalPort());

    @Test
    void theEntryPointLinksTheCollectionsAndTheContract() {
        Api.Reply root = api.get("/api/v1").expect(200);

        assertThat(root.json().path("links").path("konwents").asText()).isEqualTo("/api/v1/konwents");
        assertThat(root.json().path("links").path("openapi").asText()).isEqualTo("/openapi.yaml");
        assertThat(root.header("ETag")).isNotBlank();
        api.get("/api/v1", "If-None-Match", root.header("ETag")).expect(304);
    }

    @Test
    void theContractIsServedAsCommitted() throws IOException {
        Api.Reply contract = api.get("/openapi.yaml").expect(200);

        assertThat(contract.body()).isEqualTo(Files.readString(Path.of("..", "openapi.yaml")));
        assertThat(contract.header("Content-Type")).startsWith("application/yaml");
    }

    @Test
    void swaggerUiIsServedFromTheWebjarWithoutACdn() {
        Api.Reply page = api.get("/docs").expect(200);

        assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "/openapi.yaml").doesNotContain("https://");
        assertThat(api.get("/docs/swagger-ui-bundle.js").expect(200).body()).contains("SwaggerUIBundle");
        api.get("/docs/swagger-ui.css").expect(200);
        Api.Reply traversal = api.outsideContract().get("/docs/..%2Fpom.properties");
        assertThat(traversal.status()).isIn(400, 404);
        assertThat(traversal.header("Content-Type")).startsWith("application/problem+json");
        api.unvalidatedRequest().get("/docs/index.html").expect(404);
    }

    @Test
    void everyProblemTypeIsExplainedAtItsUri() {
        Api.Reply explained = api.get("/problems/validation").expect(200);

        assertThat(explained.json().path("status").asInt()).isEqualTo(422);
        assertThat(explained.json().path("detail").asText()).contains("errors");
        api.get("/problems/no-such-problem").expect(404);
    }

    @Test
    void unknownPathsAreProblemDocuments() {
        // not in the contract, so checked by hand rather than by the validator
        Api.Reply reply = api.outsideContract().get("/api/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(reply.json().path("status").asInt()).isEqualTo(404);
    }

    @Test
    void aUriJettyRefusesIsAProblemDocumentWhateverTheMethod() {
        // an encoded slash or dot segment is ambiguous: Jetty answers 400 itself, before Jersey sees the request
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            Api.Reply reply = api.outsideContract().send(method, "/api/v1/konwents/..%2F..%2Fetc%2Fpasswd", null);

            assertThat(reply.status()).as(method).isEqualTo(400);
            assertThat(reply.header("Content-Type")).as(method).startsWith("application/problem+json");
            assertThat(reply.json().path("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void aMethodTheResourceDoesNotTakeIsA405WithAllow() {
        Api.Reply reply = api.outsideContract().send("DELETE", "/api/v1/konwents", null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET", "POST");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("/problems/method-not-allowed");
    }

    @Test
    void anUnsatisfiableAcceptIsA406Problem() {
        api.unvalidatedRequest().get("/api/v1/konwents", "Accept", "application/xml").expect(406);
    }

    @Test
    void problemsCarryNoStackTraces() {
        Api.Reply reply = api.unvalidatedRequest().post("/api/v1/konwents", "{\"id\": \"x\" \"name\"}").expect(400);

        assertThat(reply.body()).doesNotContain("at pl.konwent", "Exception", "jackson");
    }

    @Test
    void theAdminPortServesHealthChecksOnLoopbackOnly() throws IOException {
        HttpConnectorFactory admin = (HttpConnectorFactory)
                ((DefaultServerFactory) APP.getConfiguration().getServerFactory()).getAdminConnectors().get(0);
        assertThat(admin.getBindHost()).isEqualTo("127.0.0.1");

        Api.Reply health = new Api(APP.getAdminPort()).outsideContract().get("/healthcheck");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("database").path("healthy").asBoolean()).isTrue();

        Optional<InetAddress> external = nonLoopbackAddress();
        if (external.isPresent()) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), APP.getAdminPort()), 2000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherDeclaredOrNot() throws IOException, InterruptedException {
        // well-formed JSON, just padded past the limit, so that only the size can be refused
        String huge = "{\"id\": \"za-duzy\"," + " ".repeat(1 << 20) + "\"name\": \"x\"}";

        Api.Reply declared = api.asAdmin().unvalidatedRequest().post("/api/v1/konwents", huge).expect(413);
        assertThat(declared.json().path("type").asText()).isEqualTo("/problems/payload-too-large");
        api.get("/api/v1/konwents/za-duzy").expect(404);

        for (boolean withIdempotencyKey : new boolean[] {false, true}) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/konwents"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("admin:" + TestServer.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                            new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            if (withIdempotencyKey) {
                request.header("Idempotency-Key", "za-duzy-" + System.nanoTime());
            }
            java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).as("chunked, Idempotency-Key: %s", withIdempotencyKey).isEqualTo(413);
            assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        api.get("/api/v1/konwents/za-duzy").expect(404);
    }
}
