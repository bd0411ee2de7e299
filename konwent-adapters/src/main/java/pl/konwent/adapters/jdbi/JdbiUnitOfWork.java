package pl.konwent.adapters.jdbi;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * A use case's transaction. Repositories attached on demand on the same thread share its handle (Jdbi's
 * per-thread handle scope), so everything a use case does commits or rolls back together. A transaction the
 * database chose as a deadlock victim has changed nothing and is run again, a bounded number of times.
 */
public final class JdbiUnitOfWork implements UnitOfWork {
    private final Jdbi jdbi;

    public JdbiUnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs a use case's reads and its transaction on one handle, so one pool borrow, without a transaction around the
     * reads (no {@code SET autocommit} round trips): repositories attached on demand on this thread share it, and
     * {@link #inTransaction} inside joins it. For the caller's identity and roles, and for a ballot (issue 20).
     */
    @Override
    public <T> T onOneConnection(Supplier<T> steps) {
        return jdbi.withHandle(handle -> steps.get());
    }

    /** Deadlocks and serialization failures (MySQL 1213, SQLSTATE 40001) are retried this many times in all. */
    static final int ATTEMPTS = 3;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> work.get());
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !SqlErrors.isTransientConflict(e)) {
                    throw e;
                }
            }
        }
    }
}
