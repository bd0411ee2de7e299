package pl.konwent.domain.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static final Charter CHARTER = Charter.defaults();
    private static final Charter FORUM = new Charter(Majority.SIMPLE, Quorum.HALF, false, 3, 1);
    private static final Seat TORUN = new Seat("cis-torun", MemberKind.CIS, "Małgorzata Kowalska");
    private static final Seat LEGIONOWO = new Seat("kis-legionowo", MemberKind.KIS, "Anita Świętorecka");
    private static final Seat BARLINEK = new Seat("cis-barlinek", MemberKind.CIS, "Iwona Nowak");
    private static final Seat TCZEW = new Seat("kis-tczew", MemberKind.KIS, "Jan Wiśniewski");
    private static final Seat BYTOW = new Seat("cis-bytow", MemberKind.CIS, "Ewa Zielińska");
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
        Seat outsider = new Seat("cis-obcy", MemberKind.CIS, "Obcy");

        assertThatThrownBy(() -> term(2011, FIVE).withOfficers(new Officers(outsider, LEGIONOWO), null, CHARTER))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("C3"));
    }

    @Test
    void C4_theChairAndTheDeputyAreOneCisAndOneKis() {
        assertThat(term(2011, FIVE).withOfficers(new Officers(TORUN, LEGIONOWO), null, CHARTER).officers().chair())
                .isEqualTo(TORUN);
        assertThatThrownBy(() -> term(2011, FIVE).withOfficers(new Officers(TORUN, BARLINEK), null, CHARTER))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        e -> assertThat(e.getMessage()).contains("one from a CIS and one from a KIS"));
    }

    @Test
    void C4_chairKindSwapsEachYear() {
        CouncilTerm y2012 = term(2012, FIVE).withOfficers(new Officers(TORUN, LEGIONOWO), null, CHARTER);

        CouncilTerm y2013 = term(2013, FIVE).withOfficers(new Officers(TCZEW, BARLINEK), y2012, CHARTER);

        assertThat(y2013.officers().chair().kind()).isEqualTo(MemberKind.KIS);
        assertThatThrownBy(() -> term(2013, FIVE).withOfficers(new Officers(BYTOW, TCZEW), y2012, CHARTER))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.getMessage())
                        .contains("last year's chair came from a CIS", "must come from a KIS"));
    }

    @Test
    void C4_aKonwentWithAlternationOffSkipsTheRule() {
        Seat pomorski = new Seat("pomorski", MemberKind.REGIONAL_KONWENT, "A");
        Seat lubelski = new Seat("lubelski", MemberKind.REGIONAL_KONWENT, "B");
        Seat dolnoslaski = new Seat("dolnoslaski", MemberKind.REGIONAL_KONWENT, "C");
        CouncilTerm first = CouncilTerm.of(KRAJOWY, 2024, CouncilTerm.Origin.APPOINTED,
                List.of(pomorski, lubelski, dolnoslaski), "Departament", FORUM)
                .withOfficers(new Officers(pomorski, lubelski), null, FORUM);

        CouncilTerm next = CouncilTerm.of(KRAJOWY, 2025, CouncilTerm.Origin.ELECTED,
                List.of(pomorski, lubelski, dolnoslaski), "Departament", FORUM)
                .withOfficers(new Officers(dolnoslaski, pomorski), first, FORUM);

        assertThat(next.officers().chair()).isEqualTo(dolnoslaski);
    }

    private static CouncilTerm term(int year, List<Seat> seats) {
        return CouncilTerm.of(KRAJOWY, year, CouncilTerm.Origin.APPOINTED, seats, "Departament Pomocy", CHARTER);
    }
}
