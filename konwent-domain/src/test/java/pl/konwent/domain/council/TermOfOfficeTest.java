package pl.konwent.domain.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.konwent.Konwents;
import pl.konwent.domain.membership.CouncilPresence;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;

/** C5: a council term ends with its period, in Poland's calendar, and a lapsed term gives nobody the council. */
class TermOfOfficeTest {
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");
    private static final Instant T0 = Instant.parse("2026-01-02T10:00:00Z");
    private static final Charter YEARLY = Charter.defaults();
    private static final Charter THREE_YEARS = new Charter(Majority.SIMPLE, Quorum.HALF, true, 5, 3, true);
    private static final List<Seat> FIVE = List.of(
            new Seat("cis-torun", "CIS Toruń", MemberKind.CIS, "Małgorzata Kowalska"),
            new Seat("kis-legionowo", "KIS Legionowo", MemberKind.KIS, "Anita Świętorecka"),
            new Seat("cis-barlinek", "CIS Barlinek", MemberKind.CIS, "Iwona Nowak"),
            new Seat("kis-tczew", "KIS Tczew", MemberKind.KIS, "Jan Wiśniewski"),
            new Seat("cis-bytow", "CIS Bytów", MemberKind.CIS, "Ewa Zielińska"));

    private final InMemoryTerms terms = new InMemoryTerms();

