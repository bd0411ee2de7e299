package pl.konwent.domain.calendar;

import java.util.List;
import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;

/** The tasks the council or the department added to a konwent's calendar (outgoing port). */
public interface CalendarTasks {
    void add(CalendarTask task);

    Optional<CalendarTask> find(KonwentId konwent, String id);

    /** Every task of the konwent, earliest due first. */
    List<CalendarTask> all(KonwentId konwent);

    /** Stores the change if the task is still at {@code expectedVersion}; false otherwise. */
    boolean replace(CalendarTask revised, long expectedVersion);

    /** Deletes the task; false when it was gone already. */
    boolean delete(KonwentId konwent, String id);
}
