package pl.konwent.domain.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.council.ApprovalCount;
import pl.konwent.domain.council.Candidate;
import pl.konwent.domain.council.Election;
import pl.konwent.domain.council.ElectionService;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.voting.Choice;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;
import pl.konwent.domain.voting.ResolutionKind;
import pl.konwent.domain.voting.Tally;
import pl.konwent.domain.voting.Vote;
import pl.konwent.domain.voting.Votes;
import pl.konwent.domain.voting.QuorumBasis;
import pl.konwent.domain.voting.RulesInForce;
import pl.konwent.domain.voting.Authorisation;
import pl.konwent.domain.council.TieDecision;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.voting.VotingService;

class MinutesTextTest {
    private static final KonwentId K = new KonwentId("dolnoslaski");
    private static final Instant STARTS = Instant.parse("2027-03-10T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2027-03-10T15:00:00Z");
    private static final Konwent KONWENT = new Konwent(K, "Konwent Dolnośląski", null, null, Charter.defaults(), null,
            STARTS, STARTS, 1);
    private static final Meeting MEETING = new Meeting("m1", K, new Meeting.Details("Posiedzenie we Wrocławiu", STARTS,
            ENDS, new Meeting.Venue("Sala Łużycka", "pl. Solny 1, Wrocław"), null, null,
            List.of(new Meeting.AgendaItem("Otwarcie", null)), 2, null, null), Meeting.State.HELD, STARTS, ENDS, null,
            null, Meeting.Registered.NONE, new Meeting.AttendanceRecord(STARTS, 4, 2), STARTS, 3);

    @Test
    void V3_aSecretVoteIsReportedByItsCountsOnlyEvenIfNamesWereAtHand() {
        VotingService.Result secret = result("Wniosek tajny", true, new Tally(2, 1, 1, 4, 2),
                List.of(new Votes.NamedBallot("a", "CIS Ząbkowice", Choice.FOR, null)));

        String text = MinutesText.of(minutes(List.of(secret), List.of())).plain();

        assertThat(text).contains("Wniosek tajny (wniosek, głosowanie tajne)", "za 2, przeciw 1, wstrzymało się 1",
                "podaje się wyłącznie liczby głosów (V3)").doesNotContain("CIS Ząbkowice");
    }

    @Test
    void anOpenVoteGivesItsRulesCountsOutcomeAndEachMembersChoice() {
        VotingService.Result open = result("Stanowisko jawne", false, new Tally(3, 1, 0, 4, 2),
                List.of(new Votes.NamedBallot("a", "CIS Ząbkowice", Choice.FOR, null),
                        new Votes.NamedBallot("b", "KIS Świdnica", Choice.AGAINST, null)));

        String text = MinutesText.of(minutes(List.of(open), List.of())).plain();

        assertThat(text).contains("Zasady: większość bezwzględna, kworum 0,5; uprawnionych 4, obecnych przy "
                        + "zamknięciu 2.", "Kworum osiągnięte; uchwała PRZYJĘTA.",
                "Głosy imienne: CIS Ząbkowice – za; KIS Świdnica – przeciw.", "Przyjęte uchwały\n1. Stanowisko jawne");
    }

    @Test
    void anElectionGivesItsRankingAndATieAtTheLastSeatSaysARunOffDecides() {
        List<Candidate> candidates = List.of(candidate("c1", "Łucja Ścisło"), candidate("c2", "Jan Żak"),
                candidate("c3", "Ewa Nowak"));
        ApprovalCount count = ApprovalCount.of(candidates, Map.of("c1", 4L, "c2", 2L, "c3", 2L), 2);
        Election election = new Election("e1", K, 2028, 1, 2, null, Election.State.CLOSED,
                Election.Outcome.TIE_AT_LAST_SEAT, STARTS, STARTS, ENDS, 4, 3, TieBreak.RUN_OFF);

        String text = MinutesText.of(minutes(List.of(), List.of(new ElectionService.Result(election, 4, count, null, null, null, null))))
                .plain();

        assertThat(text).contains("Wybory na rok 2028: mandatów 2, uprawnionych 4, oddano kart 4. Remis o ostatni "
                + "mandat: rozstrzyga dogrywka (C6).", "1. Łucja Ścisło (CIS Oława) – głosów 4, wybrany", "remis",
                "Na posiedzeniu nie przeprowadzono głosowań.", "Na posiedzeniu nie przyjęto uchwał.");
    }

