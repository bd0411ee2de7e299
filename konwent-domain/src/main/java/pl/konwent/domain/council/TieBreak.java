package pl.konwent.domain.council;

/**
 * C6: how a tie at the last seat of a council election is settled, declared before the election opens: in the
 * charter ({@code electionTieBreak}) or, for one election, by an override given while it is nominating.
 */
public enum TieBreak {
    /** A further election among the tied candidates decides (a new round of the same year). */
    RUN_OFF,
    /** The tied candidate whose member joined the konwent first takes the seat ({@link Seniority}). */
    SENIORITY,
    /** A lot drawn from a seed committed when the election opened and revealed when it closed ({@link Lot}). */
    LOT
}
