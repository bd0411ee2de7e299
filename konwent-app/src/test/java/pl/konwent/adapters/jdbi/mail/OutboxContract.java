package pl.konwent.adapters.jdbi.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.shared.Mail;

/** The e-mail outbox: transactional enqueue, claims with a lease, failures and retries, on every engine. */
abstract class OutboxContract {
    private static final Instant T0 = Instant.parse("2027-03-10T09:30:00.123Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Mail FIRST = new Mail("anna@example.pl", "Zaproszenie na posiedzenie – Łódź",
            "Zapraszamy: zażółć gęślą jaźń.\nZAŻÓŁĆ GĘŚLĄ JAŹŃ");
    private static final Mail SECOND = new Mail("jan@example.pl", "Komunikat", "Treść");
    private static final Mail THIRD = new Mail("ewa@example.pl", "Przypomnienie", "Treść");

    private Jdbi jdbi;
    private TestClock clock;
    private JdbiOutbox outbox;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(engine()).jdbi();
        clock = new TestClock(T0);
        outbox = new JdbiOutbox(jdbi, new SecureIdSource(), clock);
    }

    @Test
    void mailEnqueuedInATransactionThatRollsBackIsNeverStored() {
        JdbiUnitOfWork unitOfWork = new JdbiUnitOfWork(jdbi);

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            outbox.enqueue(List.of(FIRST, SECOND));
            throw new IllegalStateException("the use case failed after enqueuing");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the use case failed after enqueuing");

        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        unitOfWork.inTransaction(() -> {
            outbox.enqueue(List.of(THIRD));
            return null;
        });
        assertThat(outbox.claimDue(10, LEASE)).extracting(JdbiOutbox.Pending::mail).containsExactly(THIRD);
    }

    @Test
    void dueMailIsClaimedOldestFirstUpToTheLimitAndNotAgainUntilTheLeaseEnds() {
        outbox.enqueue(List.of());
        outbox.enqueue(List.of(FIRST));
        clock.advance(Duration.ofMillis(1));
        outbox.enqueue(List.of(SECOND));
        clock.advance(Duration.ofMillis(1));
        outbox.enqueue(List.of(THIRD));
        assertThat(outbox.pendingCount()).isEqualTo(3);

        List<JdbiOutbox.Pending> claimed = outbox.claimDue(2, LEASE);
        assertThat(claimed).extracting(JdbiOutbox.Pending::mail).containsExactly(FIRST, SECOND);
        assertThat(claimed).extracting(JdbiOutbox.Pending::attempts).containsExactly(0, 0);
        assertThat(outbox.claimDue(10, LEASE)).extracting(JdbiOutbox.Pending::mail).containsExactly(THIRD);
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        assertThat(new JdbiOutbox(jdbi, new SecureIdSource(), clock).claimDue(10, LEASE)).as("another instance")
                .isEmpty();

        clock.advance(LEASE.minusMillis(1));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(outbox.claimDue(10, LEASE)).as("all leases ended together").extracting(JdbiOutbox.Pending::mail)
                .containsExactly(FIRST, SECOND, THIRD);
        assertThat(outbox.pendingCount()).isEqualTo(3);
    }

    @Test
    void aFailureIsRecordedAndTheMailWaitsForItsNextAttempt() {
        outbox.enqueue(List.of(FIRST));
        JdbiOutbox.Pending pending = outbox.claimDue(10, LEASE).get(0);

        outbox.failed(pending.id(), "535 Authentication failed", T0.plusSeconds(60));

        assertThat(row(pending.id())).containsEntry("attempts", 1).containsEntry("last_error",
                "535 Authentication failed").containsEntry("next_attempt_at", T0.plusSeconds(60).toEpochMilli());
        clock.set(T0.plusSeconds(60).minusMillis(1));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        clock.set(T0.plusSeconds(60));
        JdbiOutbox.Pending retried = outbox.claimDue(10, LEASE).get(0);
        assertThat(retried).isEqualTo(new JdbiOutbox.Pending(pending.id(), FIRST, 1));

        outbox.failed(pending.id(), "x".repeat(1500), T0.plusSeconds(180));
        assertThat(row(pending.id())).containsEntry("attempts", 2).containsEntry("last_error", "x".repeat(1000));
        outbox.failed(pending.id(), null, T0.plusSeconds(300));
        assertThat(row(pending.id())).containsEntry("attempts", 3).containsEntry("last_error", "unknown error");
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void sentMailIsNeverClaimedAgainNorRevivedByALateFailure() {
        outbox.enqueue(List.of(FIRST, SECOND));
        List<JdbiOutbox.Pending> claimed = outbox.claimDue(10, LEASE);
        String sent = claimed.stream().filter(p -> p.mail().equals(FIRST)).findFirst().orElseThrow().id();

        clock.advance(Duration.ofSeconds(2));
        outbox.sent(sent);
        outbox.failed(sent, "late failure of another sender", T0);

        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(row(sent)).containsEntry("attempts", 1).containsEntry("sent_at", T0.plusSeconds(2).toEpochMilli())
                .containsEntry("last_error", null);
        clock.advance(Duration.ofDays(30));
        assertThat(outbox.claimDue(10, LEASE)).extracting(JdbiOutbox.Pending::mail).containsExactly(SECOND);
    }

    private Map<String, Object> row(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT attempts, last_error, next_attempt_at, sent_at "
                        + "FROM outbox_mail WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put("attempts", rs.getInt("attempts"));
                    values.put("last_error", rs.getString("last_error"));
                    values.put("next_attempt_at", rs.getLong("next_attempt_at"));
                    long sentAt = rs.getLong("sent_at");
                    values.put("sent_at", rs.wasNull() ? null : sentAt);
                    return values;
                })
                .one());
    }
}
