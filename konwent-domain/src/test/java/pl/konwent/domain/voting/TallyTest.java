package pl.konwent.domain.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Rule V2's arithmetic: majorities and quorum, including ties, no ballots and all abstentions. */
class TallyTest {
    private static final Quorum HALF = Quorum.HALF;

    @Property
    void V2_simpleMajorityIsMoreForThanAgainstWhateverTheAbstentions(
            @ForAll @LongRange(max = 1000) long forVotes, @ForAll @LongRange(max = 1000) long against,
            @ForAll @LongRange(max = 1000) long abstain) {
        Tally tally = new Tally(forVotes, against, abstain, 5000);

        assertThat(tally.majorityReached(Majority.SIMPLE)).isEqualTo(forVotes > against);
    }

    @Property
    void V2_absoluteMajorityIsMoreThanHalfOfAllBallotsAbstentionsIncluded(
            @ForAll @LongRange(max = 1000) long forVotes, @ForAll @LongRange(max = 1000) long against,
            @ForAll @LongRange(max = 1000) long abstain) {
        Tally tally = new Tally(forVotes, against, abstain, 5000);

        assertThat(tally.majorityReached(Majority.ABSOLUTE))
                .isEqualTo(BigDecimal.valueOf(forVotes).compareTo(
                        BigDecimal.valueOf(forVotes + against + abstain).divide(BigDecimal.valueOf(2))) > 0);
    }

    @Property
    void V2_twoThirdsIsForAtLeastTwoThirdsOfForAndAgainst(
            @ForAll @LongRange(max = 1000) long forVotes, @ForAll @LongRange(max = 1000) long against,
            @ForAll @LongRange(max = 1000) long abstain) {
        Tally tally = new Tally(forVotes, against, abstain, 5000);
        boolean expected = forVotes + against > 0 && forVotes * 3 >= (forVotes + against) * 2;

        assertThat(tally.majorityReached(Majority.TWO_THIRDS)).isEqualTo(expected);
    }

    @Property
    void V2_aStricterMajorityNeverAdoptsWhatALaxerOneRejects(
            @ForAll @LongRange(max = 500) long forVotes, @ForAll @LongRange(max = 500) long against,
            @ForAll @LongRange(max = 500) long abstain) {
        Tally tally = new Tally(forVotes, against, abstain, 5000);

        if (tally.majorityReached(Majority.ABSOLUTE)) {
            assertThat(tally.majorityReached(Majority.SIMPLE)).isTrue();
        }
        if (tally.majorityReached(Majority.TWO_THIRDS)) {
            assertThat(tally.majorityReached(Majority.SIMPLE)).isTrue();
        }
    }

    @Property
    void V2_theQuorumIsReachedExactlyWhenBallotsReachTheFractionOfTheBase(
            @ForAll @LongRange(max = 300) long cast, @ForAll @LongRange(min = 1, max = 300) long base) {
        Tally tally = new Tally(cast, 0, 0, base);

        assertThat(tally.quorumReached(HALF)).isEqualTo(2 * cast >= base);
        assertThat(tally.quorumReached(new Quorum(new BigDecimal("0.6667"))))
                .isEqualTo(BigDecimal.valueOf(cast).compareTo(new BigDecimal("0.6667").multiply(BigDecimal.valueOf(base))) >= 0);
    }

    @Test
    void V2_aTieIsNotAdoptedByAnyMajority() {
        Tally tie = new Tally(10, 10, 0, 20);

        assertThat(tie.adopted(Majority.SIMPLE, HALF)).isFalse();
        assertThat(tie.adopted(Majority.ABSOLUTE, HALF)).isFalse();
        assertThat(tie.adopted(Majority.TWO_THIRDS, HALF)).isFalse();
    }

    @Test
    void V2_noBallotsAdoptNothingAndReachNoQuorum() {
        Tally none = new Tally(0, 0, 0, 43);

        assertThat(none.quorumReached(HALF)).isFalse();
        for (Majority majority : Majority.values()) {
            assertThat(none.majorityReached(majority)).isFalse();
        }
    }

    @Test
    void V2_allAbstainingReachesTheQuorumButAdoptsNothing() {
        Tally abstaining = new Tally(0, 0, 30, 43);

        assertThat(abstaining.quorumReached(HALF)).isTrue();
        for (Majority majority : Majority.values()) {
            assertThat(abstaining.adopted(majority, HALF)).isFalse();
        }
    }

    @Test
    void V2_abstentionsCountAgainstAnAbsoluteMajorityButNotASimpleOne() {
        Tally tally = new Tally(10, 5, 10, 30);

        assertThat(tally.adopted(Majority.SIMPLE, HALF)).isTrue();
        assertThat(tally.adopted(Majority.ABSOLUTE, HALF)).isFalse();
        assertThat(tally.adopted(Majority.TWO_THIRDS, HALF)).isTrue();
    }

    @Test
    void V2_aNoBaseMeansNoQuorum() {
        assertThat(new Tally(0, 0, 0, 0).quorumReached(new Quorum(new BigDecimal("0.0001")))).isFalse();
    }

    @Test
    void O4_atAMeetingTheMembersPresentMakeTheQuorumEvenIfFewerVoted() {
        Tally fivePresentFourVoted = new Tally(3, 1, 0, 8, 5);
        Tally threePresentThreeVoted = new Tally(3, 0, 0, 8, 3);

        assertThat(fivePresentFourVoted.quorumReached(HALF)).isTrue();
        assertThat(fivePresentFourVoted.adopted(Majority.SIMPLE, HALF)).isTrue();
        assertThat(threePresentThreeVoted.quorumReached(HALF)).isFalse();
        assertThat(new Tally(3, 1, 0, 8).quorumReached(HALF)).isTrue();
        assertThat(new Tally(3, 0, 0, 8).quorumReached(HALF)).isFalse();
    }

    @Test
    void O4_aMemberThatVotedTookPartEvenIfTheAttendanceMissedIt() {
        Tally twoPresentFiveVoted = new Tally(5, 0, 0, 8, 2);

        assertThat(twoPresentFiveVoted.participants()).isEqualTo(5);
        assertThat(twoPresentFiveVoted.quorumReached(HALF)).isTrue();
    }

    @Property
    void O4_presenceNeverLowersTheParticipationBelowTheBallots(
            @ForAll @LongRange(max = 100) long forVotes, @ForAll @LongRange(max = 100) long against,
            @ForAll @LongRange(max = 100) long abstain, @ForAll @LongRange(max = 400) long present) {
        Tally atMeeting = new Tally(forVotes, against, abstain, 400, (int) present);

        assertThat(atMeeting.participants()).isEqualTo(Math.max(present, forVotes + against + abstain));
        assertThat(atMeeting.quorumReached(HALF)).isEqualTo(atMeeting.participants() * 2 >= 400);
    }
}
