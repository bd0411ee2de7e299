package pl.konwent.domain.voting;

import java.math.BigDecimal;

/**
 * The counted ballots of a vote and what they decide (V2). {@code base} is the quorum base: the members who
 * could vote when the vote opened.
 */
public record Tally(long forVotes, long against, long abstain, long base) {
    public Tally {
        if (forVotes < 0 || against < 0 || abstain < 0 || base < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /** Every ballot cast, abstentions included. */
    public long cast() {
        return forVotes + against + abstain;
    }

    /**
     * V2: a vote counts when at least {@code quorum} of the base took part (cast a ballot). No base, no quorum.
     * Exact decimal arithmetic: cast / base ≥ quorum, as cast ≥ quorum × base.
     */
    public boolean quorumReached(Quorum quorum) {
        return base > 0 && BigDecimal.valueOf(cast()).compareTo(quorum.fraction().multiply(BigDecimal.valueOf(base))) >= 0;
    }

    /** V2: whether the FOR votes make the majority the vote requires. */
    public boolean majorityReached(Majority majority) {
        return switch (majority) {
            case SIMPLE -> forVotes > against;
            case ABSOLUTE -> 2 * forVotes > cast();
            case TWO_THIRDS -> forVotes + against > 0 && 3 * forVotes >= 2 * (forVotes + against);
        };
    }

    /** Adopted: quorum reached and the majority made. */
    public boolean adopted(Majority majority, Quorum quorum) {
        return quorumReached(quorum) && majorityReached(majority);
    }
}
