package pl.konwent.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.council.CouncilTerm;
import pl.konwent.domain.council.Officers;
import pl.konwent.domain.council.Seat;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.meetings.Competition;
import pl.konwent.domain.meetings.Meeting;
import pl.konwent.domain.membership.MemberKind;

/** The calendar is computed from what it follows (issue 23), with the dates CalendarRules fixes. */
class ObligationsTest {
    private static final KonwentId K = new KonwentId("krajowy");
    private static final Instant AT = Instant.parse("2027-01-02T10:00:00Z");
    private static final CalendarRules RULES = CalendarRules.defaults();
    private static final Seat CIS = new Seat("m1", "CIS 1", MemberKind.CIS, "Anna");
    private static final Seat KIS = new Seat("m2", "KIS 2", MemberKind.KIS, "Jan");

    private static Konwent konwent(LocalDate deadline) {
        return new Konwent(K, "Konwent", null, null, Charter.defaults(), deadline, AT, AT, 1);
    }

    private static CouncilTerm term(int year, int endYear, Officers officers) {
        return new CouncilTerm(K, year, endYear, CouncilTerm.Origin.APPOINTED, null, List.of(CIS, KIS), "Konsultant",
                officers, AT, 1);
    }

    private static Meeting meeting(String id, Meeting.State state) {
        Meeting.Details details = new Meeting.Details("Posiedzenie", Instant.parse("2027-03-10T09:00:00Z"),
                Instant.parse("2027-03-10T23:30:00Z"), new Meeting.Venue("Sala", null), null, null, List.of(), 2,
                null, null);
        return new Meeting(id, K, details, state, null, null, null, null, null, null, AT, 1);
    }

    private static List<Obligation> on(LocalDate today, Obligations.Sources sources) {
        return Obligations.of(sources, RULES, today);
    }

