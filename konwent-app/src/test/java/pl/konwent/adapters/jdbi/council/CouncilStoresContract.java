package pl.konwent.adapters.jdbi.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.jdbi.access.JdbiAccounts;
import pl.konwent.adapters.jdbi.access.JdbiRoleGrants;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.jdbi.membership.JdbiMembers;
import pl.konwent.adapters.jdbi.voting.JdbiVotes;
import pl.konwent.adapters.security.ExponentialElGamal;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.app.testing.Sealing;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.access.Account;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrant;
import pl.konwent.domain.council.Candidate;
import pl.konwent.domain.council.CouncilTerm;
import pl.konwent.domain.council.Election;
import pl.konwent.domain.council.Officers;
import pl.konwent.domain.council.Seat;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.Address;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.FoundingInstitution;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.voting.SecretBallots;
import pl.konwent.domain.voting.Votes.CastOutcome;

/** Council terms, elections and the COUNCIL role that follows the term, on every database engine. */
abstract class CouncilStoresContract {
    private static final Instant T0 = Instant.parse("2011-04-01T10:00:00.123Z");
    /** "Now" for the role grants: mid-2012, so the 2012 term is in office and 2013's is not yet. */
    private static final Clock MID_2012 = Clock.fixed(Instant.parse("2012-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");
    private static final List<String> MEMBERS = List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6");

    private Jdbi jdbi;
    private JdbiCouncilTerms terms;
    private JdbiElections elections;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(engine()).jdbi();
        terms = new JdbiCouncilTerms(jdbi);
        elections = new JdbiElections(jdbi, new SecureIdSource());
        new JdbiKonwents(jdbi).add(new Konwent(KRAJOWY, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1));
        JdbiMembers members = new JdbiMembers(jdbi);
        for (int i = 0; i < MEMBERS.size(); i++) {
            members.add(member(MEMBERS.get(i), i % 2 == 0 ? MemberKind.CIS : MemberKind.KIS));
        }
    }

    @Test
    void termsRoundTripWithTheirSeatsInOrderAndOnePerYear() {
        CouncilTerm first = term(2011, 0, 1, 2, 3, 4);
        terms.add(first);

        assertThat(terms.find(KRAJOWY, 2011)).contains(first);
        assertThat(first.seats().get(1)).isEqualTo(new Seat("m1", "KIS m1", MemberKind.KIS, "Osoba m1"));
        assertThatThrownBy(() -> terms.add(term(2011, 0, 1, 2, 3, 5))).isInstanceOf(DomainException.Conflict.class);
        terms.add(term(2012, 0, 1, 2, 3, 5));
        terms.add(term(2014, 0, 1, 2, 3, 6));
        assertThat(terms.before(KRAJOWY, 2014).map(CouncilTerm::year)).contains(2012);
        assertThat(terms.after(KRAJOWY, 2012).map(CouncilTerm::year)).contains(2014);
        assertThat(terms.after(KRAJOWY, 2014)).isEmpty();
        assertThat(terms.latest(KRAJOWY).map(CouncilTerm::year)).contains(2014);

        var page = terms.list(KRAJOWY, PageRequest.first(2));
        assertThat(page.items()).extracting(CouncilTerm::year).containsExactly(2014, 2012);
        assertThat(terms.list(KRAJOWY, new PageRequest(2, page.nextAfter())).items()).extracting(CouncilTerm::year)
                .containsExactly(2011);
    }

    @Test
    void officersAreStoredAgainstTheVersionRead() {
        CouncilTerm first = term(2011, 0, 1, 2, 3, 4);
        terms.add(first);
        CouncilTerm withOfficers = first.withOfficers(new Officers(first.seats().get(0), first.seats().get(1)), null,
                null, Charter.defaults());

        assertThat(terms.replaceOfficers(withOfficers, first.version())).isTrue();
        assertThat(terms.replaceOfficers(withOfficers, first.version())).isFalse();
        assertThat(terms.find(KRAJOWY, 2011).orElseThrow().officers()).isEqualTo(withOfficers.officers());
    }

    @Test
    void theCouncilRoleFollowsTheTermInOfficeNotTheOnesBeforeOrAhead() {
        JdbiAccounts accounts = new JdbiAccounts(jdbi);
        JdbiRoleGrants grants = new JdbiRoleGrants(jdbi, MID_2012);
        AccountId holder = account(accounts, "a1");
        AccountId outsider = account(accounts, "a6");
        grants.add(new RoleGrant("g1", holder, KRAJOWY, Role.REPRESENTATIVE, "m1", T0));
        grants.add(new RoleGrant("g6", outsider, KRAJOWY, Role.REPRESENTATIVE, "m6", T0));
        // a two-year term installed under a charter of two-year terms still serves in 2012
        terms.add(endingIn(2012, term(2011, 0, 1, 2, 3, 4)));
        assertThat(terms.find(KRAJOWY, 2011).orElseThrow().endYear()).isEqualTo(2012);

        assertThat(roles(grants, holder)).containsExactlyInAnyOrder(Role.REPRESENTATIVE, Role.COUNCIL);
        assertThat(grants.of(holder)).filteredOn(g -> g.role() == Role.COUNCIL).extracting(RoleGrant::id)
                .containsExactly("council-krajowy-2011");
        terms.add(term(2012, 0, 2, 3, 4, 6));
        terms.add(term(2013, 0, 1, 2, 3, 4));

        assertThat(roles(grants, holder)).containsExactly(Role.REPRESENTATIVE);
        assertThat(roles(grants, outsider)).containsExactlyInAnyOrder(Role.REPRESENTATIVE, Role.COUNCIL);
        assertThat(grants.find(outsider, "council-krajowy-2012")).isPresent();
    }

