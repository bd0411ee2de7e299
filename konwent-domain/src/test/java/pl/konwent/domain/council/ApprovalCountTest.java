package pl.konwent.domain.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.council.ApprovalCount.Standing;
import pl.konwent.domain.membership.MemberKind;

class ApprovalCountTest {
    private static final Instant T0 = Instant.parse("2011-12-01T10:00:00Z");

    @Test
    void theMostApprovedFillTheSeatsAndTheRestAreNotElected() {
        List<Candidate> six = candidates(6);

        ApprovalCount count = ApprovalCount.of(six, approvals(six, 9, 8, 7, 6, 5, 1), 5);

        assertThat(count.tieAtLastSeat()).isFalse();
        assertThat(count.with(Standing.ELECTED)).containsExactlyElementsOf(six.subList(0, 5));
        assertThat(count.with(Standing.NOT_ELECTED)).containsExactly(six.get(5));
        assertThat(count.ranking()).extracting(ApprovalCount.Ranked::rank).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aTieAtTheFifthSeatIsReportedNotDecided() {
        List<Candidate> seven = candidates(7);

        ApprovalCount count = ApprovalCount.of(seven, approvals(seven, 9, 8, 7, 6, 4, 4, 4), 5);

        assertThat(count.tieAtLastSeat()).isTrue();
        assertThat(count.seatsUndecided()).isEqualTo(1);
        assertThat(count.with(Standing.ELECTED)).containsExactlyElementsOf(seven.subList(0, 4));
        assertThat(count.with(Standing.TIED)).containsExactlyInAnyOrderElementsOf(seven.subList(4, 7));
        assertThat(count.ranking()).extracting(ApprovalCount.Ranked::rank).containsExactly(1, 2, 3, 4, 5, 5, 5);
    }

    @Test
    void aTieAboveTheLastSeatNeedsNoRunOff() {
        List<Candidate> six = candidates(6);

        ApprovalCount count = ApprovalCount.of(six, approvals(six, 9, 7, 7, 7, 5, 1), 5);

        assertThat(count.tieAtLastSeat()).isFalse();
        assertThat(count.with(Standing.ELECTED)).hasSize(5);
    }

    @Test
    void aTieSpanningSeveralSeatsLeavesThemAllUndecided() {
        List<Candidate> six = candidates(6);

        ApprovalCount count = ApprovalCount.of(six, approvals(six, 9, 8, 3, 3, 3, 3), 5);

        assertThat(count.seatsUndecided()).isEqualTo(3);
        assertThat(count.with(Standing.TIED)).hasSize(4);
    }

    @Test
    void candidatesNoBallotApprovedCountAsZero() {
        List<Candidate> five = candidates(5);

        ApprovalCount count = ApprovalCount.of(five, Map.of(), 5);

        assertThat(count.with(Standing.ELECTED)).hasSize(5);
        assertThat(count.ranking()).allSatisfy(r -> assertThat(r.approvals()).isZero());
    }

    @Property
    void electedPlusUndecidedSeatsAreTheSeatsAndNoElectedHasFewerApprovalsThanAnOther(
            @ForAll @Size(min = 6, max = 12) List<@LongRange(max = 20) Long> votes,
            @ForAll @IntRange(min = 1, max = 5) int seats) {
        List<Candidate> candidates = candidates(votes.size());
        Map<String, Long> approvals = new HashMap<>();
        for (int i = 0; i < votes.size(); i++) {
            approvals.put(candidates.get(i).id(), votes.get(i));
        }

        ApprovalCount count = ApprovalCount.of(candidates, approvals, seats);

        List<Candidate> elected = count.with(Standing.ELECTED);
        assertThat(elected.size() + count.seatsUndecided()).isEqualTo(seats);
        assertThat(count.with(Standing.TIED).size()).isGreaterThan(count.seatsUndecided() > 0
                ? count.seatsUndecided() : -1);
        long lowestElected = elected.stream().mapToLong(c -> approvals.get(c.id())).min().orElse(Long.MAX_VALUE);
        long highestOther = count.ranking().stream().filter(r -> r.standing() != Standing.ELECTED)
                .mapToLong(ApprovalCount.Ranked::approvals).max().orElse(-1);
        assertThat(lowestElected).isGreaterThan(highestOther);
        if (count.tieAtLastSeat()) {
            assertThat(count.with(Standing.TIED)).extracting(c -> approvals.get(c.id())).containsOnly(
                    count.ranking().get(seats - 1).approvals());
        }
    }

    private static List<Candidate> candidates(int n) {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Candidate("c" + i, "e", "m" + i, "Member " + i, i % 2 == 0 ? MemberKind.CIS : MemberKind.KIS,
                    "Person " + (char) ('A' + i), "m" + i, Candidate.State.ACCEPTED, T0));
        }
        return list;
    }

    private static Map<String, Long> approvals(List<Candidate> candidates, long... counts) {
        Map<String, Long> map = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            map.put(candidates.get(i).id(), counts[i]);
        }
        return map;
    }
}
