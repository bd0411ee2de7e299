package pl.konwent.domain.meetings;

import java.time.Instant;

/** O2: the record that a member was invited to a meeting, and to how many addresses the invitation went. */
public record Invitation(String meetingId, String memberId, String memberName, Instant invitedAt, int recipients) {
}
