package pl.konwent.adapters.jdbi.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.jdbi.access.JdbiAccounts;
import pl.konwent.adapters.jdbi.access.JdbiRoleGrants;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.jdbi.membership.JdbiMembers;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.access.Account;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrant;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.meetings.Communique;
import pl.konwent.domain.meetings.Competition;
import pl.konwent.domain.meetings.CompetitionApplication;
import pl.konwent.domain.meetings.Invitation;
import pl.konwent.domain.meetings.Meeting;
import pl.konwent.domain.meetings.Meetings;
import pl.konwent.domain.meetings.Presence;
import pl.konwent.domain.meetings.Registration;
import pl.konwent.domain.meetings.WorkPlan;
import pl.konwent.domain.membership.Address;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.FoundingInstitution;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.voting.MeetingAttendance.Sitting;

/**
 * Meetings, registrations, organiser competitions (and the SECRETARIAT they give), work plans, communiqués and
 * the department's addresses, on every database engine.
 */
abstract class MeetingStoresContract {
    private static final Instant T0 = Instant.parse("2027-03-10T09:30:00.123Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");
    private static final KonwentId MAZOWIECKI = new KonwentId("mazowiecki");
    private static final List<String> MEMBERS = List.of("m1", "m2", "m3", "m4");

    private Jdbi jdbi;
    private JdbiMeetings meetings;
    private JdbiRegistrations registrations;
    private JdbiCompetitions competitions;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(engine()).jdbi();
        meetings = new JdbiMeetings(jdbi);
        registrations = new JdbiRegistrations(jdbi);
        competitions = new JdbiCompetitions(jdbi);
        JdbiKonwents konwents = new JdbiKonwents(jdbi);
        konwents.add(new Konwent(KRAJOWY, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1));
        konwents.add(new Konwent(MAZOWIECKI, "Konwent Mazowiecki", null, null, Charter.defaults(), null, T0, T0, 1));
        JdbiMembers members = new JdbiMembers(jdbi);
        for (String id : MEMBERS) {
            members.add(member(id));
        }
    }

    @Test
    void aMeetingRoundTripsExactlyWithItsAgendaOptionalFieldsAndMilliseconds() {
        Meeting bare = new Meeting("meeting-1", KRAJOWY, new Meeting.Details("Posiedzenie plenarne", T0,
                T0.plusMillis(3 * 3_600_000 + 7), new Meeting.Venue("Sala Kolumnowa", null), null,
                "Zakres: sprawy bieżące", List.of(new Meeting.AgendaItem("Otwarcie – zażółć gęślą jaźń",
                "Powitanie gości z Łodzi i Gdańska"), new Meeting.AgendaItem("Wolne wnioski", null)),
                3, null, null), Meeting.State.PLANNED, null, null, null, null, Meeting.Registered.NONE, null,
                T0.minusMillis(1), 1);
        Meeting full = new Meeting("meeting-2", KRAJOWY, new Meeting.Details("Posiedzenie wyjazdowe",
                T0.plus(DAY), T0.plus(DAY).plusSeconds(3600), new Meeting.Venue("Dom Kultury", "ul. Żeromskiego 5, "
                + "Kraków"), "https://transmisja.example.pl/ż", "Plan pracy", List.of(), 2, 40,
                T0.plusMillis(999)), Meeting.State.CANCELLED, T0.plusMillis(1), null, T0.plusMillis(2),
                "Brak kworum – przeniesione", Meeting.Registered.NONE, null, T0, 4);
        meetings.add(bare);
        meetings.add(full);

        assertThat(meetings.find(KRAJOWY, "meeting-1")).contains(bare);
        assertThat(meetings.find(KRAJOWY, "meeting-2")).contains(full);
        assertThat(meetings.find(KRAJOWY, "meeting-1").orElseThrow().details().capacity()).isNull();
        assertThat(meetings.find(MAZOWIECKI, "meeting-1")).isEmpty();
        assertThat(meetings.find(KRAJOWY, "meeting-3")).isEmpty();
    }

    @Test
    void theListFiltersByStateAndStartTimeAndPagesLatestStartFirst() {
        for (int i = 0; i < 5; i++) {
            meetings.add(meeting("k" + i, KRAJOWY, T0.plus(DAY.multipliedBy(i)), null,
                    i % 2 == 0 ? Meeting.State.PLANNED : Meeting.State.INVITED));
        }
        meetings.add(meeting("elsewhere", MAZOWIECKI, T0.plus(DAY), null, Meeting.State.PLANNED));
        Meetings.Filter all = new Meetings.Filter(null, null, null);

        Page<Meeting> first = meetings.list(KRAJOWY, all, PageRequest.first(2));
        Page<Meeting> second = meetings.list(KRAJOWY, all, new PageRequest(2, first.nextAfter()));
        Page<Meeting> third = meetings.list(KRAJOWY, all, new PageRequest(2, second.nextAfter()));

        assertThat(first.items()).extracting(Meeting::id).containsExactly("k4", "k3");
        assertThat(second.items()).extracting(Meeting::id).containsExactly("k2", "k1");
        assertThat(third.items()).extracting(Meeting::id).containsExactly("k0");
        assertThat(third.nextAfter()).isNull();
        assertThat(ids(meetings.list(KRAJOWY, new Meetings.Filter(Meeting.State.INVITED, null, null),
                PageRequest.first(10)))).containsExactly("k3", "k1");
        assertThat(ids(meetings.list(KRAJOWY, new Meetings.Filter(null, T0.plus(DAY), T0.plus(DAY.multipliedBy(3))),
                PageRequest.first(10)))).containsExactly("k2", "k1");
        assertThat(ids(meetings.list(KRAJOWY, new Meetings.Filter(Meeting.State.PLANNED, T0.plusMillis(1), null),
                PageRequest.first(10)))).containsExactly("k4", "k2");
        assertThat(meetings.startingFrom(KRAJOWY, T0.plus(DAY.multipliedBy(2)))).extracting(Meeting::id)
                .containsExactly("k2", "k3", "k4");
        assertThat(meetings.startingFrom(MAZOWIECKI, T0)).extracting(Meeting::id).containsExactly("elsewhere");
    }

    @Test
    void registeringRefusesWhatWouldExceedTheCapacityTakesWhatFitsExactlyAndWithdrawalsFreePlaces() {
        meetings.add(meeting("limited", KRAJOWY, T0, 5, Meeting.State.INVITED));
        meetings.add(meeting("open", KRAJOWY, T0, null, Meeting.State.INVITED));

        assertThat(meetings.register("limited", new Meeting.Registered(1, 3, 2))).isTrue();
        assertThat(meetings.register("limited", new Meeting.Registered(1, 4, 4))).isFalse();
        assertThat(registered("limited")).isEqualTo(new Meeting.Registered(1, 3, 2));
        assertThat(meetings.register("limited", new Meeting.Registered(1, 3, 3))).isTrue();
        assertThat(registered("limited")).isEqualTo(new Meeting.Registered(2, 6, 5));
        assertThat(meetings.register("limited", new Meeting.Registered(1, 1, 1))).isFalse();
        assertThat(meetings.register("limited", new Meeting.Registered(1, 2, 0))).as("online only").isTrue();
        assertThat(meetings.register("limited", new Meeting.Registered(-1, -3, -3))).as("a withdrawal").isTrue();
        assertThat(registered("limited")).isEqualTo(new Meeting.Registered(2, 5, 2));
        assertThat(meetings.register("limited", new Meeting.Registered(1, 3, 3))).isTrue();
        assertThat(registered("limited")).isEqualTo(new Meeting.Registered(3, 8, 5));

        assertThat(meetings.register("open", new Meeting.Registered(1, 500, 500))).isTrue();
        assertThat(registered("open")).isEqualTo(new Meeting.Registered(1, 500, 500));
        assertThat(meetings.register("missing", new Meeting.Registered(1, 1, 1))).isFalse();
    }

    @Test
    void replacingAMeetingNeedsTheVersionReadAndKeepsTheRegisteredSums() {
        Meeting planned = meeting("meeting-1", KRAJOWY, T0, 10, Meeting.State.PLANNED);
        meetings.add(planned);
        meetings.register("meeting-1", new Meeting.Registered(1, 2, 2));
        Meeting read = meetings.find(KRAJOWY, "meeting-1").orElseThrow();
        Meeting invited = read.invited(T0.plusMillis(5)).withAttendance(
                new Meeting.AttendanceRecord(T0.plusMillis(6), 12, 7));

        assertThat(meetings.replace(invited, read.version())).isTrue();
        assertThat(meetings.replace(read.cancelled(T0.plusMillis(9), "Nieaktualne"), read.version())).isFalse();
        assertThat(meetings.find(KRAJOWY, "meeting-1")).contains(invited);
        assertThat(invited.registered()).isEqualTo(new Meeting.Registered(1, 2, 2));
        Meeting revised = invited.revised(new Meeting.Details("Nowy tytuł", T0.plus(DAY), T0.plus(DAY).plusSeconds(60),
                new Meeting.Venue("Aula", "Toruń"), "https://meet.example.pl/x", "Nowy zakres",
                List.of(new Meeting.AgendaItem("Sprawozdanie", "Źródła")), 1, null, T0.plusSeconds(30)));
        meetings.lock("meeting-1");
        assertThat(meetings.replace(revised, invited.version())).isTrue();
        assertThat(meetings.find(KRAJOWY, "meeting-1")).contains(revised);
    }

    @Test
    void invitationsAreStoredAndPagedByMember() {
        meetings.add(meeting("meeting-1", KRAJOWY, T0, null, Meeting.State.INVITED));
        meetings.addInvitations(List.of());
        meetings.addInvitations(List.of(new Invitation("meeting-1", "m3", null, T0.plusMillis(3), 2),
                new Invitation("meeting-1", "m1", null, T0.plusMillis(1), 1),
                new Invitation("meeting-1", "m2", null, T0.plusMillis(2), 0)));

        Page<Invitation> first = meetings.invitations("meeting-1", PageRequest.first(2));
        Page<Invitation> second = meetings.invitations("meeting-1", new PageRequest(2, first.nextAfter()));

        assertThat(first.items()).containsExactly(new Invitation("meeting-1", "m1", name("m1"), T0.plusMillis(1), 1),
                new Invitation("meeting-1", "m2", name("m2"), T0.plusMillis(2), 0));
        assertThat(second.items()).containsExactly(new Invitation("meeting-1", "m3", name("m3"), T0.plusMillis(3), 2));
        assertThat(second.nextAfter()).isNull();
        assertThat(meetings.invitations("meeting-2", PageRequest.first(2)).items()).isEmpty();
    }

    @Test
    void attendanceIsReplacedWholeAndTheSittingTakesPlaceOnlyWhenInvitedOrHeld() {
        Meeting planned = meeting("meeting-1", KRAJOWY, T0, null, Meeting.State.PLANNED);
        meetings.add(planned);
        assertThat(meetings.sitting(KRAJOWY, "meeting-1")).contains(new Sitting("meeting-1", false, 0));

        meetings.replaceAttendance("meeting-1", List.of(new Presence("m2", null, Presence.Mode.ONLINE),
                new Presence("m1", null, Presence.Mode.IN_PERSON), new Presence("m4", null, Presence.Mode.IN_PERSON)));
        assertThat(meetings.attendance("meeting-1")).containsExactly(
                new Presence("m1", name("m1"), Presence.Mode.IN_PERSON),
                new Presence("m2", name("m2"), Presence.Mode.ONLINE),
                new Presence("m4", name("m4"), Presence.Mode.IN_PERSON));
        meetings.replaceAttendance("meeting-1", List.of(new Presence("m3", null, Presence.Mode.ONLINE),
                new Presence("m2", null, Presence.Mode.IN_PERSON)));

        assertThat(meetings.attendance("meeting-1")).containsExactly(
                new Presence("m2", name("m2"), Presence.Mode.IN_PERSON),
                new Presence("m3", name("m3"), Presence.Mode.ONLINE));
        assertThat(meetings.sitting(KRAJOWY, "meeting-1")).contains(new Sitting("meeting-1", false, 2));
        Meeting invited = planned.invited(T0);
        meetings.replace(invited, planned.version());
        assertThat(meetings.sitting(KRAJOWY, "meeting-1")).contains(new Sitting("meeting-1", true, 2));
        Meeting held = invited.held(T0.plusSeconds(1));
        meetings.replace(held, invited.version());
        assertThat(meetings.sitting(KRAJOWY, "meeting-1")).contains(new Sitting("meeting-1", true, 2));
        meetings.add(meeting("meeting-2", KRAJOWY, T0, null, Meeting.State.CANCELLED));
        assertThat(meetings.sitting(KRAJOWY, "meeting-2")).contains(new Sitting("meeting-2", false, 0));
        assertThat(meetings.sitting(MAZOWIECKI, "meeting-1")).isEmpty();

        meetings.replaceAttendance("meeting-1", List.of());
        assertThat(meetings.attendance("meeting-1")).isEmpty();
        assertThat(meetings.sitting(KRAJOWY, "meeting-1")).contains(new Sitting("meeting-1", true, 0));
    }

    @Test
    void aRegistrationRoundTripsOncePerMemberIsListedNewestFirstAndSizesTheLargestDelegation() {
        meetings.add(meeting("meeting-1", KRAJOWY, T0, null, Meeting.State.INVITED));
        meetings.add(meeting("meeting-2", KRAJOWY, T0, null, Meeting.State.INVITED));
        assertThat(meetings.largestDelegation("meeting-1")).isZero();
        Registration first = registration("meeting-1", "m1", T0.plusMillis(1),
                List.of(new Registration.Delegate("Małgorzata Źdźbło", Presence.Mode.IN_PERSON),
                        new Registration.Delegate("Jerzy Ęą", Presence.Mode.ONLINE)));
        registrations.add(first);
        registrations.add(registration("meeting-1", "m2", T0.plusMillis(2), delegates(1)));
        registrations.add(registration("meeting-1", "m3", T0.plusMillis(3), delegates(1)));
        registrations.add(registration("meeting-2", "m1", T0.plusMillis(4), delegates(4)));

        assertThat(registrations.find("meeting-1", "m1")).contains(first);
        assertThat(meetings.largestDelegation("meeting-1")).isEqualTo(2);
        assertThat(meetings.largestDelegation("meeting-2")).isEqualTo(4);
        assertThatThrownBy(() -> registrations.add(registration("meeting-1", "m1", T0.plusMillis(9), delegates(2))))
                .isInstanceOf(DomainException.Conflict.class);
        Page<Registration> page = registrations.list("meeting-1", PageRequest.first(2));
        assertThat(page.items()).extracting(Registration::memberId).containsExactly("m3", "m2");
        assertThat(registrations.list("meeting-1", new PageRequest(2, page.nextAfter())).items())
                .extracting(Registration::memberId).containsExactly("m1");

        Registration changed = first.changed(delegates(3), T0.plusSeconds(60));
        assertThat(registrations.replace(changed, first.version())).isTrue();
        assertThat(registrations.replace(first.changed(delegates(1), T0.plusSeconds(61)), first.version())).isFalse();
        assertThat(registrations.find("meeting-1", "m1")).contains(changed);
        assertThat(meetings.largestDelegation("meeting-1")).isEqualTo(3);

        assertThat(registrations.remove("meeting-1", "m1")).isTrue();
        assertThat(registrations.remove("meeting-1", "m1")).isFalse();
        assertThat(registrations.find("meeting-1", "m1")).isEmpty();
        assertThat(registrations.find("meeting-2", "m1")).isPresent();
        registrations.add(registration("meeting-1", "m1", T0.plusMillis(5), delegates(1)));
        assertThat(registrations.find("meeting-1", "m1")).isPresent();
    }

    @Test
    void aCompetitionRoundTripsOnePerKonwentAndYearWithItsApplications() {
        Competition competition = competition("c-2027", KRAJOWY, 2027);
        competitions.add(competition);
        competitions.add(competition("c-2028", KRAJOWY, 2028));
        competitions.add(competition("c-mazowsze", MAZOWIECKI, 2027));

        assertThat(competitions.find(KRAJOWY, "c-2027")).contains(competition);
        assertThat(competitions.find(MAZOWIECKI, "c-2027")).isEmpty();
        assertThatThrownBy(() -> competitions.add(competition("c-again", KRAJOWY, 2027)))
                .isInstanceOf(DomainException.Conflict.class);
        Page<Competition> first = competitions.list(KRAJOWY, PageRequest.first(1));
        assertThat(first.items()).extracting(Competition::year).containsExactly(2028);
        assertThat(competitions.list(KRAJOWY, new PageRequest(1, first.nextAfter())).items())
                .extracting(Competition::year).containsExactly(2027);

        CompetitionApplication fundacja = application("a1", "c-2027", "Fundacja Żółty Żagiel", "m1", T0.plusMillis(1));
        CompetitionApplication gmina = new CompetitionApplication("a2", "c-2027", "Gmina Łęczyca",
                List.of(new CompetitionApplication.Unit(MemberKind.KIS, "KIS Łęczyca")), null, "Oferta",
                new CompetitionApplication.ContactPerson("Anna", "anna@example.pl", null), null, T0.plusMillis(2));
        competitions.addApplication(fundacja);
        competitions.addApplication(gmina);
        competitions.addApplication(application("a3", "c-2028", "Inna", null, T0.plusMillis(3)));

        assertThat(competitions.findApplication("c-2027", "a1")).contains(fundacja);
        assertThat(competitions.findApplication("c-2027", "a2")).contains(gmina);
        assertThat(competitions.findApplication("c-2028", "a1")).isEmpty();
        Page<CompetitionApplication> page = competitions.applications("c-2027", PageRequest.first(1));
        List<CompetitionApplication> all = new ArrayList<>(page.items());
        all.addAll(competitions.applications("c-2027", new PageRequest(1, page.nextAfter())).items());
        assertThat(all).containsExactlyInAnyOrder(fundacja, gmina);
    }

    @Test
    void erasureForgetsTheContactOfTheMembersApplicationsNamingOrReachingThePersonOnly() {
        competitions.add(competition("c-2027", KRAJOWY, 2027));
        CompetitionApplication named = application("a1", "c-2027", "Fundacja", "m1", T0.plusMillis(1));
        CompetitionApplication reached = withContact(application("a2", "c-2027", "Gmina", "m1", T0.plusMillis(2)),
                new CompetitionApplication.ContactPerson("Ł. Wąż", "LUCJA@example.pl", "+48 600 000 001"));
        CompetitionApplication someoneElse = withContact(application("a3", "c-2027", "Spółdzielnia", "m1",
                T0.plusMillis(3)), new CompetitionApplication.ContactPerson("Anna", "anna@example.pl", null));
        CompetitionApplication otherMember = application("a4", "c-2027", "Stowarzyszenie", "m2", T0.plusMillis(4));
        for (CompetitionApplication application : List.of(named, reached, someoneElse, otherMember)) {
            competitions.addApplication(application);
        }

        new JdbiUnitOfWork(jdbi).inTransaction(() -> {
            competitions.forget("m1", "Lucja Waz", "lucja@example.pl", "[erased]");
            return null;
        });

        CompetitionApplication.ContactPerson erased = new CompetitionApplication.ContactPerson("[erased]",
                "[erased]", null);
        assertThat(competitions.findApplication("c-2027", "a1")).contains(withContact(named, erased));
        assertThat(competitions.findApplication("c-2027", "a2")).contains(withContact(reached, erased));
        assertThat(competitions.findApplication("c-2027", "a3")).contains(someoneElse);
        assertThat(competitions.findApplication("c-2027", "a4")).contains(otherMember);
    }

    private static CompetitionApplication withContact(CompetitionApplication a,
                                                      CompetitionApplication.ContactPerson contact) {
        return new CompetitionApplication(a.id(), a.competitionId(), a.institutionName(), a.runs(), a.memberId(),
                a.offer(), contact, a.applicantAccountId(), a.submittedAt());
    }

    @Test
    void anAwardIsStoredOnceAgainstTheVersionReadWithItsAccounts() {
        Competition competition = competition("c-2027", KRAJOWY, 2027);
        competitions.add(competition);
        Competition awarded = competition.awarded(new Competition.Award("a1", "Fundacja Żółty Żagiel",
                List.of("00000000-0000-0000-0000-00000000000b", "00000000-0000-0000-0000-00000000000a"),
                "Najlepsza oferta", T0.plusMillis(77)));

        assertThat(competitions.award(awarded, competition.version() + 1)).isFalse();
        assertThat(competitions.find(KRAJOWY, "c-2027")).contains(competition);
        assertThat(competitions.award(awarded, competition.version())).isTrue();
        assertThat(competitions.award(awarded.awarded(awarded.award()), awarded.version())).as("awarded once")
                .isFalse();

        Competition found = competitions.find(KRAJOWY, "c-2027").orElseThrow();
        assertThat(found.state()).isEqualTo(Competition.State.AWARDED);
        assertThat(found.award().accountIds()).containsExactly("00000000-0000-0000-0000-00000000000a",
                "00000000-0000-0000-0000-00000000000b");
        assertThat(found).usingRecursiveComparison().ignoringFields("award.accountIds").isEqualTo(awarded);
        assertThat(competitions.list(KRAJOWY, PageRequest.first(5)).items()).containsExactly(found);
    }

    @Test
    void theAccountsOfTheLatestAwardHoldSecretariatInTheirKonwentUntilTheNextAward() {
        JdbiAccounts accounts = new JdbiAccounts(jdbi);
        JdbiRoleGrants grants = new JdbiRoleGrants(jdbi, Clock.fixed(T0, ZoneOffset.UTC));
        AccountId first = account(accounts, "pierwsza", "pierwsza@example.pl", true);
        AccountId second = account(accounts, "druga", "druga@example.pl", true);
        AccountId successor = account(accounts, "nastepca", "nastepca@example.pl", true);
        Competition c2027 = competition("c-2027", KRAJOWY, 2027);
        Competition c2028 = competition("c-2028", KRAJOWY, 2028);
        Competition mazowsze = competition("c-mazowsze", MAZOWIECKI, 2027);
        competitions.add(c2027);
        competitions.add(c2028);
        competitions.add(mazowsze);
        assertThat(grants.of(first)).isEmpty();

        competitions.award(c2027.awarded(award(T0, first, second)), c2027.version());

        assertThat(grants.of(first)).singleElement().satisfies(grant -> {
            assertThat(grant.role()).isEqualTo(Role.SECRETARIAT);
            assertThat(grant.konwent()).isEqualTo(KRAJOWY);
            assertThat(grant.id()).isEqualTo(RoleGrant.AWARDED_SECRETARIAT_PREFIX + "c-2027");
        });
        assertThat(grants.find(second, "secretariat-c-2027")).isPresent();
        assertThat(grants.of(successor)).isEmpty();

        competitions.award(mazowsze.awarded(award(T0.plus(DAY), first)), mazowsze.version());
        competitions.award(c2028.awarded(award(T0.plusSeconds(1), successor)), c2028.version());

        assertThat(grants.of(successor)).extracting(RoleGrant::role, RoleGrant::konwent)
                .containsExactly(tuple(Role.SECRETARIAT, KRAJOWY));
        assertThat(grants.of(second)).isEmpty();
        assertThat(grants.of(first)).extracting(RoleGrant::konwent).containsExactly(MAZOWIECKI);
        assertThat(grants.find(first, "secretariat-c-2027")).isEmpty();
    }

    @Test
    void aWorkPlanRoundTripsOnePerKonwentAndYearAndIsReplacedAgainstTheVersionRead() {
        JdbiWorkPlans plans = new JdbiWorkPlans(jdbi);
        WorkPlan plan = new WorkPlan(KRAJOWY, 2027, List.of(new WorkPlan.Theme("Cyfryzacja", "Usługi – e-urząd"),
                new WorkPlan.Theme("Współpraca", null)), List.of(new WorkPlan.PlannedMeeting(LocalDate.of(2027, 3, 10),
                "Posiedzenie wiosenne", "Łódź"), new WorkPlan.PlannedMeeting(LocalDate.of(2027, 10, 1),
                "Posiedzenie jesienne", null)), null, T0, T0.plusMillis(1), null, 1);
        plans.add(plan);
        plans.add(new WorkPlan(KRAJOWY, 2026, List.of(), List.of(), "Uwagi", T0, T0, null, 1));
        plans.add(new WorkPlan(MAZOWIECKI, 2028, List.of(), List.of(), null, T0, T0, null, 1));

        assertThat(plans.find(KRAJOWY, 2027)).contains(plan);
        assertThat(plans.find(KRAJOWY, 2028)).isEmpty();
        assertThatThrownBy(() -> plans.add(new WorkPlan(KRAJOWY, 2027, List.of(), List.of(), null, T0, T0, null, 1)))
                .isInstanceOf(DomainException.Conflict.class);
        WorkPlan revised = plan.revised(List.of(new WorkPlan.Theme("Żłobki", "Ćwiczenia")), plan.schedule(),
                "Notatka", T0.plusSeconds(5));
        assertThat(plans.replace(revised, plan.version())).isTrue();
        WorkPlan voted = revised.votedOn("vote-1");
        assertThat(plans.replace(voted, plan.version())).isFalse();
        assertThat(plans.replace(voted, revised.version())).isTrue();
        assertThat(plans.find(KRAJOWY, 2027)).contains(voted);

        Page<WorkPlan> first = plans.list(KRAJOWY, PageRequest.first(1));
        assertThat(first.items()).extracting(WorkPlan::year).containsExactly(2027);
        Page<WorkPlan> second = plans.list(KRAJOWY, new PageRequest(1, first.nextAfter()));
        assertThat(second.items()).extracting(WorkPlan::year).containsExactly(2026);
        assertThat(second.nextAfter()).isNull();
    }

    @Test
    void aCommuniqueIsOnePerMeetingAndGoesFromDraftToSentToPublished() {
        JdbiCommuniques communiques = new JdbiCommuniques(jdbi);
        meetings.add(meeting("meeting-1", KRAJOWY, T0, null, Meeting.State.HELD));
        Communique draft = new Communique("meeting-1", KRAJOWY, "Komunikat z posiedzenia",
                "Uczestnicy przyjęli plan – źródło: Łódź.", T0.plusMillis(1), T0.plusMillis(2), null, 0, null, 1);
        communiques.add(draft);

        assertThat(communiques.find("meeting-1")).contains(draft);
        assertThat(communiques.find("meeting-2")).isEmpty();
        assertThatThrownBy(() -> communiques.add(draft)).isInstanceOf(DomainException.Conflict.class);
        Communique rewritten = draft.rewritten("Komunikat", "Nowa treść ąę", T0.plusMillis(3));
        assertThat(communiques.replace(rewritten, draft.version())).isTrue();
        assertThat(communiques.replace(draft.sent(T0, 1), draft.version())).isFalse();
        Communique sent = rewritten.sent(T0.plusMillis(4), 3);
        assertThat(communiques.replace(sent, rewritten.version())).isTrue();
        assertThat(communiques.find("meeting-1")).contains(sent);
        assertThat(sent.state()).isEqualTo(Communique.State.SENT);
        Communique published = sent.published(T0.plusMillis(5));
        assertThat(communiques.replace(published, sent.version())).isTrue();
        assertThat(communiques.find("meeting-1")).contains(published);
    }

    @Test
    void theDepartmentIsReachedAtTheEnabledDepartmentAccountsOfTheKonwentOnly() {
        JdbiAccounts accounts = new JdbiAccounts(jdbi);
        JdbiRoleGrants grants = new JdbiRoleGrants(jdbi, Clock.fixed(T0, ZoneOffset.UTC));
        AccountId zofia = account(accounts, "zofia", "zofia@example.pl", true);
        AccountId adam = account(accounts, "adam", "adam@example.pl", true);
        AccountId disabled = account(accounts, "wylaczony", "wylaczony@example.pl", false);
        AccountId noEmail = account(accounts, "bezadresu", null, true);
        AccountId secretariat = account(accounts, "sekretariat", "sekretariat@example.pl", true);
        AccountId elsewhere = account(accounts, "mazowsze", "mazowsze@example.pl", true);
        grants.add(new RoleGrant("g1", zofia, KRAJOWY, Role.DEPARTMENT, null, T0));
        grants.add(new RoleGrant("g2", zofia, KRAJOWY, Role.REPRESENTATIVE, "m1", T0));
        grants.add(new RoleGrant("g3", adam, KRAJOWY, Role.DEPARTMENT, null, T0));
        grants.add(new RoleGrant("g4", disabled, KRAJOWY, Role.DEPARTMENT, null, T0));
        grants.add(new RoleGrant("g5", noEmail, KRAJOWY, Role.DEPARTMENT, null, T0));
        grants.add(new RoleGrant("g6", secretariat, KRAJOWY, Role.SECRETARIAT, null, T0));
        grants.add(new RoleGrant("g7", elsewhere, MAZOWIECKI, Role.DEPARTMENT, null, T0));
        grants.add(new RoleGrant("g8", adam, null, Role.ADMIN, null, T0));

        JdbiRecipients recipients = new JdbiRecipients(jdbi);

        assertThat(recipients.department(KRAJOWY)).containsExactly("adam@example.pl", "zofia@example.pl");
        assertThat(recipients.department(MAZOWIECKI)).containsExactly("mazowsze@example.pl");
        assertThat(recipients.department(new KonwentId("pusty"))).isEmpty();
    }

    private Meeting.Registered registered(String meetingId) {
        return meetings.find(KRAJOWY, meetingId).orElseThrow().registered();
    }

    private static List<String> ids(Page<Meeting> page) {
        return page.items().stream().map(Meeting::id).toList();
    }

    private static Meeting meeting(String id, KonwentId konwent, Instant startsAt, Integer capacity,
                                   Meeting.State state) {
        return new Meeting(id, konwent, new Meeting.Details("Posiedzenie " + id, startsAt, startsAt.plusSeconds(7200),
                new Meeting.Venue("Sala", "Warszawa"), null, "Zakres", List.of(), 3, capacity, null), state,
                null, null, null, null, Meeting.Registered.NONE, null, T0, 1);
    }

    private static Registration registration(String meetingId, String memberId, Instant at,
                                             List<Registration.Delegate> persons) {
        return new Registration(meetingId, memberId, name(memberId), persons, at, at, 1);
    }

    private static List<Registration.Delegate> delegates(int count) {
        List<Registration.Delegate> persons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            persons.add(new Registration.Delegate("Osoba " + i, i % 2 == 0 ? Presence.Mode.IN_PERSON
                    : Presence.Mode.ONLINE));
        }
        return persons;
    }

    private static Competition competition(String id, KonwentId konwent, int year) {
        return new Competition(id, konwent, year, "Konkurs na organizatora " + year, "Opis – ąęśćż",
                new BigDecimal("125000.50"), T0.plus(DAY.multipliedBy(30)), null, T0.plusMillis(year), 1);
    }

    private static Competition.Award award(Instant at, AccountId... accounts) {
        return new Competition.Award("a1", "Fundacja", Arrays.stream(accounts).map(AccountId::value).toList(),
                "Uzasadnienie", at);
    }

    private static CompetitionApplication application(String id, String competitionId, String institution,
                                                      String memberId, Instant at) {
        return new CompetitionApplication(id, competitionId, institution, List.of(
                new CompetitionApplication.Unit(MemberKind.CIS, "CIS Świdnica"),
                new CompetitionApplication.Unit(MemberKind.KIS, "KIS Świdnica")), memberId, "Oferta: sala na 120 osób",
                new CompetitionApplication.ContactPerson("Łucja Wąż", "lucja@example.pl", "+48 600 000 000"),
                "00000000-0000-0000-0000-00000000000a", at);
    }

    private static AccountId account(JdbiAccounts accounts, String username, String email, boolean enabled) {
        AccountId id = new AccountId(UUID.nameUUIDFromBytes(username.getBytes()).toString());
        accounts.add(new Account(id, username, username, email, "hash", enabled, T0, T0, 1), null);
        return id;
    }

    private static String name(String memberId) {
        return "Centrum Społeczne " + memberId;
    }

    private static Member member(String id) {
        Address seat = new Address("ul. Społeczna 1", "00-001", "Warszawa", null);
        return new Member(id, KRAJOWY, name(id), MemberKind.CIS, new Contact(seat, null, null,
                new FoundingInstitution("Gmina", seat, null, null), List.of()), Member.Status.ACTIVE, T0, null, null,
                null, 1);
    }
}
