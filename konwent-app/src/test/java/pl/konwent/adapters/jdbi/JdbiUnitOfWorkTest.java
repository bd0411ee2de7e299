package pl.konwent.adapters.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.TestDatabases;

/**
 * A transaction the database rolled back as a deadlock victim (MySQL error 1213) or for a serialization failure
 * (SQLSTATE 40001) is run again, at most {@link JdbiUnitOfWork#ATTEMPTS} times in all; any other failure at once
 * propagates, and nothing of a failed attempt is kept.
 */
class JdbiUnitOfWorkTest {
    private final Jdbi jdbi = TestDatabases.empty(TestDatabases.Engine.H2).jdbi();
    private final JdbiUnitOfWork unitOfWork = new JdbiUnitOfWork(jdbi);

    JdbiUnitOfWorkTest() {
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE attempt (id VARCHAR(20) PRIMARY KEY)"));
    }

    private static RuntimeException deadlock() {
        return new UnableToExecuteStatementException(
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213), null);
    }

    private static RuntimeException serializationFailure() {
        return new UnableToExecuteStatementException(new SQLException("could not serialize access", "40001", 0), null);
    }

    @Test
    void aDeadlockVictimIsRunAgainAndItsFirstAttemptLeavesNothing() {
        AtomicInteger attempts = new AtomicInteger();

        String result = unitOfWork.inTransaction(() -> {
            int attempt = attempts.incrementAndGet();
            jdbi.useHandle(handle -> handle.execute("INSERT INTO attempt (id) VALUES (?)", "proba" + attempt));
            if (attempt < JdbiUnitOfWork.ATTEMPTS) {
                throw attempt == 1 ? deadlock() : serializationFailure();
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts.get()).isEqualTo(JdbiUnitOfWork.ATTEMPTS);
        List<String> kept = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM attempt")
                .mapTo(String.class).list());
        assertThat(kept).containsExactly("proba" + JdbiUnitOfWork.ATTEMPTS);
    }

    @Test
    void retriesAreBoundedAndTheLastDeadlockPropagates() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            attempts.incrementAndGet();
            throw deadlock();
        })).satisfies(thrown -> assertThat(SqlErrors.isTransientConflict(thrown)).isTrue());
        assertThat(attempts.get()).isEqualTo(JdbiUnitOfWork.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            attempts.incrementAndGet();
            throw new UnableToExecuteStatementException(new SQLException("Duplicate entry", "23000", 1062), null);
        })).isInstanceOf(UnableToExecuteStatementException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }
}
