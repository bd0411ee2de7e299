package pl.konwent.adapters.jdbi;

import java.sql.SQLException;
import pl.konwent.domain.shared.DomainException;

/** Recognises database errors the same way on MySQL/MariaDB and H2. */
public final class SqlErrors {
    private static final int MYSQL_DUPLICATE_KEY = 1062;
    private static final int H2_DUPLICATE_KEY = 23505;
    private static final int MYSQL_DEADLOCK = 1213;

    private SqlErrors() {
    }

    /** True when a unique or primary key refused the row: the database's "exactly once". */
    public static boolean isUniqueViolation(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == MYSQL_DUPLICATE_KEY || code == H2_DUPLICATE_KEY || "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for a deadlock or serialization failure: the transaction was rolled back and may simply be retried. */
    public static boolean isTransientConflict(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (sql.getErrorCode() == MYSQL_DEADLOCK || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Runs an insert; a unique-key refusal becomes the domain's {@code Conflict} with this message. */
    public static void uniqueAsConflict(Runnable insert, String conflictMessage) {
        try {
            insert.run();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw new DomainException.Conflict(conflictMessage);
            }
            throw e;
        }
    }
}
