package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.Receiver;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/**
 * Webhooks over HTTP with a receiver on loopback (the server allows private addresses for it): registration with
 * the secret shown once, a real event delivered exactly once and verifiable by the receiver, changes, rotation,
 * ping and removal. Every answer is checked against openapi.yaml.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookApiTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2,
            ConfigOverride.config("webhooks.allowPrivateAddresses", "true"),
            ConfigOverride.config("webhooks.interval", "200 milliseconds"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Api anonymous;
    private Api admin;
    private Api department;
    private String konwent;
    private String webhooks;
    private Receiver receiver;

    @BeforeEach
    void konwentWithItsDepartment() {
        anonymous = new Api(APP.getLocalPort());
        admin = anonymous.asAdmin();
        konwent = "wh" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent)).expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        webhooks = "/api/v1/konwents/" + konwent + "/webhooks";
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anAcceptedMemberIsDeliveredOnceSignedWithTheSecretShownAtRegistration() throws Exception {
        Api.Reply registered = department.post(webhooks, Map.of("url", receiver.url("/konwent"),
                "events", List.of("member.accepted"), "description", "Portal – test")).expect(201);
        JsonNode webhook = registered.json();
        String secret = webhook.path("secret").asText();
        assertThat(secret).startsWith("whsec_").hasSize(50);
        assertThat(Base64.getDecoder().decode(secret.substring(6))).as("the Standard Webhooks form").hasSize(32);
        assertThat(registered.header("Location")).endsWith(webhooks + "/" + webhook.path("id").asText());
        assertThat(registered.header("Cache-Control")).isEqualTo("no-store");
        JsonNode read = department.get(webhooks + "/" + webhook.path("id").asText()).expect(200).json();
        assertThat(read.path("secret").isNull()).isTrue();
        assertThat(read.path("secretHint").asText()).startsWith("whsec_…").endsWith(secret.substring(secret.length() - 4));
        assertThat(department.get(webhooks).expect(200).json().path("items").findValues("secret"))
                .allMatch(JsonNode::isNull);

        String member = Declarations.acceptedMember(anonymous, department, konwent, "CIS w Łodzi");

        List<Receiver.Received> got = receiver.await(r -> !r.isEmpty(), WAIT);
        assertThat(got).hasSize(1);
        Receiver.Received delivery = got.get(0);
        String timestamp = delivery.header("Konwent-Timestamp");
        assertThat(delivery.header("Konwent-Signature")).isEqualTo("sha256=" + hmac(secret, timestamp + "."
                + delivery.body()));
        delivery.verifyStandardWebhook(secret);
        assertThat(delivery.header("webhook-timestamp")).isEqualTo(timestamp);
        assertThat(delivery.header("Deprecation")).startsWith("@");
        assertThat(delivery.header("Sunset")).endsWith(" GMT");
        Receiver.Received tampered = new Receiver.Received(delivery.path(), delivery.headers(),
                delivery.body().replace("CIS w Łodzi", "CIS w Łomży"));
        assertThatThrownBy(() -> tampered.verifyStandardWebhook(secret))
                .isInstanceOf(WebhookVerificationException.class);
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> delivery.verifyStandardWebhook(otherSecret))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(delivery.header("Konwent-Event")).isEqualTo("member.accepted");
        JsonNode event = new ObjectMapper().readTree(delivery.body());
        assertThat(event.path("type").asText()).isEqualTo("member.accepted");
        assertThat(event.path("konwentId").asText()).isEqualTo(konwent);
        assertThat(event.path("subjectId").asText()).isEqualTo(member);
        assertThat(event.path("data").path("name").asText()).isEqualTo("CIS w Łodzi");
        assertThat(event.path("data").path("kind").asText()).isEqualTo("CIS");
        assertThat(delivery.body()).as("no personal data").doesNotContain("Anna Nowak").doesNotContain("@");

        JsonNode deliveries = awaitDelivered(webhook.path("id").asText());
        assertThat(deliveries.path("items")).hasSize(1);
        JsonNode recorded = deliveries.path("items").get(0);
        assertThat(recorded.path("id").asText()).isEqualTo(delivery.header("Konwent-Delivery"))
                .isEqualTo(delivery.header("webhook-id"));
        assertThat(recorded.path("eventId").asText()).isEqualTo(event.path("id").asText());
        assertThat(recorded.path("attempts").asInt()).isEqualTo(1);
        assertThat(recorded.path("lastStatus").asInt()).isEqualTo(200);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aWebhookIsChangedWithIfMatchGetsANewSecretIsPingedAndRemoved() throws Exception {
        JsonNode webhook = department.post(webhooks, Map.of("url", receiver.url("/a"),
                "events", List.of("meeting.invited"))).expect(201).json();
        String path = webhooks + "/" + webhook.path("id").asText();
        assertThat(webhook.path("active").asBoolean()).isTrue();
        assertThat(webhook.path("description").isNull()).isTrue();
        Api.Reply read = department.get(path).expect(200);

        Map<String, Object> change = Map.of("url", receiver.url("/b"), "events",
                List.of("member.accepted", "vote.closed"), "active", false);
        JsonNode changed = department.put(path, change, "If-Match", read.header("ETag")).expect(200).json();
        assertThat(changed.path("events")).extracting(JsonNode::asText).containsExactly("member.accepted",
                "vote.closed");
        department.put(path, change, "If-Match", read.header("ETag")).expect(412);
        department.post(path + "/ping", null).expect(409);
        department.put(path, Map.of("url", receiver.url("/b"), "events", List.of("member.accepted"))).expect(200);

        String secret = department.post(path + "/secret-rotation", null).expect(200).json().path("secret").asText();
        assertThat(secret).isNotEqualTo(webhook.path("secret").asText()).startsWith("whsec_");
        JsonNode ping = department.post(path + "/ping", null).expect(202).json();
        assertThat(ping.path("eventType").asText()).isEqualTo("webhook.ping");
        assertThat(ping.path("status").asText()).isEqualTo("PENDING");
        Receiver.Received got = receiver.await(r -> !r.isEmpty(), WAIT).get(0);
        assertThat(got.path()).isEqualTo("/b");
        assertThat(got.header("Konwent-Signature")).isEqualTo("sha256=" + hmac(secret,
                got.header("Konwent-Timestamp") + "." + got.body()));
        got.verifyStandardWebhook(secret);
        assertThatThrownBy(() -> got.verifyStandardWebhook(webhook.path("secret").asText()))
                .as("the old secret no longer signs").isInstanceOf(WebhookVerificationException.class);

        department.delete(path).expect(204);
        department.get(path).expect(404);
        department.delete(path).expect(404);
    }

    @Test
    void invalidSubscriptionsAreRefusedFieldByField() {
        JsonNode problem = department.unvalidatedRequest().post(webhooks, Map.of("url", "ftp://example.pl/x",
                "events", List.of("member.accepted", "member.joined", "member.accepted"))).expect(422).json();
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("url", "events[1]",
                "events[2]");
        department.unvalidatedRequest().post(webhooks, Map.of("url", "https://jan:haslo@example.pl/x",
                "events", List.of("member.accepted"))).expect(422);
        department.unvalidatedRequest().post(webhooks, Map.of("url", receiver.url("/x"), "events", List.of()))
                .expect(422);
        department.unvalidatedRequest().post(webhooks, Map.of("url", receiver.url("/x"),
                "events", List.of("member.accepted"), "secret", "moj")).expect(422);
    }

    private JsonNode awaitDelivered(String webhookId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode page;
        do {
            page = department.get(webhooks + "/" + webhookId + "/deliveries").expect(200).json();
        } while (!page.path("items").findValuesAsText("status").contains("DELIVERED") && System.nanoTime() < deadline);
        return page;
    }

    /** What a receiver computes to verify a delivery, written here independently of the server's code. */
    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
