package pl.konwent.domain.voting;

import java.util.List;

/**
 * V3 (outgoing port): seals a secret vote's ballots so that storage never receives a readable choice, and opens
 * only the sums per option when the vote closes. Each vote has its own key pair, made when it opens; the private
 * half is kept only where a copy of the database cannot use it, and is destroyed once the totals are stored.
 */
public interface BallotSealer {
    /** Makes the vote's key pair, unless it has one already. */
    void newKey(String voteId);

    /** Seals a full ballot: one mark, 0 or 1, per option in the vote's option order. */
    byte[] seal(String voteId, int[] marks);

    /**
     * Adds the sealed ballots together option by option and opens only those sums, each known to lie between 0
     * and {@code bound}. No ballot is opened on its own.
     */
    long[] openSums(String voteId, int options, List<byte[]> sealed, long bound);

    /** Forgets the private key: after this no stored ballot of the vote can be opened, by anyone. */
    void destroyKey(String voteId);
}
