package pl.konwent.domain.voting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * V3: the ballots of a secret vote, resolution votes and council elections alike. A ballot is a full vector, one
 * mark per option (every option, always, so neither its size nor its number of parts tells the choice), sealed by
 * the {@link BallotSealer} before anything reaches storage; storage keeps who voted apart from the sealed ballot,
 * and closing opens only the sum per option. Threat met: whoever reads the database, its files and logs learns who
 * voted but not how; the tally stays exact because sums of sealed marks open to the counts.
 */
public final class SecretBallots {
    private final BallotSealer sealer;
    private final SecretBallotBox box;
    private final UnitOfWork unitOfWork;

    public SecretBallots(BallotSealer sealer, SecretBallotBox box, UnitOfWork unitOfWork) {
        this.sealer = sealer;
        this.box = box;
        this.unitOfWork = unitOfWork;
    }

    /** When the vote opens (inside its opening transaction): its key pair. */
    public void opened(String voteId) {
        sealer.newKey(voteId);
    }

    /** Seals the member's ballot outside any transaction, then stores it in one as short as an open ballot's. */
    public Votes.CastOutcome cast(String voteId, String memberId, List<String> options, Set<String> marked) {
        return cast(voteId, memberId, options, marked, BallotGuard.NONE);
    }

    /**
     * The same, with {@code guard} in the storing transaction (V4: a ballot under an authorisation). What the guard
     * records never touches the sealed ballot, so nothing links the holder to the choice.
     */
    public Votes.CastOutcome cast(String voteId, String memberId, List<String> options, Set<String> marked,
                                  BallotGuard guard) {
        byte[] sealed = sealer.seal(voteId, vector(options, marked));
        return unitOfWork.inTransaction(() -> guard.around(() -> box.cast(voteId, memberId, sealed)));
    }

    /**
     * Counts a closing vote inside its closing transaction: opens the sums, adds any counts carried over, checks
     * them against the turnout, stores them and destroys the key. {@code oneEach}: every ballot marks exactly one
     * option (a resolution vote); otherwise any number (an approval ballot).
     */
    public Map<String, Long> count(String voteId, List<String> options, boolean oneEach) {
        SecretBallotBox.Urn urn = box.urn(voteId);
        long[] sums = sealer.openSums(voteId, options.size(), urn.sealed(), urn.sealed().size());
        Map<String, Long> totals = totals(options, sums, box.totals(voteId));
        requireExact(totals, urn.turnout(), oneEach);
        box.storeTotals(voteId, totals);
        sealer.destroyKey(voteId);
        return totals;
    }

    /** The stored totals per option. */
    public Map<String, Long> totals(String voteId) {
        return box.totals(voteId);
    }

    /** V3: a ballot is the whole vector, one 0/1 mark per option in the given order, whatever was chosen. */
    static int[] vector(List<String> options, Set<String> marked) {
        if (!options.containsAll(marked)) {
            throw new IllegalArgumentException("a ballot marks only options of its vote");
        }
        int[] marks = new int[options.size()];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = marked.contains(options.get(i)) ? 1 : 0;
        }
        return marks;
    }

    /** V3: the opened sums per option, plus counts carried over from before ballots were sealed. */
    static Map<String, Long> totals(List<String> options, long[] sums, Map<String, Long> carried) {
        if (sums.length != options.size() || !options.containsAll(carried.keySet())) {
            throw new IllegalStateException("the opened sums do not match the vote's options");
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) {
            totals.put(options.get(i), sums[i] + carried.getOrDefault(options.get(i), 0L));
        }
        return totals;
    }

    /**
     * V3, exact tally: with one mark per ballot the totals add up to the turnout; an approval total never exceeds
     * it. Anything else means a ballot was lost or counted twice, and the vote must not close on it.
     */
    static void requireExact(Map<String, Long> totals, long turnout, boolean oneEach) {
        long sum = totals.values().stream().mapToLong(Long::longValue).sum();
        boolean exact = oneEach ? sum == turnout : totals.values().stream().allMatch(n -> n >= 0 && n <= turnout);
        if (!exact) {
            throw new IllegalStateException("the opened totals " + totals + " do not account for the " + turnout
                    + " members who voted");
        }
    }
}
