package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Receiver;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * Deliveries are rows: a document published before a restart, its event not yet sent, arrives once after it,
 * signed with the secret the subscriber got.
 */
class WebhookAcrossRestartTest {

    @Test
    void aDocumentPublishedBeforeARestartIsDeliveredOnceSignedAfterIt() throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        try (Receiver receiver = new Receiver()) {
            String webhookId;
            String secret;
            // the first server sends nothing: its dispatcher would first look an hour after the start
            DropwizardTestSupport<KonwentConfiguration> first = server(database, "1 hour");
            first.before();
            try {
                Api admin = new Api(first.getLocalPort()).asAdmin();
                admin.post("/api/v1/konwents", Map.of("id", "pomorski", "name", "Pomorski Konwent")).expect(201);
                var registered = admin.post("/api/v1/konwents/pomorski/webhooks", Map.of("url",
                        receiver.url("/hook"), "events", List.of("document.published"))).expect(201).json();
                webhookId = registered.path("id").asText();
                secret = registered.path("secret").asText();
                admin.post("/api/v1/konwents/pomorski/documents", Map.of("title", "Stanowisko w sprawie KIS w Gdańsku",
                        "kind", "POSITION", "date", "2026-11-20", "visibility", "PUBLIC", "body",
                        "Konwent popiera…")).expect(201);
            } finally {
                first.after();
            }
            assertThat(receiver.received()).isEmpty();

            DropwizardTestSupport<KonwentConfiguration> second = server(database, "200 milliseconds");
            second.before();
            try {
                List<Receiver.Received> got = receiver.await(r -> !r.isEmpty(), Duration.ofSeconds(20));
                assertThat(got).hasSize(1);
                Receiver.Received delivery = got.get(0);
                assertThat(delivery.body()).contains("Stanowisko w sprawie KIS w Gdańsku");
                assertThat(delivery.header("Konwent-Event")).isEqualTo("document.published");
                assertThat(delivery.header("Konwent-Signature")).isEqualTo("sha256=" + WebhookApiTest.hmac(secret,
                        delivery.header("Konwent-Timestamp") + "." + delivery.body()));
                delivery.verifyStandardWebhook(secret);
                Api admin = new Api(second.getLocalPort()).asAdmin();
                var deliveries = admin.get("/api/v1/konwents/pomorski/webhooks/" + webhookId + "/deliveries")
                        .expect(200).json().path("items");
                assertThat(deliveries).hasSize(1);
                assertThat(deliveries.get(0).path("id").asText()).isEqualTo(delivery.header("webhook-id"));
                assertThat(receiver.received()).hasSize(1);
            } finally {
                second.after();
            }
        }
    }

    private static DropwizardTestSupport<KonwentConfiguration> server(TestDatabases.TestDatabase database,
                                                                     String interval) {
        return TestServer.over(database, ConfigOverride.config("webhooks.allowPrivateAddresses", "true"),
                ConfigOverride.config("webhooks.interval", interval));
    }
}
