package pl.konwent.domain.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One dated obligation of a konwent's calendar (issue 23): a deadline or a duty with the day it is due (Polish
 * calendar). Every kind but {@link Kind#TASK} is computed from the data it follows (the konwent's declaration
 * deadline, competitions, council terms, work plans, meetings and communiqués), so it moves when they change; a
 * TASK is one the council or the department added itself. {@code id} is stable for as long as what it follows
 * exists ({@code TERM_END:2027}, {@code COMMUNIQUE:<meetingId>}, {@code TASK:<taskId>}); {@code subjectId} names
 * that thing. Internal ones (only tasks can be) are for the konwent's roles; the rest are public.
 */
public record Obligation(String id, Kind kind, String title, String description, LocalDate dueOn, Status status,
                         boolean isPublic, String subjectId) {

    public enum Kind {
        /** M3: the declaration window closes (the konwent's declaration deadline). */
        DECLARATIONS_CLOSE,
        /** O1: applications to the organiser competition close. */
        COMPETITION_DEADLINE,
        /** O1: the department awards the competition. */
        COMPETITION_AWARD,
        /** C5: the council term's period ends. */
        TERM_END,
        /** C2: the council of the year after a term ends is to be elected. */
        ELECTION,
        /** C3: the council elects the chair of the konwent's meetings and a deputy. */
        OFFICERS,
        /** O5: the work plan and schedule of the next year is due, adopted. */
        WORK_PLAN,
        /** O2: the communiqué of a meeting is due, sent to the department. */
        COMMUNIQUE,
        /** A dated task the council or the department added (a statutory report, say). */
        TASK
    }

    /** OPEN until due; DONE when fulfilled (a plain deadline: once its day has passed); OVERDUE when missed. */
    public enum Status { OPEN, DONE, OVERDUE }

    public Obligation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subjectId, "subjectId");
    }

    /** A duty: DONE once fulfilled, else OPEN through its due day and OVERDUE after it. */
    static Status duty(boolean fulfilled, LocalDate dueOn, LocalDate today) {
        if (fulfilled) {
            return Status.DONE;
        }
        return today.isAfter(dueOn) ? Status.OVERDUE : Status.OPEN;
    }

    /** A plain deadline (a window closing, a term ending): OPEN through its day, DONE after it. */
    static Status deadline(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn) ? Status.DONE : Status.OPEN;
    }

    /**
     * Whether its reminder is due on {@code today}: still OPEN, and due within {@code daysBefore} days (the due day
     * itself included, so a reminder missed while no instance ran still goes out before the day has passed).
     */
    public boolean remindOn(LocalDate today, int daysBefore) {
        long daysLeft = ChronoUnit.DAYS.between(today, dueOn);
        return status == Status.OPEN && daysLeft >= 0 && daysLeft <= daysBefore;
    }

    /** The key that orders the calendar (due day, then id) and continues a page after this one. */
    String pageKey() {
        return dueOn + "|" + id;
    }
}
