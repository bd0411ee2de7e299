package pl.konwent.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import pl.konwent.domain.konwent.KonwentId;

/**
 * Which reminders were sent (outgoing port). A reminder is claimed by storing a row under a database key of
 * (konwent, obligation, due day), inside the transaction that enqueues its e-mail and webhook event: of any number
 * of instances on one database, before or after restarts, exactly one claims it; an obligation whose day moves
 * (a changed deadline) is due a reminder of its new day.
 */
public interface Reminders {
    /** True when this call stored the claim; false when the reminder was claimed already. */
    boolean claim(KonwentId konwent, String obligationId, LocalDate dueOn, Instant at);
}
