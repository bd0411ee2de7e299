package pl.konwent.domain.voting;

import java.time.Instant;
import java.util.Objects;
import pl.konwent.domain.konwent.KonwentId;

/**
 * A vote on a resolution (V2, V3). It goes DRAFT → OPEN → CLOSED: a draft can be edited or deleted; an open
 * vote takes ballots and can no longer change its question; a closed one has its result. {@code majority} and
 * {@code quorum} are null when the vote takes the charter's defaults. {@code electorate} is the number of
 * members who could vote when it opened. {@code present} is, for a vote held at a meeting, how many members the
 * meeting's attendance showed present when the vote closed (the quorum is measured on them, V2); null otherwise.
 */
public record Vote(String id, KonwentId konwent, Question question, State state, Instant createdAt,
                   Instant openedAt, Instant closedAt, int electorate, Integer present, long version) {

    public enum State { DRAFT, OPEN, CLOSED }

    /** What is asked and how it is decided. */
    public record Question(String title, ResolutionKind kind, String text, boolean secret, Majority majority,
                           Quorum quorum, String meetingId) {
        public Question {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    public Vote revised(Question changed, Instant at) {
        return new Vote(id, konwent, changed, state, createdAt, openedAt, closedAt, electorate, present, version + 1);
    }

    public Vote opened(Instant at, int electors) {
        return new Vote(id, konwent, question, State.OPEN, createdAt, at, closedAt, electors, present, version + 1);
    }

    /** Closes the vote; {@code presentAtMeeting} is the meeting's attendance then, null for a vote outside one. */
    public Vote closed(Instant at, Integer presentAtMeeting) {
        return new Vote(id, konwent, question, State.CLOSED, createdAt, openedAt, at, electorate, presentAtMeeting,
                version + 1);
    }

    public boolean atMeeting() {
        return question.meetingId() != null;
    }
}
