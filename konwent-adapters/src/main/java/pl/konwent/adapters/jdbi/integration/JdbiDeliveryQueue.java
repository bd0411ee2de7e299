package pl.konwent.adapters.jdbi.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.SqlErrors;

/**
 * The dispatcher's side of table {@code webhook_delivery}. Due deliveries of active webhooks are taken with
 * {@link #claimDue}, which moves each one's next attempt forward by a lease with a conditional UPDATE: of several
 * instances polling the table, one claims a delivery (on a Galera cluster too: the claim is a certified write); a
 * dispatcher that dies leaves it due again once the lease ends, so nothing is lost (it may, rarely, arrive twice:
 * receivers deduplicate by the webhook-id or the event id).
 */
public final class JdbiDeliveryQueue {
    /** A claimed delivery with what sending it needs: where, the secret, and the stored body. */
    public record Due(String id, String webhookId, String eventType, String url, String secret, String body,
                      int attempts, Instant createdAt) {
    }

    private record Claim(Due due, long seenNextAttempt) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiDeliveryQueue(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Up to {@code limit} due deliveries, oldest first, each claimed for {@code lease} by this caller alone. */
    public List<Due> claimDue(int limit, Duration lease) {
        long now = clock.millis();
        List<Claim> due = jdbi.withHandle(handle -> handle.createQuery("SELECT d.id, d.webhook_id, d.event_type, "
                        + "d.attempts, d.next_attempt_at, d.created_at, w.url, w.secret, e.body "
                        + "FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id "
                        + "JOIN webhook_event e ON e.id = d.event_id "
                        + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND w.active = TRUE "
                        + "ORDER BY d.next_attempt_at, d.created_at, d.id LIMIT :limit")
                .bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> new Claim(new Due(rs.getString("id"), rs.getString("webhook_id"),
                        rs.getString("event_type"), rs.getString("url"), rs.getString("secret"), rs.getString("body"),
                        rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("created_at"))),
                        rs.getLong("next_attempt_at")))
                .list());
        return due.stream().filter(claim -> claimed(claim, now + lease.toMillis())).map(Claim::due).toList();
    }

    /**
     * Claims by a write, committed before anything is sent: on a Galera cluster a locking read would lock on its own
     * node only, while this UPDATE is certified across the nodes. Of two dispatchers claiming one delivery at once
     * the loser matches no row, or (its claim refused by certification) gets a deadlock error: either way the
     * delivery is another's, and the rest of the batch is still claimed and sent.
     */
    private boolean claimed(Claim claim, long leaseEnd) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("UPDATE webhook_delivery SET next_attempt_at = "
                            + ":leaseEnd WHERE id = :id AND status = 'PENDING' AND next_attempt_at = :seen")
                    .bind("leaseEnd", leaseEnd).bind("id", claim.due().id()).bind("seen", claim.seenNextAttempt())
                    .execute()) == 1;
        } catch (RuntimeException e) {
            if (SqlErrors.isTransientConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The receiver answered 2xx: the delivery is done and never sent again. */
    public void delivered(String id, int status) {
        long now = clock.millis();
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE webhook_delivery SET status = 'DELIVERED', "
                        + "attempts = attempts + 1, last_status = :status, last_error = NULL, last_attempt_at = :now, "
                        + "delivered_at = :now WHERE id = :id AND status = 'PENDING'")
                .bind("status", status).bind("now", now).bind("id", id).execute());
    }

    /** The attempt failed ({@code status} null when no answer came): recorded, and tried again at {@code next}. */
    public void failed(String id, Integer status, String error, Instant next) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE webhook_delivery SET attempts = attempts + 1, "
                        + "last_status = :status, last_error = :error, last_attempt_at = :now, next_attempt_at = :next "
                        + "WHERE id = :id AND status = 'PENDING'")
                .bind("status", status).bind("error", shorten(error)).bind("now", clock.millis())
                .bind("next", next.toEpochMilli()).bind("id", id).execute());
    }

    /** The last attempt failed too: the delivery stays recorded as GIVEN_UP and is not tried again. */
    public void gaveUp(String id, Integer status, String error) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE webhook_delivery SET status = 'GIVEN_UP', "
                        + "attempts = attempts + 1, last_status = :status, last_error = :error, "
                        + "last_attempt_at = :now WHERE id = :id AND status = 'PENDING'")
                .bind("status", status).bind("error", shorten(error)).bind("now", clock.millis()).bind("id", id)
                .execute());
    }

    private static String shorten(String error) {
        return error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