    @Test
    void C5_termEndsWithItsPeriod() {
        CouncilTerm yearly = term(2026, YEARLY);
        assertThat(yearly.endYear()).isEqualTo(2026);
        assertThat(yearly.endsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(yearly.servesIn(2025)).isFalse();
        assertThat(yearly.servesIn(2026)).isTrue();
        assertThat(yearly.servesIn(2027)).isFalse();

        CouncilTerm longer = term(2026, THREE_YEARS);
        assertThat(longer.endsOn()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(longer.servesIn(2028)).isTrue();
        assertThat(longer.servesIn(2029)).isFalse();
    }

    @Test
    void C5_aSittingTermKeepsThePeriodItWasInstalledWith() {
        CouncilTerm installed = term(2026, THREE_YEARS);
        // the charter is shortened to yearly terms afterwards: choosing the officers does not move the end
        CouncilTerm withOfficers = installed.withOfficers(new Officers(FIVE.get(0), FIVE.get(1)), null, null, YEARLY);
        assertThat(withOfficers.endYear()).isEqualTo(2028);
    }

    @Test
    void C5_noCouncilPowersAfterTheTermLapses() {
        terms.add(term(2026, YEARLY));
        // the last minute of 2026 in Warsaw (UTC+1) is still the term's; the first of 2027 is not
        assertThat(service("2026-12-31T22:59:00Z").get("krajowy", 2026).inOffice()).isTrue();
        CouncilService.TermView lapsed = service("2026-12-31T23:00:00Z").get("krajowy", 2026);
        assertThat(lapsed.inOffice()).isFalse();
        assertThat(lapsed.expiring()).isFalse();
        assertThat(service("2030-06-01T10:00:00Z").list("krajowy", PageRequest.first(10)).items())
                .noneMatch(CouncilService.TermView::inOffice);
    }

    @Test
    void C5_departmentDecidesAgainWithNoTermInOffice() {
        CouncilPresence before = service("2025-12-31T12:00:00Z");
        terms.add(term(2026, YEARLY));
        // M2 asks this presence who decides: the council while a term is in office, the department otherwise
        assertThat(before.hasCouncil(KRAJOWY)).isFalse();
        assertThat(service("2026-07-01T10:00:00Z").hasCouncil(KRAJOWY)).isTrue();
        assertThat(service("2027-01-01T00:00:00Z").hasCouncil(KRAJOWY)).isFalse();
    }

    @Test
    void C5_aLaterTermWhoseYearHasBegunEndsTheEarlierOne() {
        terms.add(term(2026, THREE_YEARS));
        terms.add(new CouncilTerm(KRAJOWY, 2027, 2029, CouncilTerm.Origin.ELECTED, "e-2027", FIVE, "Departament",
                null, T0, 1));
        CouncilService in2027 = service("2027-03-01T10:00:00Z");
        assertThat(in2027.get("krajowy", 2026).inOffice()).isFalse();
        assertThat(in2027.get("krajowy", 2027).inOffice()).isTrue();
        assertThat(service("2026-03-01T10:00:00Z").get("krajowy", 2026).inOffice()).isTrue();
    }

    @Test
    void C5_anExpiringTermIsFlaggedInAdvance() {
        CouncilTerm term = term(2026, YEARLY);
        assertThat(term.expiresWithin(LocalDate.of(2026, 11, 1), 60)).isFalse();
        assertThat(term.expiresWithin(LocalDate.of(2026, 11, 2), 60)).isTrue();
        assertThat(term.expiresWithin(LocalDate.of(2026, 12, 31), 60)).isTrue();
        assertThat(term.expiresWithin(LocalDate.of(2027, 1, 1), 60)).isFalse();
        assertThat(term.expiresWithin(LocalDate.of(2026, 12, 31), 0)).isFalse();

        terms.add(term);
        assertThat(service("2026-10-31T12:00:00Z").get("krajowy", 2026).expiring()).isFalse();
        assertThat(service("2026-11-01T23:30:00Z").get("krajowy", 2026).expiring()).isTrue();
    }

    private static CouncilTerm term(int year, Charter charter) {
        return CouncilTerm.of(KRAJOWY, year, CouncilTerm.Origin.APPOINTED, null, FIVE, "Departament", charter, T0);
    }

    /** The service as it reads terms at {@code instant}; members are not consulted by these reads. */
    private CouncilService service(String instant) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        UnitOfWork direct = new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        Konwent krajowy = new Konwent(KRAJOWY, "Konwent", null, null, YEARLY, null, T0, T0, 1);
        Konwents konwents = new Konwents() {
            @Override
            public void add(Konwent konwent) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Konwent> find(KonwentId id) {
                return Optional.of(krajowy).filter(k -> k.id().equals(id));
            }

            @Override
            public Page<Konwent> list(PageRequest page) {
                return new Page<>(List.of(krajowy), null);
            }

            @Override
            public boolean replace(Konwent revised, long expectedVersion) {
                throw new UnsupportedOperationException();
            }
        };
        return new CouncilService(terms, null, new KonwentService(konwents, direct, clock), direct, clock,
                CouncilService.DEFAULT_EXPIRY_NOTICE_DAYS);
    }

    private static final class InMemoryTerms implements CouncilTerms {
        private final Map<Integer, CouncilTerm> byYear = new TreeMap<>();

        @Override
        public void add(CouncilTerm term) {
            byYear.put(term.year(), term);
        }

        @Override
        public Optional<CouncilTerm> find(KonwentId konwent, int year) {
            return Optional.ofNullable(byYear.get(year));
        }

        @Override
        public Optional<CouncilTerm> before(KonwentId konwent, int year) {
            return byYear.values().stream().filter(t -> t.year() < year).reduce((a, b) -> b);
        }

        @Override
        public Optional<CouncilTerm> after(KonwentId konwent, int year) {
            return byYear.values().stream().filter(t -> t.year() > year).findFirst();
        }

        @Override
        public Optional<CouncilTerm> latest(KonwentId konwent) {
            return before(konwent, Integer.MAX_VALUE);
        }

        @Override
        public Page<CouncilTerm> list(KonwentId konwent, PageRequest page) {
            return new Page<>(byYear.values().stream().sorted((a, b) -> b.year() - a.year()).toList(), null);
        }

        @Override
        public boolean replaceOfficers(CouncilTerm revised, long expectedVersion) {
            throw new UnsupportedOperationException();
        }
    }
}
