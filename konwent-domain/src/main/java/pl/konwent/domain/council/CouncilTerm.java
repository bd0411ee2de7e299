package pl.konwent.domain.council;

import java.time.Instant;
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
 * the council elects its chair and deputy (C3). A term is in office from the start of its year until the next
 * term's year begins.
 */
public record CouncilTerm(KonwentId konwent, int year, Origin origin, String electionId, List<Seat> seats,
                          String consultantName, Officers officers, Instant installedAt, long version) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public enum Origin { APPOINTED, ELECTED }

    public CouncilTerm {
        Objects.requireNonNull(konwent, "konwent");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(consultantName, "consultantName");
        Objects.requireNonNull(installedAt, "installedAt");
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
        return new CouncilTerm(konwent, year, origin, electionId, seats, consultantName, null, installedAt, 1);
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
        return new CouncilTerm(konwent, year, origin, electionId, seats, consultantName, elected, installedAt,
                version + 1);
    }

    /** The seat a member holds in this term, if any. */
    public java.util.Optional<Seat> seatOf(String memberId) {
        return seats.stream().filter(seat -> seat.memberId().equals(memberId)).findFirst();
    }
}