    @Test
    void V4_anOpenVoteSaysWhichBallotsASubstituteOrAProxyCast() {
        VotingService.Result open = result("Stanowisko jawne", false, new Tally(2, 1, 0, 4, 2),
                List.of(new Votes.NamedBallot("a", "CIS Ząbkowice", Choice.FOR,
                                new Votes.CastUnder(Authorisation.Kind.SUBSTITUTE, null, null)),
                        new Votes.NamedBallot("b", "KIS Świdnica", Choice.FOR,
                                new Votes.CastUnder(Authorisation.Kind.PROXY, "c", "CIS Oława")),
                        new Votes.NamedBallot("c", "CIS Oława", Choice.AGAINST, null)));

        String text = MinutesText.of(minutes(List.of(open), List.of())).plain();

        assertThat(text).contains("CIS Ząbkowice – za (głos oddał zastępca z delegacji członka); "
                + "KIS Świdnica – za (głos oddał pełnomocnik: przedstawiciel CIS Oława); CIS Oława – przeciw.");
    }

    @Test
    void C6_aTieSettledByLotGivesTheRuleTheCommitmentAndTheRevealedSeed() {
        List<Candidate> candidates = List.of(candidate("c1", "Łucja Ścisło"), candidate("c2", "Jan Żak"));
        ApprovalCount count = ApprovalCount.of(candidates, Map.of("c1", 2L, "c2", 2L), 1);
        Election election = new Election("e1", K, 2028, 1, 1, null, Election.State.CLOSED,
                Election.Outcome.ELECTED, STARTS, STARTS, ENDS, 4, 3, TieBreak.LOT);
        TieDecision lot = new TieDecision(TieBreak.LOT, List.of("c2", "c1"), 1, null, "ab12", "cd34");

        String text = MinutesText.of(minutes(List.of(), List.of(new ElectionService.Result(election, 4, count, null,
                null, lot, null)))).plain();

        assertThat(text).contains("Remis o ostatni mandat rozstrzygnięty losowaniem (C6); zobowiązanie ab12, "
                + "ujawnione ziarno cd34.");
    }

    @Test
    void attendanceGivesTheQuorumAndDelegationSizesWithoutPersonsNames() {
        Minutes minutes = new Minutes(KONWENT, MEETING, new Attendance(MEETING, List.of(
                new Presence("a", "CIS Ząbkowice", Presence.Mode.IN_PERSON),
                new Presence("b", "KIS Świdnica", Presence.Mode.ONLINE)), Quorum.HALF),
                List.of(new Minutes.Delegation("a", "CIS Ząbkowice", Presence.Mode.IN_PERSON, 2, 1),
                        new Minutes.Delegation("b", "KIS Świdnica", Presence.Mode.ONLINE, 0, 0)),
                List.of(), List.of(), ENDS);

        MinutesText text = MinutesText.of(minutes);

        assertThat(text.title()).isEqualTo("Protokół posiedzenia: Posiedzenie we Wrocławiu");
        assertThat(text.plain()).contains("Termin: 10.03.2027 10:00–16:00 (czas polski)",
                "Miejsce: Sala Łużycka, pl. Solny 1, Wrocław", "Transmisja online: nie było",
                "Porządek obrad: 1. Otwarcie", "Obecnych członków: 2 z 4", "wymagane 2, osiągnięte.",
                "1. CIS Ząbkowice – na miejscu; delegacja: 2 os. (na miejscu 1, online 1)",
                "2. KIS Świdnica – online; delegacji nie zgłoszono");
    }

    private static Minutes minutes(List<VotingService.Result> votes, List<ElectionService.Result> elections) {
        return new Minutes(KONWENT, MEETING, new Attendance(MEETING, List.of(), Quorum.HALF), List.of(), votes,
                elections, ENDS);
    }

    private static VotingService.Result result(String title, boolean secret, Tally tally,
                                               List<Votes.NamedBallot> named) {
        Vote vote = new Vote("v-" + title, K, new Vote.Question(title, secret ? ResolutionKind.MOTION
                : ResolutionKind.POSITION, "Treść", secret, null, null, "m1"), Vote.State.CLOSED, STARTS, STARTS,
                ENDS, 4, 2, 3);
        return new VotingService.Result(vote, tally.cast(), tally, Majority.ABSOLUTE, Quorum.HALF, named,
                new RulesInForce(1, Majority.ABSOLUTE, Quorum.HALF, QuorumBasis.ATTENDANCE, null));
    }

    private static Candidate candidate(String id, String person) {
        return new Candidate(id, "e1", "member-" + id, "CIS Oława", MemberKind.CIS, person, "member-" + id,
                Candidate.State.ACCEPTED, STARTS);
    }
}
