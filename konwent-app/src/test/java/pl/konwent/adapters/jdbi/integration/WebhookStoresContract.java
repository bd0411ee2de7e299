package pl.konwent.adapters.jdbi.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.jdbi.JsonColumns;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.security.SecureIdSource;
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

/** Webhooks, the events published into their outbox and the delivery queue, on every engine. */
abstract class WebhookStoresContract {
    private static final Instant T0 = Instant.parse("2027-03-10T09:30:00.123Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");
    private static final KonwentId POMORSKI = new KonwentId("pomorski");

    private Jdbi jdbi;
    private TestClock clock;
    private JdbiWebhooks webhooks;
    private JdbiEvents events;
    private JdbiDeliveryQueue queue;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(engine()).jdbi();
        clock = new TestClock(T0);
        webhooks = new JdbiWebhooks(jdbi, new SecureIdSource(), clock);
        events = new JdbiEvents(jdbi, new SecureIdSource(), clock);
        queue = new JdbiDeliveryQueue(jdbi, clock);
        JdbiKonwents konwents = new JdbiKonwents(jdbi);
        konwents.add(new Konwent(KRAJOWY, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1));
        konwents.add(new Konwent(POMORSKI, "Konwent Pomorski", null, null, Charter.defaults(), null, T0, T0, 1));
    }

    @Test
    void aWebhookIsStoredReadChangedListedNewestFirstAndDeleted() {
        Webhook first = webhook("w1", KRAJOWY, true, EventType.MEMBER_ACCEPTED, EventType.MEETING_INVITED);
        webhooks.add(first);
        clock.advance(Duration.ofSeconds(1));
        Webhook second = webhook("w2", KRAJOWY, true, EventType.VOTE_CLOSED);
        webhooks.add(second);
        webhooks.add(webhook("w3", POMORSKI, true, EventType.VOTE_CLOSED));

        assertThat(webhooks.find(KRAJOWY, first.id())).contains(first);
        assertThat(webhooks.find(POMORSKI, first.id())).isEmpty();
        assertThat(webhooks.list(KRAJOWY, PageRequest.first(1)).items()).containsExactly(second);
        String after = webhooks.list(KRAJOWY, PageRequest.first(1)).nextAfter();
        assertThat(webhooks.list(KRAJOWY, new PageRequest(1, after)).items()).containsExactly(first);

        Webhook revised = first.revised(new Webhook.Settings("https://inny.example.pl/hook",
                List.of(EventType.DOCUMENT_PUBLISHED), null, false), T0.plusSeconds(5));
        assertThat(webhooks.replace(revised, first.version())).isTrue();
        assertThat(webhooks.replace(revised, first.version())).as("stale").isFalse();
        assertThat(webhooks.find(KRAJOWY, first.id())).contains(revised);

        assertThat(webhooks.delete(POMORSKI, first.id())).isFalse();
        assertThat(webhooks.delete(KRAJOWY, first.id())).isTrue();
        assertThat(webhooks.find(KRAJOWY, first.id())).isEmpty();
    }

    @Test
    void anEventReachesEveryActiveWebhookOfItsKonwentThatSubscribedToItsTypeAndNoOther() {
        webhooks.add(webhook("member-hook", KRAJOWY, true, EventType.MEETING_INVITED, EventType.MEMBER_ACCEPTED));
        webhooks.add(webhook("vote-hook", KRAJOWY, true, EventType.VOTE_CLOSED));
        webhooks.add(webhook("inactive", KRAJOWY, false, EventType.MEMBER_ACCEPTED));
        webhooks.add(webhook("elsewhere", POMORSKI, true, EventType.MEMBER_ACCEPTED));

        events.publish(accepted("m1"));

        List<JdbiDeliveryQueue.Due> due = queue.claimDue(10, LEASE);
        assertThat(due).extracting(JdbiDeliveryQueue.Due::webhookId).containsExactly("member-hook");
        JdbiDeliveryQueue.Due delivery = due.get(0);
        assertThat(delivery.eventType()).isEqualTo("member.accepted");
        assertThat(delivery.url()).isEqualTo("https://portal.example.pl/member-hook");
        assertThat(delivery.secret()).isEqualTo("whsec_member-hook-secret");
        Map<String, Object> body = JsonColumns.read(delivery.body(), new TypeReference<Map<String, Object>>() { });
        assertThat(body.keySet()).containsExactly("id", "type", "konwentId", "subjectId", "occurredAt", "data");
        assertThat(body).containsEntry("type", "member.accepted").containsEntry("konwentId", "krajowy")
                .containsEntry("subjectId", "m1").containsEntry("occurredAt", "2027-03-10T09:30:00.123Z")
                .containsEntry("data", Map.of("memberId", "m1", "name", "CIS w Łodzi – zażółć"));
        assertThat(webhooks.deliveries("member-hook", PageRequest.first(10)).items()).singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
                    assertThat(d.eventId()).isEqualTo(body.get("id"));
                    assertThat(d.attempts()).isZero();
                });
    }

    @Test
    void anEventPublishedInATransactionThatRollsBackLeavesNoDelivery() {
        webhooks.add(webhook("member-hook", KRAJOWY, true, EventType.MEMBER_ACCEPTED));
        JdbiUnitOfWork unitOfWork = new JdbiUnitOfWork(jdbi);

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            events.publish(accepted("m1"));
            throw new IllegalStateException("the use case failed after publishing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(queue.claimDue(10, LEASE)).isEmpty();
        assertThat(webhooks.deliveries("member-hook", PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aDeliveryIsClaimedByOneCallerUntilItsLeaseEndsThenRecordedAsDeliveredFailedOrGivenUp() {
        webhooks.add(webhook("hook", KRAJOWY, true, EventType.MEMBER_ACCEPTED));
        events.publish(accepted("m1"));
        clock.advance(Duration.ofMillis(1));
        events.publish(accepted("m2"));
        clock.advance(Duration.ofMillis(1));
        events.publish(accepted("m3"));

        List<JdbiDeliveryQueue.Due> claimed = queue.claimDue(2, LEASE);
        assertThat(claimed).hasSize(2);
        assertThat(new JdbiDeliveryQueue(jdbi, clock).claimDue(10, LEASE)).as("another instance").hasSize(1);
        assertThat(queue.claimDue(10, LEASE)).isEmpty();

        queue.delivered(claimed.get(0).id(), 204);
        queue.failed(claimed.get(1).id(), 500, "The receiver answered HTTP 500", T0.plusSeconds(30));
        clock.set(T0.plus(LEASE).plusSeconds(1));
        List<JdbiDeliveryQueue.Due> again = queue.claimDue(10, LEASE);
        assertThat(again).extracting(JdbiDeliveryQueue.Due::id).doesNotContain(claimed.get(0).id())
                .contains(claimed.get(1).id()).hasSize(2);
        assertThat(again).filteredOn(d -> d.id().equals(claimed.get(1).id())).singleElement()
                .extracting(JdbiDeliveryQueue.Due::attempts).isEqualTo(1);
        queue.gaveUp(claimed.get(1).id(), null, "x".repeat(1500));
        queue.delivered(claimed.get(1).id(), 200);

        List<Delivery> recorded = webhooks.deliveries("hook", PageRequest.first(10)).items();
        assertThat(recorded).extracting(Delivery::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Delivery delivered = recorded.stream().filter(d -> d.id().equals(claimed.get(0).id())).findFirst()
                .orElseThrow();
        assertThat(delivered.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(delivered.lastStatus()).isEqualTo(204);
        assertThat(delivered.deliveredAt()).isEqualTo(T0.plusMillis(2));
        assertThat(delivered.nextAttemptAt()).isNull();
        Delivery givenUp = recorded.stream().filter(d -> d.id().equals(claimed.get(1).id())).findFirst()
                .orElseThrow();
        assertThat(givenUp.status()).as("a late success does not revive it").isEqualTo(Delivery.Status.GIVEN_UP);
        assertThat(givenUp.attempts()).isEqualTo(2);
        assertThat(givenUp.lastStatus()).isNull();
        assertThat(givenUp.lastError()).hasSize(1000);
        assertThat(givenUp.deliveredAt()).isNull();
        clock.advance(Duration.ofDays(30));
        assertThat(queue.claimDue(10, LEASE)).hasSize(1);
    }

    @Test
    void deliveriesOfAnInactiveWebhookWaitAndAPingReachesOnlyItsWebhook() {
        Webhook hook = webhook("hook", KRAJOWY, true, EventType.MEMBER_ACCEPTED);
        webhooks.add(hook);
        webhooks.add(webhook("other", KRAJOWY, true, EventType.MEMBER_ACCEPTED));

        Delivery ping = webhooks.enqueue(hook, new Events.Event(EventType.PING, "krajowy", hook.id(), T0,
                Map.of("webhookId", hook.id())));
        assertThat(ping.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(ping.eventType()).isEqualTo("webhook.ping");
        assertThat(ping.nextAttemptAt()).isEqualTo(T0);
        Webhook paused = hook.revised(new Webhook.Settings(hook.settings().url(), hook.settings().events(), null,
                false), T0);
        webhooks.replace(paused, hook.version());

        assertThat(queue.claimDue(10, LEASE)).isEmpty();
        webhooks.replace(paused.revised(hook.settings(), T0), paused.version());
        assertThat(queue.claimDue(10, LEASE)).extracting(JdbiDeliveryQueue.Due::id).containsExactly(ping.id());
        assertThat(webhooks.delete(KRAJOWY, hook.id())).as("with its deliveries").isTrue();
    }

    private static Events.Event accepted(String memberId) {
        return new Events.Event("member.accepted", "krajowy", memberId, T0,
                Map.of("memberId", memberId, "name", "CIS w Łodzi – zażółć"));
    }

    private Webhook webhook(String id, KonwentId konwent, boolean active, EventType... types) {
        Instant now = clock.instant();
        return new Webhook(id, konwent, new Webhook.Settings("https://portal.example.pl/" + id, List.of(types),
                "Portal – opis", active), "whsec_" + id + "-secret", now, now, 1);
    }
}
