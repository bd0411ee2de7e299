package pl.konwent.domain.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import pl.konwent.domain.konwent.KonwentId;

/**
 * A meeting of a konwent (O2–O4), organised by its secretariat. It goes PLANNED → INVITED → HELD, or from PLANNED
 * or INVITED to CANCELLED. {@code registered} sums up the delegations registered so far; {@code attendance} is
 * null until the secretariat records who came.
 */
public record Meeting(String id, KonwentId konwent, Details details, State state, Instant invitedAt,
                      Instant heldAt, Instant cancelledAt, String cancellationReason, Registered registered,
                      AttendanceRecord attendance, Instant createdAt, long version) {

    public enum State { PLANNED, INVITED, HELD, CANCELLED }

    /** What the organiser decides about a meeting; {@code registrationDeadline} null means until it starts. */
    public record Details(String title, Instant startsAt, Instant endsAt, Venue venue, String onlineUrl,
                          String scope, List<AgendaItem> agenda, int delegationLimit, Integer capacity,
                          Instant registrationDeadline) {
        public Details {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
            Objects.requireNonNull(venue, "venue");
            agenda = List.copyOf(agenda);
        }

        /** Registration closes at the deadline, or when the meeting starts if it has none. */
        public Instant registrationClosesAt() {
            return registrationDeadline != null ? registrationDeadline : startsAt;
        }
    }

    /** O2: where it takes place; {@code address} is free text (street, town). */
    public record Venue(String name, String address) {
    }

    public record AgendaItem(String title, String description) {
    }

    /**
     * When attendance was last recorded and how many members the konwent had then (the base the meeting's quorum
     * is measured against), and how many of them were present.
     */
    public record AttendanceRecord(Instant recordedAt, int members, int present) {
    }

    /**
     * The registered delegations: how many members, how many persons in all, and how many of them come to the
     * venue in person (the ones its capacity limits; the others follow online).
     */
    public record Registered(int members, int persons, int inPerson) {
        public static final Registered NONE = new Registered(0, 0, 0);
    }

    public boolean isHybrid() {
        return details.onlineUrl() != null;
    }

    public Meeting revised(Details changed) {
        return new Meeting(id, konwent, changed, state, invitedAt, heldAt, cancelledAt, cancellationReason,
                registered, attendance, createdAt, version + 1);
    }

    public Meeting invited(Instant at) {
        return new Meeting(id, konwent, details, State.INVITED, at, heldAt, cancelledAt, cancellationReason,
                registered, attendance, createdAt, version + 1);
    }

    public Meeting held(Instant at) {
        return new Meeting(id, konwent, details, State.HELD, invitedAt, at, cancelledAt, cancellationReason,
                registered, attendance, createdAt, version + 1);
    }

    public Meeting cancelled(Instant at, String reason) {
        return new Meeting(id, konwent, details, State.CANCELLED, invitedAt, heldAt, at, reason,
                registered, attendance, createdAt, version + 1);
    }

    public Meeting withAttendance(AttendanceRecord recorded) {
        return new Meeting(id, konwent, details, state, invitedAt, heldAt, cancelledAt, cancellationReason,
                registered, recorded, createdAt, version + 1);
    }
}
