package pl.konwent.domain.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;

class CouncilRulesTest {
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");
    private static final Instant T0 = Instant.parse("2011-04-01T10:00:00Z");
    private static final Charter CHARTER = Charter.defaults();
    private static final Charter FORUM = new Charter(Majority.SIMPLE, Quorum.HALF, false, 3, 1, true);
    private static final Seat TORUN = new Seat("cis-torun", "cis-torun", MemberKind.CIS, "Małgorzata Kowalska");
    private static final Seat LEGIONOWO = new Seat("kis-legionowo", "kis-legionowo", MemberKind.KIS, "Anita Świętorecka");
    private static final Seat BARLINEK = new Seat("cis-barlinek", "cis-barlinek", MemberKind.CIS, "Iwona Nowak");
    private static final Seat TCZEW = new Seat("kis-tczew", "kis-tczew", MemberKind.KIS, "Jan Wiśniewski");
    private static final Seat BYTOW = new Seat("cis-bytow", "cis-bytow", MemberKind.CIS, "Ewa Zielińska");
    private static final List<Seat> FIVE = List.of(TORUN, LEGIONOWO, BARLINEK, TCZEW, BYTOW);

    @Test
    void C1_theCouncilHasExactlyTheCharterNumberOfSeatsOnePerMember() {
        assertThat(term(2011, FIVE).seats()).hasSize(5);
        assertThatThrownBy(() -> term(2011, FIVE.subList(0, 4)))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("C1"));
        assertThatThrownBy(() -> term(2011, List.of(TORUN, TORUN, BARLINEK, TCZEW, BYTOW)))
                .isInstanceOf(DomainException.RuleViolation.class);
    }

    @Test
    void C3_officersComeFromTheCouncilsOwnSeatsAndAreTwo() {
        Seat outsider = new Seat("cis-obcy", "cis-obcy", MemberKind.CIS, "Obcy");

        assertThatThrownBy(() -> term(2011, FIVE).withOfficers(new Officers(outsider, LEGIONOWO), null, null, CHARTER))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("C3"));
    }

    @Test
    void C4_theChairAndTheDeputyAreOneCisAndOneKis() {
        assertThat(term(2011, FIVE).withOfficers(new Officers(TORUN, LEGIONOWO), null, null, CHARTER).officers().chair())
                .isEqualTo(TORUN);
        assertThatThrownBy(() -> term(2011, FIVE).withOfficers(new Officers(TORUN, BARLINEK), null, null, CHARTER))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        e -> assertThat(e.getMessage()).contains("one from a CIS and one from a KIS"));
    }

    @Test
    void C4_chairKindSwapsEachYear() {
        CouncilTerm y2012 = term(2012, FIVE).withOfficers(new Officers(TORUN, LEGIONOWO), null, null, CHARTER);

        CouncilTerm y2013 = term(2013, FIVE).withOfficers(new Officers(TCZEW, BARLINEK), y2012, null, CHARTER);

        assertThat(y2013.officers().chair().kind()).isEqualTo(MemberKind.KIS);
        assertThatThrownBy(() -> term(2013, FIVE).withOfficers(new Officers(BYTOW, TCZEW), y2012, null, CHARTER))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.getMessage())
                        .contains("last year's chair came from a CIS", "must come from a KIS"));
    }

    @Test
    void C4_officersChosenLateForAYearMustStillSwapWithTheNextYear() {
        CouncilTerm y2013 = term(2013, FIVE).withOfficers(new Officers(TCZEW, BARLINEK), null, null, CHARTER);

        assertThatThrownBy(() -> term(2012, FIVE).withOfficers(new Officers(LEGIONOWO, TORUN), null, y2013, CHARTER))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.getMessage())
                        .contains("the chair of 2013 comes from a KIS", "must come from a CIS"));
        assertThat(term(2012, FIVE).withOfficers(new Officers(TORUN, LEGIONOWO), null, y2013, CHARTER).officers())
                .isNotNull();
    }

    @Test
    void C1_withAlternationOnSeatsGoToCisAndKisOnly() {
        Seat regional = new Seat("pomorski", "pomorski", MemberKind.REGIONAL_KONWENT, "A");

        assertThatThrownBy(() -> term(2011, List.of(TORUN, LEGIONOWO, BARLINEK, TCZEW, regional)))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("C1"));
    }

    @Test
    void C4_aKonwentWithAlternationOffSkipsTheRule() {
        Seat pomorski = new Seat("pomorski", "pomorski", MemberKind.REGIONAL_KONWENT, "A");
        Seat lubelski = new Seat("lubelski", "lubelski", MemberKind.REGIONAL_KONWENT, "B");
        Seat dolnoslaski = new Seat("dolnoslaski", "dolnoslaski", MemberKind.REGIONAL_KONWENT, "C");
        CouncilTerm first = CouncilTerm.of(KRAJOWY, 2024, CouncilTerm.Origin.APPOINTED, null,
                List.of(pomorski, lubelski, dolnoslaski), "Departament", FORUM, T0)
                .withOfficers(new Officers(pomorski, lubelski), null, null, FORUM);

        CouncilTerm next = CouncilTerm.of(KRAJOWY, 2025, CouncilTerm.Origin.ELECTED, "e-2025",
                List.of(pomorski, lubelski, dolnoslaski), "Departament", FORUM, T0)
                .withOfficers(new Officers(dolnoslaski, pomorski), first, null, FORUM);

        assertThat(next.officers().chair()).isEqualTo(dolnoslaski);
    }

    private static CouncilTerm term(int year, List<Seat> seats) {
        return CouncilTerm.of(KRAJOWY, year, CouncilTerm.Origin.APPOINTED, null, seats, "Departament Pomocy", CHARTER,
                T0);
    }
}
