package pl.konwent.domain.voting;

import java.util.function.Supplier;

/**
 * What a ballot's own transaction checks before the ballot is stored, and records once it is counted: so a ballot
 * under an authorisation (V4) is admitted, stored and marked as such all or not at all.
 */
public interface BallotGuard {
    /** A ballot the member's own REPRESENTATIVE casts: nothing to check or record. */
    BallotGuard NONE = new BallotGuard() {
        @Override
        public void admit() {
        }

        @Override
        public void counted() {
        }
    };

    /** Throws a {@code DomainException} when the ballot must not be stored; runs first in the transaction. */
    void admit();

    /** Runs in the same transaction once the ballot has been counted. */
    void counted();

    /** This guard, and {@code also} run in the same transaction once the ballot has been counted. */
    default BallotGuard andOnCounted(Runnable also) {
        BallotGuard guard = this;
        return new BallotGuard() {
            @Override
            public void admit() {
                guard.admit();
            }

            @Override
            public void counted() {
                guard.counted();
                also.run();
            }
        };
    }

    default Votes.CastOutcome around(Supplier<Votes.CastOutcome> cast) {
        admit();
        Votes.CastOutcome outcome = cast.get();
        if (outcome == Votes.CastOutcome.COUNTED) {
            counted();
        }
        return outcome;
    }
}
