package pl.konwent.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import pl.konwent.domain.konwent.KonwentId;

/**
 * A dated task the council or the department adds to the konwent's calendar itself (such as the report on the
 * Act due 30 June, seed 002). PUBLIC ones are shown to anyone and in the iCalendar feed; INTERNAL ones only to the
 * konwent's roles. {@code completedAt} is null until someone marks it done.
 */
public record CalendarTask(String id, KonwentId konwent, String title, String description, LocalDate dueOn,
                           Visibility visibility, String createdBy, Instant createdAt, Instant completedAt,
                           long version) {

    public enum Visibility { PUBLIC, INTERNAL }

    public CalendarTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(konwent, "konwent");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean completed() {
        return completedAt != null;
    }

    public CalendarTask completedOn(Instant at) {
        return new CalendarTask(id, konwent, title, description, dueOn, visibility, createdBy, createdAt, at,
                version + 1);
    }

    /** The task as an entry of the calendar. */
    public Obligation asObligation(LocalDate today) {
        return new Obligation("TASK:" + id, Obligation.Kind.TASK, title, description, dueOn,
                Obligation.duty(completed(), dueOn, today), visibility == Visibility.PUBLIC, id);
    }
}
