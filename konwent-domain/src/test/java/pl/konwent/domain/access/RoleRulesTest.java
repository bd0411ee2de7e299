package pl.konwent.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;

class RoleRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final KonwentId POMORSKI = new KonwentId("pomorski");
    private static final KonwentId LUBELSKI = new KonwentId("lubelski");
    private static final AccountId ANNA = new AccountId("00000000-0000-0000-0000-00000000000a");
    private static final AccountId JAN = new AccountId("00000000-0000-0000-0000-00000000000b");

    @Test
    void A1_anAccountNeverHoldsDepartmentAndRepresentativeInOneKonwent() {
        List<RoleGrant> department = List.of(grant(ANNA, POMORSKI, Role.DEPARTMENT, null));
        List<RoleGrant> representative = List.of(grant(ANNA, POMORSKI, Role.REPRESENTATIVE, "cis-a"));

        assertThatThrownBy(() -> RoleRules.departmentIsNeverAlsoRepresentative(department, POMORSKI,
                Role.REPRESENTATIVE)).isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("A1"));
        assertThatThrownBy(() -> RoleRules.departmentIsNeverAlsoRepresentative(representative, POMORSKI,
                Role.DEPARTMENT)).isInstanceOf(DomainException.RuleViolation.class);
        assertThatCode(() -> RoleRules.departmentIsNeverAlsoRepresentative(department, LUBELSKI,
                Role.REPRESENTATIVE)).doesNotThrowAnyException();
        assertThatCode(() -> RoleRules.departmentIsNeverAlsoRepresentative(department, POMORSKI,
                Role.SECRETARIAT)).doesNotThrowAnyException();
    }

    @Test
    void A2_representativeGoesOnlyToAPersonTheMemberNamedOrByAnAdminWithAReason() {
        Caller department = caller(ANNA, grant(ANNA, POMORSKI, Role.DEPARTMENT, null));
        Caller admin = caller(ANNA, grant(ANNA, null, Role.ADMIN, null));
        Account named = account("Jan.Kowalski@Example.pl");
        Account stranger = account("obcy@example.pl");
        List<String> namedByMember = List.of("jan.kowalski@example.pl", "ewa@example.pl");

        assertThatCode(() -> RoleRules.representativeIsNamedByTheMember(department, named, namedByMember, null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RoleRules.representativeIsNamedByTheMember(department, stranger, namedByMember,
                "bo tak")).isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("A2"));
        assertThatThrownBy(() -> RoleRules.representativeIsNamedByTheMember(admin, stranger, namedByMember, " "))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("reason");
        assertThatCode(() -> RoleRules.representativeIsNamedByTheMember(admin, stranger, namedByMember,
                "the member's board asked by letter of 2026-11-20")).doesNotThrowAnyException();
        assertThatThrownBy(() -> RoleRules.representativeIsNamedByTheMember(department, account(null),
                namedByMember, null)).isInstanceOf(DomainException.RuleViolation.class);
    }

    @Test
    void A3_secretariatIsGrantedByHandOnlyWhereTheCharterHasNoCompetition() {
        Charter competition = Charter.defaults();
        Charter noCompetition = new Charter(Majority.SIMPLE, Quorum.HALF, true, 5, 1, false);

        assertThatThrownBy(() -> RoleRules.secretariatFollowsTheCompetition(competition))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("A3"));
        assertThatCode(() -> RoleRules.secretariatFollowsTheCompetition(noCompetition)).doesNotThrowAnyException();
    }

    @Test
    void C2_councilIsNeverGrantedByHand() {
        assertThatThrownBy(() -> RoleRules.councilFollowsTheTerm(Role.COUNCIL))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("C2"));
        assertThatCode(() -> RoleRules.councilFollowsTheTerm(Role.REPRESENTATIVE)).doesNotThrowAnyException();
    }

    @Test
    void V6_adminAndDepartmentNeverCastAMembersBallot() {
        Caller admin = caller(ANNA, grant(ANNA, null, Role.ADMIN, null));
        Caller adminAlsoRepresentative = caller(ANNA, grant(ANNA, null, Role.ADMIN, null),
                grant(ANNA, POMORSKI, Role.REPRESENTATIVE, "cis-a"));
        Caller department = caller(JAN, grant(JAN, POMORSKI, Role.DEPARTMENT, null));
        Caller representative = caller(JAN, grant(JAN, POMORSKI, Role.REPRESENTATIVE, "cis-a"));

        for (Caller notTheMembersOwn : List.of(admin, adminAlsoRepresentative, department)) {
            assertThatThrownBy(() -> RoleRules.onlyTheMembersOwnPeopleVote(notTheMembersOwn, POMORSKI, "cis-a"))
                    .isInstanceOf(DomainException.Forbidden.class).hasMessageStartingWith("V6");
        }
        assertThat(RoleRules.onlyTheMembersOwnPeopleVote(representative, POMORSKI, "cis-a")).isSameAs(representative);
        assertThatThrownBy(() -> RoleRules.onlyTheMembersOwnPeopleVote(representative, POMORSKI, "cis-b"))
                .isInstanceOf(DomainException.Forbidden.class);
    }

    private static RoleGrant grant(AccountId account, KonwentId konwent, Role role, String memberId) {
        return new RoleGrant(role + "-" + konwent, account, konwent, role, memberId, T0);
    }

    private static Caller caller(AccountId id, RoleGrant... grants) {
        return new Caller(id, "anna", List.of(grants));
    }

    private static Account account(String email) {
        return new Account(JAN, "jan", "Jan", email, "hash", true, T0, T0, 1);
    }
}
