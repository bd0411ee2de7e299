package pl.konwent.domain.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Rule V3's tally of sealed ballots: a ballot is always the full vector, closing opens only sums, adds what was
 * carried over and refuses totals that do not account for the turnout. The sealer here is a stand-in that keeps
 * marks as bytes and opens sums only, so the rule is tested apart from the cryptography (tested in adapters).
 */
class SecretBallotsTest {
    private static final List<String> CHOICES = List.of("FOR", "AGAINST", "ABSTAIN");

    private final RecordingSealer sealer = new RecordingSealer();
    private final MemoryBox box = new MemoryBox();
    private final SecretBallots ballots = new SecretBallots(sealer, box, new pl.konwent.domain.shared.UnitOfWork() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    });

    @Property
    void V3_aBallotMarksEveryOptionWhateverIsChosen(@ForAll @IntRange(min = 1, max = 12) int candidates,
                                                     @ForAll long seed) {
        List<String> options = new ArrayList<>();
        Set<String> approved = new HashSet<>();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < candidates; i++) {
            options.add("c" + i);
            if (random.nextBoolean()) {
                approved.add("c" + i);
            }
        }
        int[] marks = SecretBallots.vector(options, approved);

        assertThat(marks).hasSize(candidates);
        for (int i = 0; i < candidates; i++) {
            assertThat(marks[i]).isEqualTo(approved.contains(options.get(i)) ? 1 : 0);
        }
    }

    @Test
    void V3_aBallotMarkingAnOptionOfNoVoteIsRefused() {
        assertThatThrownBy(() -> SecretBallots.vector(CHOICES, Set.of("MAYBE")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void V3_everyBallotReachesTheSealerAsTheFullVectorAndStorageOnlySealed() {
        ballots.cast("v", "m1", CHOICES, Set.of("FOR"));
        ballots.cast("v", "m2", CHOICES, Set.of("ABSTAIN"));

        assertThat(sealer.sealedLengths).containsExactly(3, 3);
        assertThat(box.voters).containsExactly("m1", "m2");
        assertThat(box.sealed).hasSize(2);
    }

    @Test
    void V3_closingOpensOnlyTheSumsStoresThemAndDestroysTheKey() {
        ballots.opened("v");
        ballots.cast("v", "m1", CHOICES, Set.of("FOR"));
        ballots.cast("v", "m2", CHOICES, Set.of("FOR"));
        ballots.cast("v", "m3", CHOICES, Set.of("AGAINST"));

        Map<String, Long> totals = ballots.count("v", CHOICES, true);

        assertThat(totals).containsExactly(Map.entry("FOR", 2L), Map.entry("AGAINST", 1L), Map.entry("ABSTAIN", 0L));
        assertThat(ballots.totals("v")).isEqualTo(totals);
        assertThat(sealer.keys).doesNotContain("v");
    }

    @Test
    void V3_countsCarriedOverFromBeforeSealingAreAddedToTheOpenedSums() {
        box.totals.put("v", new LinkedHashMap<>(Map.of("FOR", 4L, "ABSTAIN", 1L)));
        box.carriedVoters = 5;
        ballots.cast("v", "m1", CHOICES, Set.of("ABSTAIN"));

        assertThat(ballots.count("v", CHOICES, true))
                .containsExactly(Map.entry("FOR", 4L), Map.entry("AGAINST", 0L), Map.entry("ABSTAIN", 2L));
    }

    @Test
    void V3_aResolutionTallyThatDoesNotAccountForEveryVoterIsRefusedAndNothingIsStored() {
        ballots.opened("v");
        ballots.cast("v", "m1", CHOICES, Set.of("FOR"));
        box.carriedVoters = 1; // a member recorded as having voted whose ballot is missing

        assertThatThrownBy(() -> ballots.count("v", CHOICES, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not account for the 2 members");
        assertThat(box.totals).doesNotContainKey("v");
        assertThat(sealer.keys).contains("v");
    }

    @Test
    void V3_anApprovalTotalNeverExceedsTheBallots() {
        assertThatThrownBy(() -> SecretBallots.requireExact(Map.of("c1", 3L, "c2", 1L), 2, false))
                .isInstanceOf(IllegalStateException.class);
        SecretBallots.requireExact(Map.of("c1", 2L, "c2", 2L, "c3", 0L), 2, false);
        SecretBallots.requireExact(Map.of("FOR", 1L, "AGAINST", 1L), 2, true);
    }

    @Test
    void V3_openedSumsThatDoNotMatchTheOptionsAreRefused() {
        assertThatThrownBy(() -> SecretBallots.totals(CHOICES, new long[2], Map.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretBallots.totals(CHOICES, new long[3], Map.of("c9", 1L)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Keeps each mark as one byte; opens sums only, as the real sealer does. */
    private static final class RecordingSealer implements BallotSealer {
        final List<Integer> sealedLengths = new ArrayList<>();
        final Set<String> keys = new HashSet<>();

        @Override
        public void newKey(String voteId) {
            keys.add(voteId);
        }

        @Override
        public byte[] seal(String voteId, int[] marks) {
            sealedLengths.add(marks.length);
            byte[] sealed = new byte[marks.length];
            for (int i = 0; i < marks.length; i++) {
                sealed[i] = (byte) marks[i];
            }
            return sealed;
        }

        @Override
        public long[] openSums(String voteId, int options, List<byte[]> sealed, long bound) {
            long[] sums = new long[options];
            sealed.forEach(ballot -> {
                for (int i = 0; i < options; i++) {
                    sums[i] += ballot[i];
                }
            });
            return sums;
        }

        @Override
        public void destroyKey(String voteId) {
            keys.remove(voteId);
        }
    }

    private static final class MemoryBox implements SecretBallotBox {
        final List<String> voters = new ArrayList<>();
        final List<byte[]> sealed = new ArrayList<>();
        final Map<String, Map<String, Long>> totals = new HashMap<>();
        int carriedVoters;

        @Override
        public Votes.CastOutcome cast(String voteId, String memberId, byte[] ballot) {
            if (voters.contains(memberId)) {
                return Votes.CastOutcome.ALREADY_VOTED;
            }
            voters.add(memberId);
            sealed.add(ballot);
            return Votes.CastOutcome.COUNTED;
        }

        @Override
        public Urn urn(String voteId) {
            return new Urn(List.copyOf(sealed), voters.size() + carriedVoters);
        }

        @Override
        public Map<String, Long> totals(String voteId) {
            return totals.getOrDefault(voteId, Map.of());
        }

        @Override
        public void storeTotals(String voteId, Map<String, Long> stored) {
            totals.put(voteId, new LinkedHashMap<>(stored));
        }
    }
}
