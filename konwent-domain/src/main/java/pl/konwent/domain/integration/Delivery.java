package pl.konwent.domain.integration;

import java.time.Instant;

/**
 * The record of one event sent to one webhook: tried until the receiver answers 2xx (DELIVERED), or for three
 * days, after which it is GIVEN_UP. Either way the record stays, so nothing acknowledged is lost unseen.
 */
public record Delivery(String id, String webhookId, String eventId, String eventType, Status status, int attempts,
                       Integer lastStatus, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                       Instant deliveredAt, Instant createdAt) {

    /** PENDING: not yet tried, or failed and waiting for its next attempt. */
    public enum Status { PENDING, DELIVERED, GIVEN_UP }
}
