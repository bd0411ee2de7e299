package pl.konwent.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.integration.JdbiDeliveryQueue;
import pl.konwent.adapters.jdbi.integration.JdbiEvents;
import pl.konwent.adapters.jdbi.integration.JdbiWebhooks;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.app.testing.Receiver;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.integration.Delivery;
import pl.konwent.domain.integration.EventType;
import pl.konwent.domain.integration.Webhook;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.PageRequest;

/**
 * The dispatcher POSTs signed deliveries to a real receiver on loopback; the server's time is a test clock, so
 * retries and giving up are seen without waiting for the backoff.
 */
abstract class WebhookDispatcherContract {
    private static final Instant T0 = Instant.parse("2027-03-10T09:30:00.123Z");
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");
    private static final String SECRET = "whsec_ZGlzcGF0Y2hlci10ZXN0LXNlY3JldC0zMi1ieXRlcyE=";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TestClock clock;
    private Receiver receiver;
    private JdbiWebhooks webhooks;
    private JdbiEvents events;
    private JdbiDeliveryQueue queue;
    private Webhook hook;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabaseAndReceiver() {
        var jdbi = TestDatabases.fresh(engine()).jdbi();
        clock = new TestClock(T0);
        receiver = new Receiver();
        webhooks = new JdbiWebhooks(jdbi, new SecureIdSource(), clock);
        events = new JdbiEvents(jdbi, new SecureIdSource(), clock);
        queue = new JdbiDeliveryQueue(jdbi, clock);
        new JdbiKonwents(jdbi).add(new Konwent(KRAJOWY, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1));
        hook = new Webhook("11111111-2222-4333-8444-555555555555", KRAJOWY, new Webhook.Settings(
                receiver.url("/hook"), List.of(EventType.MEMBER_ACCEPTED), null, true), SECRET, T0, T0, 1);
        webhooks.add(hook);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private WebhookDispatcher dispatcher(boolean allowPrivate) {
        return new WebhookDispatcher(queue, new WebhookSender(new AddressPolicy(allowPrivate), TIMEOUT), TIMEOUT,
                clock);
    }

    @Test
    void aDeliveryIsPostedSignedWithTheHeadersReceiversCheck() {
        events.publish(accepted());

        assertThat(dispatcher(true).dispatchDue()).isEqualTo(1);

        Receiver.Received got = receiver.received().get(0);
        assertThat(got.path()).isEqualTo("/hook");
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        assertThat(got.header("User-Agent")).isEqualTo("konwent-api-webhooks");
        assertThat(got.header("Konwent-Event")).isEqualTo("member.accepted");
        assertThat(got.header("Konwent-Timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
        assertThat(got.header("Konwent-Signature")).isEqualTo(Signatures.legacy(SECRET, T0.getEpochSecond(),
                got.body()));
        assertThat(got.header("Deprecation")).isEqualTo("@1796342400");
        assertThat(got.header("Sunset")).isEqualTo("Mon, 06 Dec 2027 00:00:00 GMT");
        Delivery delivery = only();
        assertThat(got.header("Konwent-Delivery")).isEqualTo(delivery.id());
        assertThat(got.header("webhook-id")).isEqualTo(delivery.id());
        assertThat(got.header("webhook-timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
        assertThat(got.header("webhook-signature")).isEqualTo(Signatures.standard(SECRET, delivery.id(),
                T0.getEpochSecond(), got.body()));
        assertThat(got.body()).contains("\"id\":\"" + delivery.eventId() + "\"").contains("CIS w Łodzi");
        assertThat(delivery.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(delivery.lastStatus()).isEqualTo(200);
        assertThat(dispatcher(true).dispatchDue()).isZero();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aReceiverAnswering500GetsTheRetryAfterTheFirstWaitWithTheSameBodyAndAFreshSignature() {
        receiver.answer(500);
        events.publish(accepted());
        WebhookDispatcher dispatcher = dispatcher(true);

        assertThat(dispatcher.dispatchDue()).isZero();
        Delivery failed = only();
        assertThat(failed.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastStatus()).isEqualTo(500);
        assertThat(failed.lastError()).contains("500");
        assertThat(failed.nextAttemptAt()).isEqualTo(T0.plus(WebhookDispatcher.waitAfter(1)));
        assertThat(WebhookDispatcher.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(receiver.received()).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        List<Receiver.Received> got = receiver.received();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertThat(got.get(1).header("Konwent-Timestamp")).isEqualTo(Long.toString(T0.getEpochSecond() + 30));
        assertThat(got.get(1).header("Konwent-Signature")).isEqualTo(Signatures.legacy(SECRET,
                T0.getEpochSecond() + 30, got.get(1).body()));
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        assertThat(got.get(1).header("webhook-signature")).isEqualTo(Signatures.standard(SECRET,
                got.get(0).header("webhook-id"), T0.getEpochSecond() + 30, got.get(1).body()));
        Delivery delivered = only();
        assertThat(delivered.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastError()).isNull();
    }

    @Test
    void aDeliveryStillFailingThreeDaysAfterItsEventIsGivenUpAndStaysRecorded() {
        receiver.answer(503, 502, 301);
        events.publish(accepted());
        WebhookDispatcher dispatcher = dispatcher(true);

        dispatcher.dispatchDue();
        clock.set(only().nextAttemptAt());
        dispatcher.dispatchDue();
        assertThat(only().lastStatus()).isEqualTo(502);
        clock.set(T0.plus(Duration.ofDays(3)).minusSeconds(10));
        dispatcher.dispatchDue();

        Delivery givenUp = only();
        assertThat(givenUp.status()).isEqualTo(Delivery.Status.GIVEN_UP);
        assertThat(givenUp.attempts()).isEqualTo(3);
        assertThat(givenUp.lastStatus()).as("a redirect is not followed").isEqualTo(301);
        assertThat(givenUp.nextAttemptAt()).isNull();
        clock.advance(Duration.ofDays(10));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(receiver.received()).hasSize(3);
        assertThat(WebhookDispatcher.waitAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(WebhookDispatcher.waitAfter(100)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void anAddressThatIsNotPublicAtDeliveryTimeGetsNothingAndIsRetried() {
        events.publish(accepted());

        assertThat(dispatcher(false).dispatchDue()).isZero();

        assertThat(receiver.received()).isEmpty();
        Delivery refused = only();
        assertThat(refused.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(refused.lastStatus()).isNull();
        assertThat(refused.lastError()).contains("Not sent").containsIgnoringCase("loopback");
    }

    private Delivery only() {
        List<Delivery> all = webhooks.deliveries(hook.id(), PageRequest.first(10)).items();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static Events.Event accepted() {
        return new Events.Event("member.accepted", "krajowy", "m1", T0,
                Map.of("memberId", "m1", "name", "CIS w Łodzi", "kind", "CIS"));
    }
}
