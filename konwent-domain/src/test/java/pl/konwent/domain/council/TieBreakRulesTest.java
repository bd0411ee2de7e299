package pl.konwent.domain.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.council.ApprovalCount.Standing;
import pl.konwent.domain.membership.MemberKind;

/** C6: a tie at the last seat settled by the rule declared before the election opened. */
class TieBreakRulesTest {
    private static final Instant T0 = Instant.parse("2011-12-01T10:00:00Z");
    private static final byte[] SEED_0_TO_31 = seed(IntStream.range(0, 32));

    @Test
    void C6_lotCommitmentIsTheSha256OfTheSeedInLowercaseHex() {
        assertThat(Lot.commitment(SEED_0_TO_31))
                .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
    }

    /** The vectors come from the Python procedure of docs/lot.md, run by hand; the Java draw must agree. */
    @Test
    void C6_lotDrawMatchesTheDocumentedProcedure() {
        assertThat(Lot.draw(SEED_0_TO_31, List.of("c", "a", "d", "b"))).containsExactly("b", "d", "a", "c");
        assertThat(Lot.draw(seed(IntStream.generate(() -> 0xff).limit(32)), List.of("x1", "x2", "x3")))
                .containsExactly("x3", "x2", "x1");
    }

    @Test
    void C6_lotNeedsAThirtyTwoByteSeed() {
        assertThatThrownBy(() -> Lot.draw(new byte[16], List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void C6_lotIsReproducibleFromTheRevealedSeedWhateverOrderTheTiedComeIn(
            @ForAll @Size(32) List<Byte> seedBytes, @ForAll @IntRange(min = 1, max = 12) int tied, @ForAll long shuffle) {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = seedBytes.get(i);
        }
        List<String> ids = new ArrayList<>(IntStream.range(0, tied).mapToObj(i -> "cand-" + i).toList());
        List<String> first = Lot.draw(seed, ids);
        Collections.shuffle(ids, new Random(shuffle));

        assertThat(Lot.draw(seed.clone(), ids)).isEqualTo(first);
        assertThat(first).containsExactlyInAnyOrderElementsOf(ids);
    }

    /** Rejection sampling: the accepted range is a whole number of copies of every index, so each is equally likely. */
    @Property
    void C6_lotAcceptsAWholeMultipleOfTheCandidatesSoEveryIndexIsEquallyLikely(
            @ForAll @IntRange(min = 1, max = 100_000) int candidates) {
        long limit = Lot.acceptedBelow(candidates);

        assertThat(limit % candidates).isZero();
        assertThat(limit).isGreaterThan((1L << 32) - candidates).isLessThanOrEqualTo(1L << 32);
    }

    /** Uniform in practice too: over 6000 fixed seeds each of three tied candidates is drawn first about 2000 times. */
    @Test
    void C6_lotIsUniformAcrossTheTiedCandidates() throws Exception {
        Map<String, Integer> firsts = new HashMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 6000; i++) {
            byte[] seed = sha.digest(("seed-" + i).getBytes(StandardCharsets.US_ASCII));
            firsts.merge(Lot.draw(seed, List.of("a", "b", "c")).get(0), 1, Integer::sum);
        }
        // chi-square with 2 degrees of freedom below 13.8 (p = 0.001)
        double chiSquare = firsts.values().stream().mapToDouble(n -> Math.pow(n - 2000, 2) / 2000).sum();
        assertThat(firsts).containsOnlyKeys("a", "b", "c");
        assertThat(chiSquare).isLessThan(13.8);
    }

    @Test
    void C6_seniorityGivesTheSeatToTheMemberThatJoinedFirst() {
        Candidate late = candidate("c1", "m-a");
        Candidate early = candidate("c2", "m-b");
        Candidate sameInstantHigherId = candidate("c3", "m-c");

        List<Candidate> order = Seniority.order(List.of(late, early, sameInstantHigherId), Map.of(
                "m-a", T0.plusSeconds(3600), "m-b", T0, "m-c", T0));

        assertThat(order).containsExactly(early, sameInstantHigherId, late);
    }

    @Test
    void C6_aSettledTieElectsTheSeatedAndLeavesNoSeatUndecided() {
        List<Candidate> four = List.of(candidate("c1", "m1"), candidate("c2", "m2"), candidate("c3", "m3"),
                candidate("c4", "m4"));
        ApprovalCount tie = ApprovalCount.of(four, Map.of("c1", 5L, "c2", 3L, "c3", 3L, "c4", 3L), 2);

        ApprovalCount settled = tie.settled(List.of("c3"));

        assertThat(tie.seatsUndecided()).isEqualTo(1);
        assertThat(settled.tieAtLastSeat()).isFalse();
        assertThat(settled.with(Standing.ELECTED)).extracting(Candidate::id).containsExactly("c1", "c3");
        assertThat(settled.with(Standing.NOT_ELECTED)).extracting(Candidate::id).containsExactlyInAnyOrder("c2", "c4");
        assertThatThrownBy(() -> tie.settled(List.of("c2", "c3"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Candidate candidate(String id, String memberId) {
        return new Candidate(id, "e1", memberId, "Member " + memberId, MemberKind.CIS, "Person " + id, memberId,
                Candidate.State.ACCEPTED, T0);
    }

    private static byte[] seed(IntStream values) {
        int[] ints = values.toArray();
        byte[] bytes = new byte[ints.length];
        for (int i = 0; i < ints.length; i++) {
            bytes[i] = (byte) ints[i];
        }
        return bytes;
    }
}
