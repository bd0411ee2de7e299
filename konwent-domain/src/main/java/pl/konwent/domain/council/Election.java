package pl.konwent.domain.council;

import java.time.Instant;
import java.util.Objects;
import pl.konwent.domain.konwent.KonwentId;

/**
 * An election of the programme council for a calendar year (C2). It goes NOMINATING → OPEN → CLOSED: members
 * are nominated and accept while NOMINATING; each current member casts one secret approval ballot while OPEN;
 * closing counts them. A tie at the last seat is resolved by a run-off among the tied candidates: a further
 * {@code round} of the same year whose {@code runOffOf} is the tied election. {@code electorate} is the number of
 * members who could vote when it opened. {@code tieBreak} is the election's own tie rule (C6), declared before it
 * opens; null takes the charter's {@code electionTieBreak}. A tie settled by SENIORITY or LOT closes it ELECTED.
 */
public record Election(String id, KonwentId konwent, int year, int round, int seats, String runOffOf, State state,
                       Outcome outcome, Instant createdAt, Instant openedAt, Instant closedAt, int electorate,
                       long version, TieBreak tieBreak) {

    public enum State { NOMINATING, OPEN, CLOSED }

    /** What closing came to: every seat filled, or a tie at the last seat that a run-off must resolve. */
    public enum Outcome { ELECTED, TIE_AT_LAST_SEAT }

    public Election {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(konwent, "konwent");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Election nominating(String id, KonwentId konwent, int year, int round, int seats, String runOffOf,
                                      Instant at, TieBreak tieBreak) {
        return new Election(id, konwent, year, round, seats, runOffOf, State.NOMINATING, null, at, null, null, 0, 1,
                tieBreak);
    }

    public Election opened(Instant at, int electors) {
        return new Election(id, konwent, year, round, seats, runOffOf, State.OPEN, null, createdAt, at, null,
                electors, version + 1, tieBreak);
    }

    public Election closed(Instant at, Outcome result) {
        return new Election(id, konwent, year, round, seats, runOffOf, State.CLOSED, result, createdAt, openedAt, at,
                electorate, version + 1, tieBreak);
    }
}
