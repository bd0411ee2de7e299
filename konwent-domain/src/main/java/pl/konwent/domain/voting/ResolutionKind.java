package pl.konwent.domain.voting;

/** What a vote adopts (V2): a position, a motion, a postulate, the annual work plan, or something else. */
public enum ResolutionKind {
    POSITION, MOTION, POSTULATE, WORK_PLAN, OTHER
}
