package pl.konwent.domain.council;

import java.time.Instant;
import java.util.Objects;
import pl.konwent.domain.membership.MemberKind;

/**
 * A member standing in a council election through the person who would hold its seat. Nominated by itself
 * (then ACCEPTED at once) or by another member (then NOMINATED until the candidate's member accepts); WITHDRAWN
 * when declined or withdrawn before the election opens. Only ACCEPTED candidates are on the ballot.
 */
public record Candidate(String id, String electionId, String memberId, String memberName, MemberKind kind,
                        String personName, String nominatedBy, State state, Instant nominatedAt) {

    public enum State { NOMINATED, ACCEPTED, WITHDRAWN }

    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(electionId, "electionId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(personName, "personName");
        Objects.requireNonNull(nominatedBy, "nominatedBy");
        Objects.requireNonNull(state, "state");
    }

    public boolean onBallot() {
        return state == State.ACCEPTED;
    }

    public Seat seat() {
        return new Seat(memberId, memberName, kind, personName);
    }

    public Candidate in(State changed) {
        return new Candidate(id, electionId, memberId, memberName, kind, personName, nominatedBy, changed, nominatedAt);
    }
}
