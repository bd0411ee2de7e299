package pl.konwent.adapters.jdbi.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Mail;
import pl.konwent.domain.shared.Outbox;

/**
 * The e-mail outbox in table {@code outbox_mail}. {@link #enqueue} runs inside the use case's transaction (the
 * thread's handle), so a message exists exactly when what it reports was stored. Senders take due messages with
 * {@link #claimDue}, which moves each one's next attempt forward by a lease with a conditional UPDATE: of several
 * instances polling the same table, one claims a message (on a Galera cluster too: the claim is a certified write);
 * a sender that dies leaves it due again once the lease ends, so nothing is lost (it may, rarely, be sent twice).
 */
public final class JdbiOutbox implements Outbox {
    /** A stored message not yet accepted by the mail server. */
    public record Pending(String id, Mail mail, int attempts) {
    }

    private final Jdbi jdbi;
    private final IdSource ids;
    private final Clock clock;

    public JdbiOutbox(Jdbi jdbi, IdSource ids, Clock clock) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void enqueue(List<Mail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        long now = clock.millis();
        jdbi.useHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO outbox_mail (id, created_at, recipient, subject, "
                    + "body, attempts, next_attempt_at) VALUES (:id, :now, :to, :subject, :body, 0, :now)");
            for (Mail mail : mails) {
                batch.bind("id", ids.newId().toString()).bind("now", now).bind("to", mail.to())
                        .bind("subject", mail.subject()).bind("body", mail.body()).add();
            }
            batch.execute();
        });
    }

    @Override
    public void forgetRecipient(String address) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM outbox_mail WHERE LOWER(recipient) = LOWER(:to)")
                .bind("to", address).execute());
    }

    /** Up to {@code limit} due messages, oldest first, each claimed for {@code lease} by this caller alone. */
    public List<Pending> claimDue(int limit, Duration lease) {
        long now = clock.millis();
        List<Claim> due = jdbi.withHandle(handle -> handle.createQuery("SELECT id, recipient, subject, body, "
                        + "attempts, next_attempt_at FROM outbox_mail WHERE sent_at IS NULL AND next_attempt_at <= :now "
                        + "ORDER BY next_attempt_at, created_at, id LIMIT :limit")
                .bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> new Claim(new Pending(rs.getString("id"), new Mail(rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body")), rs.getInt("attempts")),
                        rs.getLong("next_attempt_at")))
                .list());
        return due.stream().filter(claim -> claimed(claim, now + lease.toMillis())).map(Claim::pending).toList();
    }

    private record Claim(Pending pending, long seenNextAttempt) {
    }

    /**
     * Claims by a write, committed before anything is sent: on a Galera cluster a locking read would lock on its own
     * node only, while this UPDATE is certified across the nodes. Of two senders claiming one message at once the
     * loser matches no row, or (its claim refused by certification) gets a deadlock error: either way the message
     * is another's, and the rest of the batch is still claimed and sent.
     */
    private boolean claimed(Claim claim, long leaseEnd) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("UPDATE outbox_mail SET next_attempt_at = :leaseEnd "
                            + "WHERE id = :id AND sent_at IS NULL AND next_attempt_at = :seen")
                    .bind("leaseEnd", leaseEnd).bind("id", claim.pending().id()).bind("seen", claim.seenNextAttempt())
                    .execute()) == 1;
        } catch (RuntimeException e) {
            if (SqlErrors.isTransientConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The mail server accepted the message: it is never sent again. */
    public void sent(String id) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE outbox_mail SET sent_at = :now, "
                        + "attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .bind("now", clock.millis()).bind("id", id).execute());
    }

    /** Sending failed: recorded, and tried again at {@code nextAttempt}. */
    public void failed(String id, String error, Instant nextAttempt) {
        String shortError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE outbox_mail SET attempts = attempts + 1, "
                        + "last_error = :error, next_attempt_at = :next WHERE id = :id AND sent_at IS NULL")
                .bind("error", shortError).bind("next", nextAttempt.toEpochMilli()).bind("id", id).execute());
    }

    /** Messages not yet accepted by the mail server (a health and metrics figure). */
    public long pendingCount() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM outbox_mail WHERE sent_at IS NULL")
                .mapTo(Long.class).one());
    }
}
