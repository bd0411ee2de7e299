package pl.konwent.domain.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrant;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;

/** Rule V4 (substitutes and proxies), with V6 where the holder is the administration. */
class ProxyRulesTest {
    static final KonwentId K = new KonwentId("krajowy");
    static final Instant T0 = Instant.parse("2027-03-10T09:00:00Z");
    static final AccountId HOLDER = new AccountId("00000000-0000-4000-8000-000000000001");

    static Authorisation proxy(String id, String member, String meeting, String vote, Authorisation.State state) {
        return new Authorisation(id, K, member, Authorisation.Kind.PROXY, HOLDER, "holder-member", meeting, vote,
                "Jan Kowalski", "doc-" + id, "file-" + id, state, null, T0, null, null, 1);
    }

    static Vote vote(String id, String meeting) {
        return new Vote(id, K, new Vote.Question("Stanowisko", ResolutionKind.POSITION, "Treść", false, null, null,
                meeting), Vote.State.OPEN, T0, T0, null, 3, null, 1);
    }

    static Caller caller(RoleGrant... grants) {
        return new Caller(HOLDER, "osoba", List.of(grants));
    }

    static RoleGrant grant(Role role, String member) {
        return new RoleGrant("g-" + role + member, HOLDER, role == Role.ADMIN ? null : K, role, member, T0);
    }

    static Charter charter(boolean proxies, int perHolder) {
        Charter d = Charter.defaults();
        return new Charter(d.defaultMajority(), d.defaultQuorum(), d.alternation(), d.councilSize(), d.termYears(),
                d.organiserCompetition(), d.electionTieBreak(), proxies, perHolder);
    }

    @Test
    void V4_theCharterSaysWhetherProxiesAreAllowedButSubstitutesAlwaysAre() {
        assertThatThrownBy(() -> ProxyRules.proxiesAllowedByTheCharter(charter(false, 1), Authorisation.Kind.PROXY))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("proxies");
        assertThatCode(() -> ProxyRules.proxiesAllowedByTheCharter(charter(false, 1), Authorisation.Kind.SUBSTITUTE))
                .doesNotThrowAnyException();
        assertThat(Charter.defaults().proxies()).isTrue();
        assertThat(Charter.defaults().proxiesPerHolder()).isOne();
    }

    @Test
    void V4_aProxyIsTheRepresentativeOfAnotherMember() {
        Caller representative = caller(grant(Role.REPRESENTATIVE, "holder-member"));
        assertThatCode(() -> ProxyRules.holderActsForTheMember(representative, K, "m1", Authorisation.Kind.PROXY,
                "holder-member")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ProxyRules.holderActsForTheMember(representative, K, "m1", Authorisation.Kind.PROXY,
                "other-member")).isInstanceOf(DomainException.RuleViolation.class);
        Caller ownVoice = caller(grant(Role.REPRESENTATIVE, "m1"));
        assertThatThrownBy(() -> ProxyRules.holderActsForTheMember(ownVoice, K, "m1", Authorisation.Kind.PROXY,
                "m1")).isInstanceOf(DomainException.RuleViolation.class);
        assertThatThrownBy(() -> ProxyRules.holderActsForTheMember(ownVoice, K, "m1", Authorisation.Kind.SUBSTITUTE,
                "m1")).isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("already");
        assertThatCode(() -> ProxyRules.holderActsForTheMember(caller(), K, "m1", Authorisation.Kind.SUBSTITUTE,
                "m1")).doesNotThrowAnyException();
    }

    @Test
    void V6_theAdministrationNeverHoldsAnAuthorisation() {
        for (Caller administration : List.of(caller(grant(Role.ADMIN, null)), caller(grant(Role.DEPARTMENT, null),
                grant(Role.REPRESENTATIVE, "holder-member")))) {
            assertThatThrownBy(() -> ProxyRules.holderActsForTheMember(administration, K, "m1",
                    Authorisation.Kind.SUBSTITUTE, "m1")).isInstanceOf(DomainException.RuleViolation.class)
                    .extracting(e -> ((DomainException.RuleViolation) e).rule()).isEqualTo("V6");
        }
    }

