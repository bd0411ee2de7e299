package pl.konwent.adapters.jdbi;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * A use case's transaction. Repositories attached on demand on the same thread share its handle (Jdbi's
 * per-thread handle scope), so everything a use case does commits or rolls back together.
 */
public final class JdbiUnitOfWork implements UnitOfWork {
    private final Jdbi jdbi;

    public JdbiUnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