    @Test
    void C5_aLapsedTermGivesNoCouncilRole() {
        JdbiAccounts accounts = new JdbiAccounts(jdbi);
        AccountId holder = account(accounts, "a1");
        new JdbiRoleGrants(jdbi, MID_2012).add(new RoleGrant("g1", holder, KRAJOWY, Role.REPRESENTATIVE, "m1", T0));
        terms.add(term(2011, 0, 1, 2, 3, 4));

        // the yearly 2011 term ended on 31 December 2011 (Warsaw), with no successor installed
        Clock lastMinute = Clock.fixed(Instant.parse("2011-12-31T22:59:00Z"), ZoneOffset.UTC);
        Clock newYear = Clock.fixed(Instant.parse("2011-12-31T23:00:00Z"), ZoneOffset.UTC);
        assertThat(roles(new JdbiRoleGrants(jdbi, lastMinute), holder))
                .containsExactlyInAnyOrder(Role.REPRESENTATIVE, Role.COUNCIL);
        assertThat(roles(new JdbiRoleGrants(jdbi, newYear), holder)).containsExactly(Role.REPRESENTATIVE);
        assertThat(roles(new JdbiRoleGrants(jdbi, MID_2012), holder)).containsExactly(Role.REPRESENTATIVE);
    }

    @Test
    void anElectionCountsSealedApprovalsOncePerElectorAndOpensOnlyTheTotals() {
        Election election = Election.nominating("e1", KRAJOWY, 2012, 1, 5, null, T0, null);
        elections.add(election);
        assertThatThrownBy(() -> elections.add(Election.nominating("e2", KRAJOWY, 2012, 1, 5, null, T0, null)))
                .isInstanceOf(DomainException.Conflict.class);
        for (int i = 0; i < 6; i++) {
            elections.addCandidate(candidate("c" + i, "m" + i));
        }
        assertThatThrownBy(() -> elections.addCandidate(candidate("c9", "m0")))
                .isInstanceOf(DomainException.Conflict.class);
        assertThat(elections.replaceCandidate(candidate("c5", "m5").in(Candidate.State.WITHDRAWN),
                Candidate.State.ACCEPTED)).isTrue();
        assertThat(elections.allCandidates("e1")).extracting(Candidate::state).last()
                .isEqualTo(Candidate.State.WITHDRAWN);

        assertThat(elections.open(election.opened(T0.plusSeconds(60), 0), election.version())).isEqualTo(7);
        assertThat(elections.open(election.opened(T0.plusSeconds(60), 0), election.version())).isEqualTo(-1);
        Election open = elections.find(KRAJOWY, "e1").orElseThrow();
        new JdbiMembers(jdbi).add(member("m7", MemberKind.CIS));
        SecretBallots secret = Sealing.over(jdbi);
        secret.opened("e1");
        List<String> options = List.of("c0", "c1", "c2", "c3", "c4");

        assertThat(secret.cast("e1", "m0", options, Set.of("c0", "c1", "c2"))).isEqualTo(CastOutcome.COUNTED);
        assertThat(secret.cast("e1", "m1", options, Set.of("c0", "c3"))).isEqualTo(CastOutcome.COUNTED);
        assertThat(secret.cast("e1", "m2", options, Set.of())).isEqualTo(CastOutcome.COUNTED);
        assertThat(secret.cast("e1", "m0", options, Set.of("c4"))).isEqualTo(CastOutcome.ALREADY_VOTED);
        assertThat(secret.cast("e1", "m7", options, Set.of("c4"))).isEqualTo(CastOutcome.NOT_AN_ELECTOR);

        assertThat(elections.turnout("e1")).isEqualTo(3);
        assertThat(elections.hasVoted("e1", "m2")).isTrue();
        // V3: every sealed ballot has the same size, one ciphertext per candidate, and nothing readable
        List<byte[]> sealed = jdbi.withHandle(h -> h.createQuery("SELECT sealed FROM sealed_ballot WHERE vote_id = 'e1'")
                .map((rs, ctx) -> rs.getBytes(1)).list());
        assertThat(sealed).hasSize(3).allSatisfy(b -> assertThat(b).hasSize(5 * ExponentialElGamal.CIPHERTEXT_BYTES));
        int plain = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ballot_choice WHERE vote_id = 'e1'")
                .mapTo(Integer.class).one());
        assertThat(plain).isZero();
        assertThat(new JdbiVotes(jdbi, new SecureIdSource()).find(KRAJOWY, "e1")).isEmpty();
        assertThat(new JdbiUnitOfWork(jdbi).inTransaction(() -> secret.count("e1", options, false)))
                .containsExactly(java.util.Map.entry("c0", 2L), java.util.Map.entry("c1", 1L),
                        java.util.Map.entry("c2", 1L), java.util.Map.entry("c3", 1L), java.util.Map.entry("c4", 0L));
        assertThat(secret.totals("e1")).containsEntry("c0", 2L).containsEntry("c4", 0L);

