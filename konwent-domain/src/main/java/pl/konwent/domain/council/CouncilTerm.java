package pl.konwent.domain.council;

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
 * later ones elected. {@code officers} are null until the council elects its chair and deputy (C3).
 */
public record CouncilTerm(KonwentId konwent, int year, Origin origin, List<Seat> seats, String consultantName,
                          Officers officers) {

    public enum Origin { APPOINTED, ELECTED }

    public CouncilTerm {
        Objects.requireNonNull(konwent, "konwent");
        Objects.requireNonNull(origin, "origin");
        seats = List.copyOf(seats);
    }

    /** C1: the seats the charter sets, one per member; a forum's seats go to regional konwents, others' to CIS/KIS. */
    public static CouncilTerm of(KonwentId konwent, int year, Origin origin, List<Seat> seats, String consultantName,
                                 Charter charter) {
        if (seats.size() != charter.councilSize()) {
            throw new DomainException.RuleViolation("C1", "The council has " + charter.councilSize()
                    + " seats for member representatives; " + seats.size() + " were given");
        }
        Set<String> members = new HashSet<>();
        for (Seat seat : seats) {
            if (!members.add(seat.memberId())) {
                throw new DomainException.RuleViolation("C1", "Member '" + seat.memberId() + "' holds one seat only");
            }
            if (charter.alternation() && seat.kind() == MemberKind.REGIONAL_KONWENT) {
                throw new DomainException.RuleViolation("C1", "Seats go to representatives of member CIS and KIS");
            }
        }
        return new CouncilTerm(konwent, year, origin, seats, consultantName, null);
    }

    /**
     * C3 and C4: the council elects its chair and deputy from its own seats; with alternation on in the charter
     * they must keep C4 against last year's officers.
     */
    public CouncilTerm withOfficers(Officers elected, CouncilTerm previousYear, Charter charter) {
        if (!seats.contains(elected.chair()) || !seats.contains(elected.deputy())) {
            throw new DomainException.RuleViolation("C3", "The chair and the deputy are elected from the council's "
                    + "own seats");
        }
        if (elected.chair().memberId().equals(elected.deputy().memberId())) {
            throw new DomainException.RuleViolation("C3", "The chair and the deputy are two different members");
        }
        if (charter.alternation()) {
            Alternation.require(elected, previousYear == null ? null : previousYear.officers());
        }
        return new CouncilTerm(konwent, year, origin, seats, consultantName, elected);
    }
}
