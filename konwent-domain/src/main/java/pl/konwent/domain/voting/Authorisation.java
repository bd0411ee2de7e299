package pl.konwent.domain.voting;

import java.time.Instant;
import java.util.Objects;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.konwent.KonwentId;

/**
 * V4: a member's written authorisation (pełnomocnictwo) for another person to cast its ballot, at one meeting
 * ({@code meetingId}: every vote held there) or in one vote ({@code voteId}). The holder is an account: a person of
 * the member's own delegation ({@link Kind#SUBSTITUTE}; {@code holderMemberId} is then the member itself) or the
 * REPRESENTATIVE of another member ({@link Kind#PROXY}; {@code holderMemberId} is that member). The signed file is
 * an INTERNAL document of the archive ({@code documentId}, its file {@code fileId} once uploaded). It goes SUBMITTED
 * → ACCEPTED or REJECTED (by the council or the secretariat, with a reason); an accepted one may be REVOKED until a
 * ballot has been cast under it.
 */
public record Authorisation(String id, KonwentId konwent, String memberId, Kind kind, AccountId holder,
                            String holderMemberId, String meetingId, String voteId, String signedBy,
                            String documentId, String fileId, State state, String reason, Instant submittedAt,
                            Instant decidedAt, Instant revokedAt, long version) {

    public enum Kind { SUBSTITUTE, PROXY }

    public enum State { SUBMITTED, ACCEPTED, REJECTED, REVOKED }

    public Authorisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(konwent, "konwent");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(holderMemberId, "holderMemberId");
        Objects.requireNonNull(state, "state");
        if ((meetingId == null) == (voteId == null)) {
            throw new IllegalArgumentException("an authorisation is for one meeting or for one vote");
        }
        if ((kind == Kind.SUBSTITUTE) != holderMemberId.equals(memberId)) {
            throw new IllegalArgumentException("a substitute acts within its own member, a proxy for another one");
        }
    }

    /** V4: whether this authorisation covers the vote: that very vote, or any vote held at its meeting. */
    public boolean covers(Vote vote) {
        return vote.id().equals(voteId) || (meetingId != null && meetingId.equals(vote.question().meetingId()));
    }

    public Authorisation withFile(String newFileId) {
        return new Authorisation(id, konwent, memberId, kind, holder, holderMemberId, meetingId, voteId, signedBy,
                documentId, newFileId, state, reason, submittedAt, decidedAt, revokedAt, version + 1);
    }

    public Authorisation decided(boolean accepted, String why, Instant at) {
        return new Authorisation(id, konwent, memberId, kind, holder, holderMemberId, meetingId, voteId, signedBy,
                documentId, fileId, accepted ? State.ACCEPTED : State.REJECTED, why, submittedAt, at, revokedAt,
                version + 1);
    }

    public Authorisation revoked(String why, Instant at) {
        return new Authorisation(id, konwent, memberId, kind, holder, holderMemberId, meetingId, voteId, signedBy,
                documentId, fileId, State.REVOKED, why == null ? reason : why, submittedAt, decidedAt, at,
                version + 1);
    }
}
