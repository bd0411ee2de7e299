package pl.konwent.domain.voting;

import java.math.BigDecimal;

/**
 * The counted ballots of a vote and what they decide (V2). {@code base} is the quorum base: the members who
 * could vote when the vote opened. {@code present} is null for a vote outside a meeting, whose quorum counts the
 * members who voted; for a vote at a meeting it is the number of members present there, whom the quorum counts
 * ("half of current members present or voting").
 */
public record Tally(long forVotes, long against, long abstain, long base, Integer present) {
    public Tally {
        if (forVotes < 0 || against < 0 || abstain < 0 || base < 0 || present != null && present < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /** The tally of a vote outside a meeting. */
    public Tally(long forVotes, long against, long abstain, long base) {
        this(forVotes, against, abstain, base, null);
    }

    /**
     * Who counts towards the quorum: at a meeting, the members present there, or those who voted if more did (a
     * member that voted took part even if the attendance list missed it); outside a meeting, those who voted.
     */
    public long participants() {
        return present != null ? Math.max(present, cast()) : cast();
    }

    /** Every ballot cast, abstentions included. */
    public long cast() {
        return forVotes + against + abstain;
    }

    /**
     * V2: a vote counts when at least {@code quorum} of the base took part: were present at the meeting, or voted
     * when there is none. No base, no quorum. Exact decimal arithmetic: participants ≥ quorum × base.
     */
    public boolean quorumReached(Quorum quorum) {
        return base > 0 && BigDecimal.valueOf(participants())
                .compareTo(quorum.fraction().multiply(BigDecimal.valueOf(base))) >= 0;
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