    private static Obligation find(List<Obligation> all, String id) {
        return all.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private static Obligations.Sources sources(Konwent konwent, List<CouncilTerm> terms, List<Competition> competitions,
                                               Set<Integer> adopted, List<Meeting> meetings, Set<String> sent) {
        return new Obligations.Sources(konwent, terms, competitions, adopted, meetings, sent, List.of());
    }

    @Test
    void M3_theDeclarationWindowClosesOnTheKonwentsDeadlineAndFollowsItWhenMoved() {
        Obligations.Sources march = sources(konwent(LocalDate.of(2027, 3, 31)), List.of(), List.of(), Set.of(),
                List.of(), Set.of());
        Obligation closing = find(on(LocalDate.of(2027, 3, 31), march), "DECLARATIONS_CLOSE:2027-03-31");
        assertThat(closing.status()).isEqualTo(Obligation.Status.OPEN);
        assertThat(find(on(LocalDate.of(2027, 4, 1), march), "DECLARATIONS_CLOSE:2027-03-31").status())
                .isEqualTo(Obligation.Status.DONE);
        Obligations.Sources april = sources(konwent(LocalDate.of(2027, 4, 30)), List.of(), List.of(), Set.of(),
                List.of(), Set.of());
        assertThat(on(LocalDate.of(2027, 4, 1), april)).extracting(Obligation::id)
                .containsExactly("DECLARATIONS_CLOSE:2027-04-30");
        assertThat(on(LocalDate.of(2027, 4, 1), sources(konwent(null), List.of(), List.of(), Set.of(), List.of(),
                Set.of()))).isEmpty();
    }

    @Test
    void C5_C2_C3_O5_aTermEndsWithItsPeriodAndOwesOfficersTheNextElectionAndEachNextYearsWorkPlan() {
        CouncilTerm twoYears = term(2027, 2028, null);
        List<Obligation> all = on(LocalDate.of(2027, 1, 10), sources(konwent(null), List.of(twoYears), List.of(),
                Set.of(2028), List.of(), Set.of()));
        assertThat(all).extracting(Obligation::id).containsExactly("OFFICERS:2027", "WORK_PLAN:2028",
                "ELECTION:2029", "TERM_END:2027", "WORK_PLAN:2029");
        assertThat(find(all, "OFFICERS:2027").dueOn()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(find(all, "TERM_END:2027").dueOn()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(find(all, "WORK_PLAN:2028").status()).isEqualTo(Obligation.Status.DONE);
        assertThat(find(all, "WORK_PLAN:2029").status()).isEqualTo(Obligation.Status.OPEN);

        List<Obligation> february = on(LocalDate.of(2027, 2, 1), sources(konwent(null), List.of(twoYears), List.of(),
                Set.of(), List.of(), Set.of()));
        assertThat(find(february, "OFFICERS:2027").status()).isEqualTo(Obligation.Status.OVERDUE);
        List<Obligation> elected = on(LocalDate.of(2027, 2, 1), sources(konwent(null),
                List.of(term(2027, 2028, new Officers(CIS, KIS))), List.of(), Set.of(), List.of(), Set.of()));
        assertThat(find(elected, "OFFICERS:2027").status()).isEqualTo(Obligation.Status.DONE);

        List<Obligation> succeeded = on(LocalDate.of(2029, 1, 2), sources(konwent(null),
                List.of(twoYears, term(2029, 2030, null)), List.of(), Set.of(), List.of(), Set.of()));
        assertThat(find(succeeded, "ELECTION:2029").status()).isEqualTo(Obligation.Status.DONE);
        assertThat(find(succeeded, "TERM_END:2027").status()).isEqualTo(Obligation.Status.DONE);
    }

    @Test
    void O1_theCompetitionsDeadlineAndItsAwardDueThirtyDaysLaterInPolishDays() {
        Competition competition = new Competition("c1", K, 2027, "Konkurs", null, BigDecimal.TEN,
                Instant.parse("2027-01-31T22:59:59Z"), null, AT, 1);
        List<Obligation> all = on(LocalDate.of(2027, 2, 1), sources(konwent(null), List.of(), List.of(competition),
                Set.of(), List.of(), Set.of()));
        assertThat(find(all, "COMPETITION_DEADLINE:c1").dueOn()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(find(all, "COMPETITION_DEADLINE:c1").status()).isEqualTo(Obligation.Status.DONE);
        assertThat(find(all, "COMPETITION_AWARD:c1").dueOn()).isEqualTo(LocalDate.of(2027, 3, 2));
        assertThat(find(all, "COMPETITION_AWARD:c1").status()).isEqualTo(Obligation.Status.OPEN);
    }

    @Test
    void O2_aCommuniqueIsDueTwoWeeksAfterEachMeetingNotCancelledUntilSent() {
        // the meeting ends at 00:30 on 11 March in Warsaw: Poland's day counts
        List<Meeting> meetings = List.of(meeting("a", Meeting.State.HELD), meeting("b", Meeting.State.CANCELLED),
                meeting("c", Meeting.State.HELD));
        List<Obligation> all = on(LocalDate.of(2027, 3, 26), sources(konwent(null), List.of(), List.of(), Set.of(),
                meetings, Set.of("c")));
        assertThat(all).extracting(Obligation::id).containsExactly("COMMUNIQUE:a", "COMMUNIQUE:c");
        assertThat(find(all, "COMMUNIQUE:a").dueOn()).isEqualTo(LocalDate.of(2027, 3, 25));
        assertThat(find(all, "COMMUNIQUE:a").status()).isEqualTo(Obligation.Status.OVERDUE);
        assertThat(find(all, "COMMUNIQUE:c").status()).isEqualTo(Obligation.Status.DONE);
    }

    @Test
    void aReminderIsDueFromTheConfiguredDaysBeforeThroughTheDueDayWhileOpen() {
        Obligation open = new Obligation("TASK:t", Obligation.Kind.TASK, "Raport", null, LocalDate.of(2027, 6, 30),
                Obligation.Status.OPEN, true, "t");
        assertThat(open.remindOn(LocalDate.of(2027, 6, 22), 7)).isFalse();
        assertThat(open.remindOn(LocalDate.of(2027, 6, 23), 7)).isTrue();
        assertThat(open.remindOn(LocalDate.of(2027, 6, 30), 7)).isTrue();
        assertThat(open.remindOn(LocalDate.of(2027, 7, 1), 7)).isFalse();
        Obligation done = new Obligation("TASK:t", Obligation.Kind.TASK, "Raport", null, LocalDate.of(2027, 6, 30),
                Obligation.Status.DONE, true, "t");
        assertThat(done.remindOn(LocalDate.of(2027, 6, 25), 7)).isFalse();
    }
}