        Election closed = open.closed(T0.plusSeconds(120), Election.Outcome.ELECTED);
        assertThat(elections.close(closed, open.version())).isTrue();
        assertThat(secret.cast("e1", "m3", options, Set.of("c0"))).isEqualTo(CastOutcome.NOT_OPEN);
        assertThat(elections.find(KRAJOWY, "e1")).contains(closed);
    }

    @Test
    void erasureRenamesOnlyTheMembersSeatsAndCandidaciesNamingThePerson() {
        terms.add(term(2011, 0, 1, 2, 3, 4));
        elections.add(Election.nominating("e1", KRAJOWY, 2012, 1, 5, null, T0, null));
        elections.addCandidate(candidate("c1", "m1"));
        // another member's person of the same name is someone else, and stays
        elections.addCandidate(new Candidate("c2", "e1", "m2", "CIS m2", MemberKind.CIS, "Osoba m1", "m2",
                Candidate.State.NOMINATED, T0));
        CouncilTerm before = terms.find(KRAJOWY, 2011).orElseThrow();

        new JdbiUnitOfWork(jdbi).inTransaction(() -> {
            new JdbiOffices(jdbi).rename("m1", "  OSOBA   m1 ", "[erased]");
            new JdbiOffices(jdbi).rename("m3", "Osoba m1", "[erased]");
            return null;
        });

        CouncilTerm after = terms.find(KRAJOWY, 2011).orElseThrow();
        assertThat(after.seats()).extracting(Seat::memberId).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(after.seats()).extracting(Seat::holderName)
                .containsExactly("Osoba m0", "[erased]", "Osoba m2", "Osoba m3", "Osoba m4");
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(elections.allCandidates("e1")).extracting(Candidate::id, Candidate::personName, Candidate::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", "[erased]", Candidate.State.ACCEPTED),
                        org.assertj.core.groups.Tuple.tuple("c2", "Osoba m1", Candidate.State.NOMINATED));
    }

    private static List<Role> roles(JdbiRoleGrants grants, AccountId account) {
        return grants.of(account).stream().map(RoleGrant::role).toList();
    }

    private static AccountId account(JdbiAccounts accounts, String name) {
        AccountId id = new AccountId(java.util.UUID.nameUUIDFromBytes(name.getBytes()).toString());
        accounts.add(new Account(id, name, name, null, "hash", true, T0, T0, 1), null);
        return id;
    }

    private static Candidate candidate(String id, String member) {
        return new Candidate(id, "e1", member, "CIS " + member, MemberKind.CIS, "Osoba " + member, member,
                Candidate.State.ACCEPTED, T0.plusSeconds(Integer.parseInt(id.substring(1))));
    }

    private static CouncilTerm term(int year, int... seats) {
        List<Seat> list = java.util.Arrays.stream(seats).mapToObj(i -> new Seat("m" + i,
                (i % 2 == 0 ? "CIS" : "KIS") + " m" + i, i % 2 == 0 ? MemberKind.CIS : MemberKind.KIS, "Osoba m" + i))
                .toList();
        return CouncilTerm.of(KRAJOWY, year, year == 2011 ? CouncilTerm.Origin.APPOINTED : CouncilTerm.Origin.ELECTED,
                null, list, "Departament", Charter.defaults(), T0);
    }

    /** The term as installed under a charter whose period ends in {@code endYear}. */
    private static CouncilTerm endingIn(int endYear, CouncilTerm t) {
        return new CouncilTerm(t.konwent(), t.year(), endYear, t.origin(), t.electionId(), t.seats(),
                t.consultantName(), t.officers(), t.installedAt(), t.version());
    }

    private static Member member(String id, MemberKind kind) {
        Address seat = new Address("ul. Społeczna 1", "00-001", "Warszawa", null);
        return new Member(id, KRAJOWY, kind + " " + id, kind, new Contact(seat, null, null,
                new FoundingInstitution("Gmina", seat, null, null), List.of()), Member.Status.ACTIVE, T0, null, null,
                null, 1);
    }
}
