package pl.konwent.domain.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;

/** V5: the rules a vote or election is decided by are taken from the charter in force when it opens. */
class RulesInForceTest {
    private static final Instant T0 = Instant.parse("2024-10-23T10:00:00Z");
    private static final Charter CHARTER = new Charter(Majority.ABSOLUTE, new Quorum(new BigDecimal("0.6")), true, 5, 1,
            true, TieBreak.SENIORITY);
    private static final Konwent KONWENT = new Konwent(new KonwentId("krajowy"), "Konwent", null, null, CHARTER, null,
            T0, T0, 7);

    @Test
    void V5_aVoteWithoutOverridesTakesTheCharterInForceAndItsVersion() {
        RulesInForce rules = RulesInForce.ofVote(KONWENT, question(null, null, null));

        assertThat(rules).isEqualTo(new RulesInForce(7, Majority.ABSOLUTE, new Quorum(new BigDecimal("0.6")),
                QuorumBasis.BALLOTS, null, true, 1));
    }

    @Test
    void V5_aVotesOwnMajorityAndQuorumWinAndAMeetingMakesTheQuorumCountAttendance() {
        RulesInForce rules = RulesInForce.ofVote(KONWENT, question(Majority.TWO_THIRDS, Quorum.HALF, "meeting-1"));

        assertThat(rules.majority()).isEqualTo(Majority.TWO_THIRDS);
        assertThat(rules.quorum()).isEqualTo(Quorum.HALF);
        assertThat(rules.quorumBasis()).isEqualTo(QuorumBasis.ATTENDANCE);
    }

    @Test
    void C6_anElectionTakesItsOwnTieRuleElseTheCharters() {
        assertThat(RulesInForce.ofElection(KONWENT, null).tieBreak()).isEqualTo(TieBreak.SENIORITY);
        assertThat(RulesInForce.ofElection(KONWENT, TieBreak.LOT))
                .isEqualTo(new RulesInForce(7, null, null, null, TieBreak.LOT));
    }

    @Test
    void C6_aCharterWithoutADeclaredTieRuleGoesToARunOff() {
        assertThat(Charter.defaults().electionTieBreak()).isEqualTo(TieBreak.RUN_OFF);
        assertThat(new Charter(Majority.SIMPLE, Quorum.HALF, true, 5, 1, true).electionTieBreak())
                .isEqualTo(TieBreak.RUN_OFF);
    }

    private static Vote.Question question(Majority majority, Quorum quorum, String meetingId) {
        return new Vote.Question("Stanowisko", ResolutionKind.POSITION, "Treść", false, majority, quorum, meetingId);
    }
}
