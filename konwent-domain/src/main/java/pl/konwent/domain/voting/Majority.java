package pl.konwent.domain.voting;

/**
 * The majority a resolution needs to be adopted (V2). The charter sets a default; a vote may override it.
 * The arithmetic of each rule lives with the vote result.
 */
public enum Majority {
    /** More FOR than AGAINST; abstentions are not counted. */
    SIMPLE,
    /** More FOR than half of all votes cast, abstentions included. */
    ABSOLUTE,
    /** FOR at least two thirds of FOR and AGAINST together. */
    TWO_THIRDS
}
