package pl.konwent.domain.council;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.DomainException;

/**
 * The programme council of one calendar year (C1, C2): exactly the charter's number of seats, each held by a
 * different member, plus the department's non-voting consultant; the first term is appointed by the department,
 * later ones elected ({@code electionId} names the election that installed it). {@code officers} are null until
 * the council elects its chair and deputy (C3). C5: a term serves its period, from 1 January of {@code year}
 * through 31 December of {@code endYear} (Poland's calendar), unless a later term's year has begun first;
 * {@code endYear} is fixed from the charter's {@code termYears} when the term is installed, so a later charter
 * change neither shortens nor lengthens a sitting term (as V5 keeps a vote's rules).
 */
public record CouncilTerm(KonwentId konwent, int year, int endYear, Origin origin, String electionId, List<Seat> seats,
                          String consultantName, Officers officers, Instant installedAt, long version) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public enum Origin { APPOINTED, ELECTED }

    public CouncilTerm {
        Objects.requireNonNull(konwent, "konwent");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(consultantName, "consultantName");
        Objects.requireNonNull(installedAt, "installedAt");
        if (endYear < year) {
            throw new IllegalArgumentException("A term ends in its own year or later: " + year + "–" + endYear);
        }
        seats = List.copyOf(seats);
    }

    /** C1: the seats the charter sets, one per member; a forum's seats go to regional konwents, others' to CIS/KIS. */
    public static CouncilTerm of(KonwentId konwent, int year, Origin origin, String electionId, List<Seat> seats,
                                 String consultantName, Charter charter, Instant installedAt) {
        if (seats.size() != charter.councilSize()) {
            throw new DomainException.RuleViolation("C1", "The council has " + charter.councilSize()
                    + " seats for member representatives; " + seats.size() + " were given");
        }
        Set<String> members = new HashSet<>();
        for (Seat seat : seats) {
            if (!members.add(seat.memberId())) {
                throw new DomainException.RuleViolation("C1", "Member '" + seat.memberId() + "' holds one seat only");
            }
            requireEligible(seat.memberId(), seat.kind(), charter);
        }
        return new CouncilTerm(konwent, year, endYear(year, charter), origin, electionId, seats, consultantName, null,
                installedAt, 1);
    }

    /** C5: the last calendar year of a term of {@code year}: its period is the charter's {@code termYears}. */
    public static int endYear(int year, Charter charter) {
        return year + charter.termYears() - 1;
    }

    /** C5: the last day of the term's period, 31 December of its end year. */
    public LocalDate endsOn() {
        return LocalDate.of(endYear, 12, 31);
    }

    /**
     * C5: whether the term's period covers the calendar year: from its own year through its end year. Once the
     * period is over the term is not in office, whether or not a successor has been installed.
     */
    public boolean servesIn(int calendarYear) {
        return calendarYear >= year && calendarYear <= endYear;
    }

    /**
     * C5: an expiring term is flagged in advance: in office on {@code today} and ending within the last
     * {@code noticeDays} days of its period (today and the last day counted; 0 flags nothing).
     */
    public boolean expiresWithin(LocalDate today, int noticeDays) {
        return servesIn(today.getYear()) && ChronoUnit.DAYS.between(today, endsOn()) < noticeDays;
    }

    /** C1: with alternation on (a konwent of CIS and KIS) seats go to representatives of member CIS and KIS. */
    public static void requireEligible(String memberId, MemberKind kind, Charter charter) {
        if (charter.alternation() && kind == MemberKind.REGIONAL_KONWENT) {
            throw new DomainException.RuleViolation("C1", "Council seats go to representatives of member CIS and "
                    + "KIS; member '" + memberId + "' is a " + kind);
        }
    }

    /**
     * C3 and C4: the council elects its chair and deputy from its own seats; with alternation on in the charter
     * they must keep C4 against the officers of the term before and, if already chosen, of the term after.
     */
    public CouncilTerm withOfficers(Officers elected, CouncilTerm previous, CouncilTerm next, Charter charter) {
        if (!seats.contains(elected.chair()) || !seats.contains(elected.deputy())) {
            throw new DomainException.RuleViolation("C3", "The chair and the deputy are elected from the council's "
                    + "own seats");
        }
        if (elected.chair().memberId().equals(elected.deputy().memberId())) {
            throw new DomainException.RuleViolation("C3", "The chair and the deputy are two different members");
        }
        if (charter.alternation()) {
            Alternation.require(elected, previous == null ? null : previous.officers());
            if (next != null && next.officers() != null) {
                Alternation.requireSwapBefore(elected, next.year(), next.officers());
            }
        }
        return new CouncilTerm(konwent, year, endYear, origin, electionId, seats, consultantName, elected,
                installedAt, version + 1);
    }

    /** The seat a member holds in this term, if any. */
    public java.util.Optional<Seat> seatOf(String memberId) {
        return seats.stream().filter(seat -> seat.memberId().equals(memberId)).findFirst();
    }
}
