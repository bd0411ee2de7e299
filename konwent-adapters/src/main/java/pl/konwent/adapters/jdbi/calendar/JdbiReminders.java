package pl.konwent.adapters.jdbi.calendar;

import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.calendar.Reminders;
import pl.konwent.domain.konwent.KonwentId;

/**
 * Sent reminders in {@code calendar_reminder}, whose primary key (konwent, obligation, due day) lets one INSERT
 * succeed: the claim of the one instance that sends the reminder. A second instance inserting the same row at
 * the same moment waits for the first one's transaction and is then refused (or succeeds, if the first rolled
 * back and so sent nothing).
 */
public final class JdbiReminders implements Reminders {
    private final Jdbi jdbi;

    public JdbiReminders(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean claim(KonwentId konwent, String obligationId, LocalDate dueOn, Instant at) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO calendar_reminder (konwent_id, obligation_id, "
                            + "due_on, sent_at) VALUES (:konwent, :obligation, :dueOn, :at)")
                    .bind("konwent", konwent.value()).bind("obligation", obligationId).bind("dueOn", dueOn)
                    .bind("at", at.toEpochMilli()).execute());
            return true;
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
