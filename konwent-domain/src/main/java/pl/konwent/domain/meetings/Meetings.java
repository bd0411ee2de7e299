package pl.konwent.domain.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Meetings, their invitations and attendance (outgoing port). */
public interface Meetings {
    /** Filters of the meeting list; null means no filter. {@code from}/{@code to} bound the start time. */
    record Filter(Meeting.State state, Instant from, Instant to) {
    }

    void add(Meeting meeting);

    Optional<Meeting> find(KonwentId konwent, String id);

    /** Meetings latest start first. */
    Page<Meeting> list(KonwentId konwent, Filter filter, PageRequest page);

    /** Every meeting of the konwent starting at or after {@code from}, earliest first (the calendar feed). */
    List<Meeting> startingFrom(KonwentId konwent, Instant from);

    /** Stores details, state and attendance summary if the version is still {@code expectedVersion}. */
    boolean replace(Meeting revised, long expectedVersion);

    /**
     * Locks the meeting's row until the transaction ends, so that registrations and changes of the meeting's
     * limits are checked and applied one at a time, on any number of server instances. Call it first.
     */
    void lock(String meetingId);

    /**
     * Adds a change of registrations to the meeting's sums, atomically, unless the persons coming in person would
     * then exceed the venue's capacity; false when they would.
     */
    boolean register(String meetingId, Meeting.Registered delta);

    /** The most persons any registered delegation to the meeting has; 0 when none is registered. */
    int largestDelegation(String meetingId);

    void addInvitations(List<Invitation> invitations);

    Page<Invitation> invitations(String meetingId, PageRequest page);

    /** Replaces who was present. */
    void replaceAttendance(String meetingId, List<Presence> present);

    /** Who was present, by member name. */
    List<Presence> attendance(String meetingId);
}
