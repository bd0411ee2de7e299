package pl.konwent.domain.voting;

/** A member's answer in a ballot. */
public enum Choice {
    FOR, AGAINST, ABSTAIN
}