    @Test
    void V4_oneHolderCarriesNoMoreMembersAtOneMeetingThanTheCharterAllows() {
        Authorisation second = proxy("a2", "m2", "meeting-1", null, Authorisation.State.SUBMITTED);
        List<Authorisation> carried = List.of(proxy("a1", "m1", null, "vote-at-meeting-1",
                Authorisation.State.ACCEPTED), proxy("a3", "m3", "meeting-2", null, Authorisation.State.ACCEPTED));
        assertThatThrownBy(() -> ProxyRules.holderCarriesNoMoreThanTheCharterAllows(charter(true, 1), second,
                carried, vote -> "meeting-1")).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("allows 1");
        assertThatCode(() -> ProxyRules.holderCarriesNoMoreThanTheCharterAllows(charter(true, 2), second, carried,
                vote -> "meeting-1")).doesNotThrowAnyException();
        assertThatCode(() -> ProxyRules.holderCarriesNoMoreThanTheCharterAllows(charter(true, 1), second, carried,
                vote -> null)).as("a vote outside the meeting does not overlap it").doesNotThrowAnyException();
        List<Authorisation> sameMemberAgain = List.of(proxy("a4", "m2", "meeting-1", null,
                Authorisation.State.ACCEPTED));
        assertThatCode(() -> ProxyRules.holderCarriesNoMoreThanTheCharterAllows(charter(true, 1), second,
                sameMemberAgain, vote -> null)).as("the same member counts once").doesNotThrowAnyException();
    }

    @Test
    void V4_anAuthorisationCoversItsVoteOrEveryVoteAtItsMeeting() {
        assertThat(ProxyRules.usableIn(proxy("a", "m1", "meeting-1", null, Authorisation.State.ACCEPTED),
                vote("v1", "meeting-1"))).isTrue();
        assertThat(ProxyRules.usableIn(proxy("a", "m1", "meeting-1", null, Authorisation.State.ACCEPTED),
                vote("v1", "meeting-2"))).isFalse();
        assertThat(ProxyRules.usableIn(proxy("a", "m1", null, "v1", Authorisation.State.ACCEPTED),
                vote("v1", null))).isTrue();
        assertThat(ProxyRules.usableIn(proxy("a", "m1", null, "v1", Authorisation.State.SUBMITTED),
                vote("v1", null))).isFalse();
        assertThat(ProxyRules.usableIn(proxy("a", "m1", null, "v1", Authorisation.State.REVOKED),
                vote("v1", null))).isFalse();
    }

    @Test
    void V4_atAMeetingTheBallotCountsOnlyWhileTheHolderIsRecordedPresent() {
        assertThatThrownBy(() -> ProxyRules.holderPresentAtTheMeeting(vote("v1", "meeting-1"), false))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("present");
        assertThatCode(() -> ProxyRules.holderPresentAtTheMeeting(vote("v1", "meeting-1"), true))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProxyRules.holderPresentAtTheMeeting(vote("v1", null), false))
                .doesNotThrowAnyException();
    }

    @Test
    void V4_revocableUntilABallotIsCastUnderIt() {
        Authorisation accepted = proxy("a", "m1", null, "v1", Authorisation.State.ACCEPTED);
        assertThatCode(() -> ProxyRules.revocableUntilUsed(accepted, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ProxyRules.revocableUntilUsed(accepted, true))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> ProxyRules.revocableUntilUsed(accepted.revoked(null, T0), false))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void V4_aSubstituteActsWithinItsMemberAndAProxyForAnother() {
        assertThatThrownBy(() -> new Authorisation("a", K, "m1", Authorisation.Kind.SUBSTITUTE, HOLDER, "m2", "x",
                null, "S", "d", null, Authorisation.State.SUBMITTED, null, T0, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Authorisation("a", K, "m1", Authorisation.Kind.PROXY, HOLDER, "m2", "x",
                "v", "S", "d", null, Authorisation.State.SUBMITTED, null, T0, null, null, 1))
                .as("one meeting or one vote, not both").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void V5_aProxyBallotFollowsTheProxyRuleFixedWhenTheVoteOpenedNotTheCharterNow() {
        Vote vote = vote("v1", null);
        Charter allowed = charter(true, 1);
        Charter forbidden = charter(false, 1);
        RulesInForce openedAllowing = RulesInForce.ofVote(new pl.konwent.domain.konwent.Konwent(K, "Konwent", null,
                null, allowed, null, T0, T0, 1), vote.question());
        RulesInForce openedForbidding = RulesInForce.ofVote(new pl.konwent.domain.konwent.Konwent(K, "Konwent", null,
                null, forbidden, null, T0, T0, 2), vote.question());

        assertThat(openedAllowing.proxies()).isTrue();
        assertThat(openedAllowing.proxiesPerHolder()).isEqualTo(1);
        assertThatCode(() -> ProxyRules.proxiesAllowedWhenTheVoteOpened(openedAllowing, Authorisation.Kind.PROXY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ProxyRules.proxiesAllowedWhenTheVoteOpened(openedForbidding,
                Authorisation.Kind.PROXY)).isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining(
                "did not allow proxies");
        assertThatCode(() -> ProxyRules.proxiesAllowedWhenTheVoteOpened(openedForbidding,
                Authorisation.Kind.SUBSTITUTE)).doesNotThrowAnyException();
    }
}
