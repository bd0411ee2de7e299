package pl.konwent.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.mail.JdbiOutbox;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.shared.Mail;

/** The dispatcher empties the real outbox, retries what failed after its wait and loses nothing, on every engine. */
abstract class MailDispatcherContract {
    private static final Instant T0 = Instant.parse("2027-03-10T09:30:00.123Z");
    private static final String BROKEN = "zepsuty@example.pl";

    private TestClock clock;
    private JdbiOutbox outbox;
    private FlakySender sender;
    private MailDispatcher dispatcher;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        clock = new TestClock(T0);
        outbox = new JdbiOutbox(TestDatabases.fresh(engine()).jdbi(), new SecureIdSource(), clock);
        sender = new FlakySender();
        dispatcher = new MailDispatcher(outbox, sender, clock);
    }

    @Test
    void aMessageThatFailedIsRetriedAfterTheFirstWaitWhileTheOthersGoAtOnce() {
        sender.failuresLeft = 1;
        outbox.enqueue(List.of(mail("anna@example.pl"), mail(BROKEN), mail("jan@example.pl")));

        assertThat(dispatcher.dispatchDue()).isEqualTo(2);
        assertThat(sender.accepted).containsExactlyInAnyOrder("anna@example.pl", "jan@example.pl");
        assertThat(outbox.pendingCount()).isEqualTo(1);

        clock.advance(MailDispatcher.waitAfter(1).minusMillis(1));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(sender.tried).containsOnlyOnce(BROKEN);
        clock.advance(Duration.ofMillis(1));
        assertThat(MailDispatcher.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(sender.accepted).containsExactlyInAnyOrder("anna@example.pl", "jan@example.pl", BROKEN);
        assertThat(outbox.pendingCount()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(sender.tried).hasSize(4);
    }

    @Test
    void aMessageThatKeepsFailingWaitsTwiceAsLongEachTimeAndStaysInTheOutbox() {
        sender.failuresLeft = Integer.MAX_VALUE;
        outbox.enqueue(List.of(mail(BROKEN)));

        assertThat(dispatcher.dispatchDue()).isZero();
        clock.set(T0.plus(Duration.ofMinutes(1)));
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.set(T0.plus(Duration.ofMinutes(3)).minusMillis(1));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(sender.tried).hasSize(2);
        clock.set(T0.plus(Duration.ofMinutes(3)));
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(sender.tried).hasSize(3);
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(MailDispatcher.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailDispatcher.waitAfter(100)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void oneRunSendsEverythingDueEvenBeyondOneBatch() {
        int count = MailDispatcher.BATCH + 1;
        outbox.enqueue(IntStream.range(0, count).mapToObj(i -> mail("osoba" + i + "@example.pl")).toList());

        assertThat(dispatcher.dispatchDue()).isEqualTo(count);

        assertThat(sender.accepted).hasSize(count);
        assertThat(Set.copyOf(sender.accepted)).hasSize(count);
        assertThat(outbox.pendingCount()).isZero();
    }

    private static Mail mail(String to) {
        return new Mail(to, "Zaproszenie – Łódź", "Treść zaproszenia");
    }

    /** Accepts every message except those to {@link #BROKEN}, which it refuses {@code failuresLeft} times. */
    private static final class FlakySender implements MailSender {
        final List<String> tried = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        int failuresLeft;

        @Override
        public void send(Mail mail) {
            tried.add(mail.to());
            if (mail.to().equals(BROKEN) && failuresLeft > 0) {
                failuresLeft--;
                throw new Failure("421 Service not available", null);
            }
            accepted.add(mail.to());
        }
    }
}
