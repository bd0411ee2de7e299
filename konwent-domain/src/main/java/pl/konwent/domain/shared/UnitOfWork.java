package pl.konwent.domain.shared;

import java.util.function.Supplier;

/** A use case runs as one unit of work: all its changes commit together or not at all. */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code steps} (reads, then {@link #inTransaction}) on one connection of the database, so one borrow from
     * the pool for a whole use case (issue 20). The reads outside the transaction see committed data, as ever.
     */
    default <T> T onOneConnection(Supplier<T> steps) {
        return steps.get();
    }
}
