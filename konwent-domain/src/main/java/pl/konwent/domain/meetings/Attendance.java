package pl.konwent.domain.meetings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import pl.konwent.domain.voting.Quorum;

/**
 * Who came to a meeting, and whether that makes the charter's quorum (V2: "half of current members present"):
 * measured against the number of current members when the attendance was recorded.
 */
public record Attendance(Meeting meeting, List<Presence> present, Quorum quorum) {
    public Attendance {
        present = List.copyOf(present);
    }

    /** How many members the konwent had when attendance was recorded; 0 before it is. */
    public int members() {
        return meeting.attendance() == null ? 0 : meeting.attendance().members();
    }

    /** The least number of members present that makes the quorum. */
    public long required() {
        return quorum.fraction().multiply(BigDecimal.valueOf(members())).setScale(0, RoundingMode.CEILING).longValue();
    }

    public boolean quorumReached() {
        return members() > 0 && present.size() >= required();
    }
}
