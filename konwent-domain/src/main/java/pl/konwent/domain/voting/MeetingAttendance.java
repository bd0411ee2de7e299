package pl.konwent.domain.voting;

import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;

/**
 * What a vote needs to know of the meeting it is held at (outgoing port): whether the meeting exists in the
 * konwent, whether it takes place (invited or held, not planned or cancelled) and how many members are present.
 */
public interface MeetingAttendance {
    record Sitting(String meetingId, boolean takesPlace, int present) {
    }

    Optional<Sitting> sitting(KonwentId konwent, String meetingId);

    /** Whether the meeting's attendance records the member present (V4: where a holder's ballot counts). */
    boolean present(String meetingId, String memberId);
}
