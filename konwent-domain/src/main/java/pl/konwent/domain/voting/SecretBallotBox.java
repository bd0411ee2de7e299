package pl.konwent.domain.voting;

import java.util.List;
import java.util.Map;

/**
 * Where a secret vote's sealed ballots and its opened totals are kept (outgoing port), for resolution votes and
 * council elections alike. Exactly-once is the database's job, as for open votes.
 */
public interface SecretBallotBox {
    /** Every sealed ballot and the turnout, read so that no further ballot can arrive while counting. */
    record Urn(List<byte[]> sealed, long turnout) {
    }

    /**
     * Records that the member voted and, apart from it, its sealed ballot, in one transaction: the member must be an
     * elector, the vote open, and the member not have voted (V1). The sealed ballot carries no member, no time and
     * no sequence (V3).
     */
    Votes.CastOutcome cast(String voteId, String memberId, byte[] sealed);

    /** The ballots to count, with the vote locked against further ballots until the transaction ends. */
    Urn urn(String voteId);

    /** The totals per option: the opened sums once the vote is closed (before, only counts carried over from
     * ballots stored before ballots were sealed). */
    Map<String, Long> totals(String voteId);

    /** Replaces the totals per option. */
    void storeTotals(String voteId, Map<String, Long> totals);
}
