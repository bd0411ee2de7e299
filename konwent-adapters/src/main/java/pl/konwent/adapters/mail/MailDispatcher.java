package pl.konwent.adapters.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.konwent.adapters.jdbi.mail.JdbiOutbox;

/**
 * Empties the outbox through a {@link MailSender}: each due message is claimed, sent and marked sent; a failure is
 * recorded and retried later, waiting twice as long after each failure (from {@link #FIRST_RETRY} up to
 * {@link #LONGEST_WAIT}). Nothing is ever dropped. Run it periodically; one run sends what is due now.
 */
public final class MailDispatcher {
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(6);
    /** How long a claimed message is reserved for this sender before another may take it. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

    private final JdbiOutbox outbox;
    private final MailSender sender;
    private final Clock clock;

    public MailDispatcher(JdbiOutbox outbox, MailSender sender, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends the messages due now; answers how many the mail server accepted. */
    public int dispatchDue() {
        int accepted = 0;
        List<JdbiOutbox.Pending> due;
        do {
            due = outbox.claimDue(BATCH, LEASE);
            for (JdbiOutbox.Pending pending : due) {
                if (deliver(pending)) {
                    accepted++;
                }
            }
        } while (due.size() == BATCH);
        return accepted;
    }

    /**
     * Sends one message and records the outcome. Only a failure to send counts as one: if recording the success
     * fails, the error goes up (the run stops) and the message is sent again once its lease ends.
     */
    private boolean deliver(JdbiOutbox.Pending pending) {
        try {
            sender.send(pending.mail());
        } catch (RuntimeException e) {
            Instant next = clock.instant().plus(waitAfter(pending.attempts() + 1));
            LOG.warn("Mail {} to {} not sent (attempt {}), next try at {}: {}", pending.id(), pending.mail().to(),
                    pending.attempts() + 1, next, e.getMessage());
            outbox.failed(pending.id(), e.getMessage(), next);
            return false;
        }
        outbox.sent(pending.id());
        return true;
    }

    /** The wait after the given number of failed attempts: 1, 2, 4 … minutes, at most six hours. */
    static Duration waitAfter(int failures) {
        int doublings = Math.min(failures - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
