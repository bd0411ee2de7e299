package pl.konwent.domain.shared;

import java.util.function.Supplier;

/** A use case runs as one unit of work: all its changes commit together or not at all. */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);
}
