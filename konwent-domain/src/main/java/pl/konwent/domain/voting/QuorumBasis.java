package pl.konwent.domain.voting;

/**
 * V2: whom a vote's quorum counts. A vote held at a meeting counts the members present there (or those who voted,
 * if more did); a vote outside a meeting counts the members who voted. Fixed when the vote opens (V5).
 */
public enum QuorumBasis {
    ATTENDANCE,
    BALLOTS
}
