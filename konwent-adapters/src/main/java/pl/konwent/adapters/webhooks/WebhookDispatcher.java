package pl.konwent.adapters.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.konwent.adapters.jdbi.integration.JdbiDeliveryQueue;

/**
 * Sends the due webhook deliveries: each is claimed, signed (Standard Webhooks, and the deprecated scheme of
 * our own until its sunset) and POSTed; a 2xx answer marks it DELIVERED. Any
 * other answer, a timeout or a refused address is recorded and retried, waiting twice as long after each failure
 * (from {@link #FIRST_RETRY} up to {@link #LONGEST_WAIT}); a delivery still failing {@link #GIVE_UP_AFTER} after
 * its event is GIVEN_UP, and its record stays. Run it periodically; one run sends what is due now.
 */
public final class WebhookDispatcher {
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(6);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    static final int BATCH = 10;
    public static final String USER_AGENT = "konwent-api-webhooks";
    /**
     * RFC 9745 and RFC 8594, as the versioning policy asks of anything deprecated: since 2026-12-04 the
     * Konwent-Delivery, -Timestamp and -Signature headers are deprecated for webhook-id, -timestamp and -signature,
     * and they are sent until 2027-12-06, twelve months and more after the announcement.
     */
    public static final String LEGACY_HEADERS_DEPRECATION = "@1796342400";
    public static final String LEGACY_HEADERS_SUNSET = "Mon, 06 Dec 2027 00:00:00 GMT";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final JdbiDeliveryQueue queue;
    private final WebhookSender sender;
    private final Clock clock;
    /** Outlasts a whole batch of attempts that each use up both timeouts, so no claim ends while being sent. */
    private final Duration lease;

    public WebhookDispatcher(JdbiDeliveryQueue queue, WebhookSender sender, Duration timeout, Clock clock) {
        this.queue = queue;
        this.sender = sender;
        this.clock = clock;
        this.lease = timeout.multipliedBy(2L * BATCH).plusMinutes(1);
    }

    /** Sends the deliveries due now; answers how many were delivered. */
    public int dispatchDue() {
        int delivered = 0;
        List<JdbiDeliveryQueue.Due> due;
        do {
            due = queue.claimDue(BATCH, lease);
            for (JdbiDeliveryQueue.Due delivery : due) {
                if (deliver(delivery)) {
                    delivered++;
                }
            }
        } while (due.size() == BATCH);
        return delivered;
    }

    private boolean deliver(JdbiDeliveryQueue.Due due) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        // Standard Webhooks: the id stays the same across retries, so a receiver can deduplicate by it.
        headers.put("webhook-id", due.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signatures.standard(due.secret(), due.id(), timestamp, due.body()));
        headers.put("Konwent-Event", due.eventType());
        // The headers of our own scheme, deprecated for the standard ones above and sent until the sunset.
        headers.put("Konwent-Delivery", due.id());
        headers.put("Konwent-Timestamp", Long.toString(timestamp));
        headers.put("Konwent-Signature", Signatures.legacy(due.secret(), timestamp, due.body()));
        headers.put("Deprecation", LEGACY_HEADERS_DEPRECATION);
        headers.put("Sunset", LEGACY_HEADERS_SUNSET);
        WebhookSender.Attempt attempt = sender.post(due.url(), headers, due.body());
        if (attempt.delivered()) {
            queue.delivered(due.id(), attempt.status());
            return true;
        }
        int failures = due.attempts() + 1;
        Instant next = clock.instant().plus(waitAfter(failures));
        if (next.isAfter(due.createdAt().plus(GIVE_UP_AFTER))) {
            LOG.warn("Webhook delivery {} to webhook {} given up after {} attempts: {}", due.id(), due.webhookId(),
                    failures, attempt.error());
            queue.gaveUp(due.id(), attempt.status(), attempt.error());
        } else {
            LOG.info("Webhook delivery {} to webhook {} failed (attempt {}), next try at {}: {}", due.id(),
                    due.webhookId(), failures, next, attempt.error());
            queue.failed(due.id(), attempt.status(), attempt.error(), next);
        }
        return false;
    }

    /** The wait after the given number of failed attempts: 30 s, 1 min, 2 min … at most six hours. */
    static Duration waitAfter(int failures) {
        int doublings = Math.min(failures - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
