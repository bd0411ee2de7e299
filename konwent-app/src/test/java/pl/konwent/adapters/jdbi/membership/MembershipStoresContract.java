package pl.konwent.adapters.jdbi.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.jdbi.publication.JdbiFeedSources;
import pl.konwent.app.testing.QueryPlans;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.Address;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.Declaration;
import pl.konwent.domain.membership.DeclarationContent;
import pl.konwent.domain.membership.FoundingInstitution;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.membership.Representative;
import pl.konwent.domain.publication.FeedEntry;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Voivodeship;

/** Declarations and the member register on every database engine. */
abstract class MembershipStoresContract {
    private static final Instant T0 = Instant.parse("2011-10-14T10:00:00.123Z");
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");
    private static final AccountId DEPARTMENT = new AccountId("00000000-0000-0000-0000-00000000000d");

    private Jdbi jdbi;
    private JdbiDeclarations declarations;
    private JdbiMembers members;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(engine()).jdbi();
        declarations = new JdbiDeclarations(jdbi);
        members = new JdbiMembers(jdbi);
        new JdbiKonwents(jdbi).add(new Konwent(KRAJOWY, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1));
    }

    @Test
    void aDeclarationRoundTripsWithItsPersonalDataAndPolishLetters() {
        Declaration declaration = declaration("d1", "Centrum Integracji Społecznej „Przystań”", "Barlinek");

        declarations.add(declaration);

        assertThat(declarations.find(KRAJOWY, "d1")).contains(declaration);
    }

    @Test
    void onlyOneDeclarationOfAnOrganisationWaitsAtATimeButAfterTheDecisionAnotherMay() {
        Declaration first = declaration("d1", "CIS „Przystań”", "Barlinek");
        declarations.add(first);

        assertThatThrownBy(() -> declarations.add(declaration("d2", "cis przystan", "BARLINEK")))
                .isInstanceOf(DomainException.Conflict.class);

        Declaration rejected = first.decided(new Declaration.Decision(Declaration.State.REJECTED, "Niekompletna",
                DEPARTMENT, "departament", T0.plusSeconds(60)), null);
        assertThat(declarations.replace(rejected, 1)).isTrue();
        assertThat(declarations.replace(rejected, 1)).isFalse();
        declarations.add(declaration("d3", "CIS Przystań", "Barlinek"));
        assertThat(declarations.find(KRAJOWY, "d1").orElseThrow().decision().reason()).isEqualTo("Niekompletna");
    }

    @Test
    void declarationsAreListedNewestFirstAndByState() {
        for (int i = 0; i < 3; i++) {
            declarations.add(declaration("d" + i, "CIS " + i, "Miasto", T0.plusSeconds(i)));
        }
        Declaration d0 = declarations.find(KRAJOWY, "d0").orElseThrow();
        declarations.replace(d0.decided(new Declaration.Decision(Declaration.State.ACCEPTED, "Tak", DEPARTMENT,
                "departament", T0), "m0"), 1);

        Page<Declaration> first = declarations.list(KRAJOWY, null, PageRequest.first(2));
        assertThat(first.items()).extracting(Declaration::id).containsExactly("d2", "d1");
        assertThat(declarations.list(KRAJOWY, null, new PageRequest(2, first.nextAfter())).items())
                .extracting(Declaration::id).containsExactly("d0");
        assertThat(declarations.list(KRAJOWY, Declaration.State.ACCEPTED, PageRequest.first(10)).items())
                .extracting(Declaration::memberId).containsExactly("m0");
    }

    @Test
    void theRegisterFiltersFoldingCaseAndDiacriticsAndPagesByName() {
        members.add(member("m1", "Centrum Integracji Społecznej Łódź", MemberKind.CIS, "Łódź", Voivodeship.LODZKIE));
        members.add(member("m2", "Klub Integracji Społecznej Suwałki", MemberKind.KIS, "Suwałki",
                Voivodeship.PODLASKIE));
        members.add(member("m3", "Centrum Integracji Społecznej Bytów", MemberKind.CIS, "Bytów",
                Voivodeship.POMORSKIE));

        assertThat(names(new Members.Filter(null, null, null, null, "LODZ"))).containsExactly(
                "Centrum Integracji Społecznej Łódź");
        assertThat(names(new Members.Filter(MemberKind.KIS, null, null, null, null))).containsExactly(
                "Klub Integracji Społecznej Suwałki");
        assertThat(names(new Members.Filter(null, Voivodeship.POMORSKIE, null, null, null))).containsExactly(
                "Centrum Integracji Społecznej Bytów");
        assertThat(names(new Members.Filter(null, null, "suwalki", null, null))).hasSize(1);
        assertThat(names(new Members.Filter(null, null, null, null, "100%_"))).isEmpty();
        Page<Member> first = members.list(KRAJOWY, Members.Filter.ALL, PageRequest.first(2));
        assertThat(first.items()).extracting(Member::name).containsExactly("Centrum Integracji Społecznej Bytów",
                "Centrum Integracji Społecznej Łódź");
        assertThat(members.list(KRAJOWY, Members.Filter.ALL, new PageRequest(2, first.nextAfter())).items())
                .extracting(Member::name).containsExactly("Klub Integracji Społecznej Suwałki");
        assertThat(members.all(KRAJOWY, Members.Filter.ALL)).hasSize(3);
    }

    @Test
    void aRegisterPageCarriesOnlyTheContactsItIsAskedForAndThePublicPartOfTheOthersFromTheirOwnColumns() {
        members.add(member("m1", "CIS Tychy", MemberKind.CIS, "Tychy", Voivodeship.SLASKIE));
        members.add(member("m2", "CIS Mikołów", MemberKind.CIS, "Mikołów", Voivodeship.SLASKIE));
        Member tychy = members.find(KRAJOWY, "m1").orElseThrow();
        Contact moved = new Contact(new Address("ul. Nowa 2", "43-100", "Tychy", Voivodeship.SLASKIE),
                tychy.contact().phone(), tychy.contact().email(),
                new FoundingInstitution("Miasto Tychy", null, null, null), tychy.contact().representatives());
        assertThat(members.replace(tychy.withContact(moved), tychy.version())).isTrue();

        List<Member> nobody = members.list(KRAJOWY, Members.Filter.ALL, PageRequest.first(10),
                Members.ContactsOf.NOBODY).items();
        assertThat(nobody).extracting(Member::id).containsExactly("m2", "m1");
        assertThat(nobody).extracting(Member::contact).containsExactly(
                Contact.publicPart(new Address("ul. Społeczna 1", "00-001", "Mikołów", Voivodeship.SLASKIE),
                        "Gmina Mikołów"),
                Contact.publicPart(new Address("ul. Nowa 2", "43-100", "Tychy", Voivodeship.SLASKIE),
                        "Miasto Tychy"));

        List<Member> one = members.list(KRAJOWY, Members.Filter.ALL, PageRequest.first(10),
                Members.ContactsOf.only(Set.of("m1"))).items();
        assertThat(one.get(0).contact().email()).isNull();
        assertThat(one.get(0).contact().representatives()).isEmpty();
        assertThat(one.get(1).contact()).isEqualTo(moved);

        assertThat(members.list(KRAJOWY, Members.Filter.ALL, PageRequest.first(10), Members.ContactsOf.EVERYONE)
                .items()).extracting(Member::contact).containsExactly(
                        members.find(KRAJOWY, "m2").orElseThrow().contact(), moved);
    }

    @Test
    void theRegisterAndFeedStampsChangeWithEveryWriteOfAMemberInItsTransactionAndOnlyThen() {
        JdbiFeedSources feed = new JdbiFeedSources(jdbi);
        long created = members.registerVersion(KRAJOWY).orElseThrow();
        String feedCreated = feed.stamp(KRAJOWY, false).orElseThrow();

        members.add(member("m1", "CIS Tychy", MemberKind.CIS, "Tychy", Voivodeship.SLASKIE));
        long added = members.registerVersion(KRAJOWY).orElseThrow();
        assertThat(added).isNotEqualTo(created);
        assertThat(feed.stamp(KRAJOWY, false).orElseThrow()).isNotEqualTo(feedCreated);

        Member tychy = members.find(KRAJOWY, "m1").orElseThrow();
        assertThat(members.replace(tychy.withdrawn(T0, "x"), tychy.version() + 5)).isFalse();
        assertThat(members.registerVersion(KRAJOWY)).hasValue(added);

        // a unit of work that rolls back takes the stamp back with the change
        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            members.replace(tychy.withdrawn(T0, "x"), tychy.version());
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");
        assertThat(members.registerVersion(KRAJOWY)).hasValue(added);
        assertThat(members.find(KRAJOWY, "m1").orElseThrow().isActive()).isTrue();

        assertThat(members.replace(tychy.withdrawn(T0, "x"), tychy.version())).isTrue();
        assertThat(members.registerVersion(KRAJOWY).orElseThrow()).isNotEqualTo(added);
        assertThat(members.registerVersion(new KonwentId("nie-ma-takiego"))).isEmpty();
        assertThat(feed.stamp(new KonwentId("nie-ma-takiego"), true)).isEmpty();
    }

    @Test
    void aRegisterPageIsReadFromTheIndexNotSortedOutOfTheWholeRegister() {
        jdbi.useTransaction(handle -> {
            for (int i = 0; i < 300; i++) {
                members.add(member("m" + (1000 + i), "CIS nr " + (1000 + i), MemberKind.CIS, "Tychy",
                        Voivodeship.SLASKIE));
            }
        });
        Page<Member> first = members.list(KRAJOWY, Members.Filter.ALL, PageRequest.first(20));

        QueryPlans.Plan firstPage = QueryPlans.ofLast(engine(), jdbi,
                () -> members.list(KRAJOWY, Members.Filter.ALL, PageRequest.first(20)));
        QueryPlans.Plan nextPage = QueryPlans.ofLast(engine(), jdbi,
                () -> members.list(KRAJOWY, Members.Filter.ALL, new PageRequest(20, first.nextAfter())));

        for (QueryPlans.Plan plan : List.of(firstPage, nextPage)) {
            assertThat(plan.sorts()).as(plan.text()).isFalse();
            assertThat(plan.rowsRead()).as(plan.text()).isLessThanOrEqualTo(22);
        }
        assertThat(members.list(KRAJOWY, Members.Filter.ALL, new PageRequest(20, first.nextAfter())).items())
                .extracting(Member::name).startsWith("CIS nr 1020", "CIS nr 1021");
    }

    @Test
    void theFeedReadsTheNewestMembersFromTheIndexAndItsFingerprintFollowsJoiningAndLeaving() {
        jdbi.useTransaction(handle -> {
            for (int i = 0; i < 300; i++) {
                members.add(member("m" + (1000 + i), "CIS nr " + (1000 + i), MemberKind.CIS, "Tychy",
                        Voivodeship.SLASKIE, T0.plusSeconds(i)));
            }
        });
        JdbiFeedSources feed = new JdbiFeedSources(jdbi);
        List<KonwentId> krajowy = List.of(KRAJOWY);
        String before = feed.fingerprint(krajowy, 20);

        for (QueryPlans.Plan plan : List.of(QueryPlans.ofLast(engine(), jdbi, () -> feed.latest(krajowy, 20)),
                QueryPlans.ofLast(engine(), jdbi, () -> feed.fingerprint(krajowy, 20)))) {
            assertThat(plan.sorts()).as(plan.text()).isFalse();
            assertThat(plan.rowsRead()).as(plan.text()).isLessThanOrEqualTo(21);
        }
        assertThat(feed.latest(krajowy, 2)).extracting(FeedEntry::subjectId).containsExactly("m1299", "m1298");

        Member oldest = members.find(KRAJOWY, "m1000").orElseThrow();
        assertThat(members.replace(oldest.withdrawn(T0.plusSeconds(3600), "Likwidacja"), 1)).isTrue();
        String afterLeaving = feed.fingerprint(krajowy, 20);
        assertThat(afterLeaving).isNotEqualTo(before);
        assertThat(feed.latest(krajowy, 1)).extracting(FeedEntry::title).containsExactly("Członek wystąpił: CIS nr 1000");
        // a member stamped earlier than the newest (another instance's clock behind) still changes the fingerprint
        members.add(member("m0999", "CIS nr 0999", MemberKind.CIS, "Tychy", Voivodeship.SLASKIE,
                T0.plusSeconds(3599)));
        assertThat(feed.fingerprint(krajowy, 20)).isNotEqualTo(afterLeaving);
        assertThat(feed.fingerprint(krajowy, 20)).isEqualTo(feed.fingerprint(krajowy, 20));
    }

    @Test
    void aWithdrawnMemberStaysInTheRegisterButLeavesTheCurrentCount() {
        Member tychy = member("m1", "CIS Tychy", MemberKind.CIS, "Tychy", Voivodeship.SLASKIE);
        members.add(tychy);
        members.add(member("m2", "CIS Mikołów", MemberKind.CIS, "Mikołów", Voivodeship.SLASKIE));
        assertThat(members.countActive(KRAJOWY)).isEqualTo(2);

        assertThat(members.replace(tychy.withdrawn(T0.plusSeconds(3600), "Likwidacja"), 1)).isTrue();

        assertThat(members.countActive(KRAJOWY)).isEqualTo(1);
        Member withdrawn = members.find(KRAJOWY, "m1").orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(Member.Status.WITHDRAWN);
        assertThat(withdrawn.withdrawnAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(members.replace(tychy.withdrawn(T0, "x"), 1)).isFalse();
        assertThat(names(new Members.Filter(null, null, null, Member.Status.WITHDRAWN, null)))
                .containsExactly("CIS Tychy");
    }

    private List<String> names(Members.Filter filter) {
        return members.list(KRAJOWY, filter, PageRequest.first(50)).items().stream().map(Member::name).toList();
    }

    private static Declaration declaration(String id, String name, String town) {
        return declaration(id, name, town, T0);
    }

    private static Declaration declaration(String id, String name, String town, Instant at) {
        return new Declaration(id, KRAJOWY, new DeclarationContent(name, MemberKind.CIS, contact(town),
                "Jan Kowalski", LocalDate.of(2011, 3, 15)), Declaration.State.SUBMITTED, at, null, null, 1);
    }

    private static Member member(String id, String name, MemberKind kind, String town, Voivodeship voivodeship) {
        return member(id, name, kind, town, voivodeship, T0);
    }

    private static Member member(String id, String name, MemberKind kind, String town, Voivodeship voivodeship,
                                 Instant joined) {
        Contact contact = contact(town);
        Contact placed = new Contact(new Address("ul. Społeczna 1", "00-001", town, voivodeship), contact.phone(),
                contact.email(), contact.foundingInstitution(), contact.representatives());
        return new Member(id, KRAJOWY, name, kind, placed, Member.Status.ACTIVE, joined, null, null, null, 1);
    }

    private static Contact contact(String town) {
        return new Contact(new Address("ul. Społeczna 1", "62-045", town, Voivodeship.WIELKOPOLSKIE),
                "+48 61 000 00 00", "cis@example.pl",
                new FoundingInstitution("Gmina " + town, new Address("ul. Rynek 1", "62-045", town, null), null, null),
                List.of(new Representative("r1", "Anna Żółkiewska", "+48 600 000 000", "anna@example.pl")));
    }
}
