package pl.konwent.domain.council;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.membership.CouncilPresence;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * The programme council's terms (C1–C4): the department appoints the first one (C2), elections install the later
 * ones (see {@link ElectionService}), the council elects its chair and deputy (C3) keeping the alternation (C4).
 * Anyone may read the councils, present and past, with no personal data beyond the office holders' names.
 */
public final class CouncilService implements CouncilPresence {
    /** The first council as the department appoints it. */
    public record Appointment(Integer year, List<SeatInput> seats, String consultantName) {
    }

    public record SeatInput(String memberId, String holderName) {
    }

    /**
     * A term, whether it is the one in office now and whether, in office, its period ends within the notice days
     * (C5: an expiring term is flagged in advance).
     */
    public record TermView(CouncilTerm term, boolean inOffice, boolean expiring) {
    }

    /** Days before a term's end from which it shows as expiring, unless the server is set otherwise. */
    public static final int DEFAULT_EXPIRY_NOTICE_DAYS = 60;

    static final int MAX_NAME = 200;

    private final CouncilTerms terms;
    private final Members members;
    private final KonwentService konwents;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final int expiryNoticeDays;

    public CouncilService(CouncilTerms terms, Members members, KonwentService konwents, UnitOfWork unitOfWork,
                          Clock clock, int expiryNoticeDays) {
        if (expiryNoticeDays < 0) {
            throw new IllegalArgumentException("expiryNoticeDays must not be negative");
        }
        this.terms = terms;
        this.members = members;
        this.konwents = konwents;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.expiryNoticeDays = expiryNoticeDays;
    }

    /** C2: the department appoints the konwent's first council; every later one is elected. */
    public TermView appoint(Optional<Caller> caller, String konwentId, Appointment input) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.DEPARTMENT);
        FieldErrors errors = new FieldErrors();
        Integer year = input.year();
        checkYear(errors, year);
        String consultant = errors.requireText("consultantName", input.consultantName(), MAX_NAME);
        List<Seat> seats = new ArrayList<>();
        List<SeatInput> given = input.seats() == null ? List.of() : input.seats();
        errors.check(input.seats() != null, "seats", "is required");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            SeatInput seat = given.get(i);
            String field = "seats[" + i + "]";
            if (seat == null) {
                errors.check(false, field, "is required");
                continue;
            }
            String holder = errors.requireText(field + ".holderName", seat.holderName(), MAX_NAME);
            String memberId = errors.requireText(field + ".memberId", seat.memberId(), 64);
            if (memberId == null) {
                continue;
            }
            errors.check(seen.add(memberId), field + ".memberId", "names a member that already has a seat (C1)");
            Member member = currentMember(members, konwent.id(), memberId, field + ".memberId", errors);
            if (member != null && holder != null) {
                seats.add(new Seat(memberId, member.name(), member.kind(), holder));
            }
        }
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Optional<CouncilTerm> existing = terms.latest(konwent.id());
            if (existing.isPresent()) {
                throw new DomainException.RuleViolation("C2", "Only the first council is appointed; konwent '"
                        + konwent.id() + "' has had one since " + existing.get().year()
                        + ", so later councils are elected");
            }
            CouncilTerm term = CouncilTerm.of(konwent.id(), year, CouncilTerm.Origin.APPOINTED, null, seats,
                    consultant, konwent.charter(), now());
            terms.add(term);
            return view(term);
        });
    }

    public Page<TermView> list(String konwentId, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        LocalDate today = PolishTime.today(clock);
        Optional<CouncilTerm> inOffice = inOffice(konwent.id(), today);
        return terms.list(konwent.id(), page).map(term -> view(term, inOffice, today));
    }

    public TermView get(String konwentId, int year) {
        Konwent konwent = konwents.get(konwentId);
        CouncilTerm term = find(konwent, year);
        return view(term);
    }

    /**
     * C3, C4: the council records the chair and deputy it elected from its seats (the department may record them
     * for the council it appointed). With alternation on, the kinds must swap against the neighbouring years.
     */
    public TermView electOfficers(Optional<Caller> caller, String konwentId, int year, String chairMemberId,
                                  String deputyMemberId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.COUNCIL, Role.DEPARTMENT);
        FieldErrors errors = new FieldErrors();
        String chair = errors.requireText("chairMemberId", chairMemberId, 64);
        String deputy = errors.requireText("deputyMemberId", deputyMemberId, 64);
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            CouncilTerm term = find(konwent, year);
            Officers officers = new Officers(seatOf(term, chair), seatOf(term, deputy));
            CouncilTerm revised = term.withOfficers(officers, terms.before(konwent.id(), year).orElse(null),
                    terms.after(konwent.id(), year).orElse(null), konwent.charter());
            if (!terms.replaceOfficers(revised, term.version())) {
                throw new DomainException.Conflict("The council of " + year + " was changed meanwhile; try again");
            }
            return view(revised);
        });
    }

    /** M2, C5: a konwent has a council while a term is in office; before the first and after a lapse it has none. */
    @Override
    public boolean hasCouncil(KonwentId konwent) {
        return inOffice(konwent, PolishTime.today(clock)).isPresent();
    }

    /** The current (not withdrawn) member of the konwent, or null with a field error recorded. */
    static Member currentMember(Members members, KonwentId konwent, String memberId, String field,
                                FieldErrors errors) {
        Optional<Member> member = members.find(konwent, memberId).filter(Member::isActive);
        errors.check(member.isPresent(), field, "is not a current member of this konwent");
        return member.orElse(null);
    }

    static void checkYear(FieldErrors errors, Integer year) {
        errors.check(year != null, "year", "is required");
        errors.check(year == null || (year >= CouncilTerm.FIRST_YEAR && year <= CouncilTerm.LAST_YEAR), "year",
                "must be between " + CouncilTerm.FIRST_YEAR + " and " + CouncilTerm.LAST_YEAR);
    }

    /**
     * C5: the term in office on {@code today}: the latest whose year has begun, while its period lasts; none once
     * that period is over. {@code JdbiRoleGrants} applies the same rule in SQL to the COUNCIL role.
     */
    private Optional<CouncilTerm> inOffice(KonwentId konwent, LocalDate today) {
        return terms.before(konwent, today.getYear() + 1).filter(term -> term.servesIn(today.getYear()));
    }

    private TermView view(CouncilTerm term) {
        LocalDate today = PolishTime.today(clock);
        return view(term, inOffice(term.konwent(), today), today);
    }

    private TermView view(CouncilTerm term, Optional<CouncilTerm> inOffice, LocalDate today) {
        boolean serving = inOffice.map(CouncilTerm::year).equals(Optional.of(term.year()));
        return new TermView(term, serving, serving && term.expiresWithin(today, expiryNoticeDays));
    }

    private static Seat seatOf(CouncilTerm term, String memberId) {
        return term.seatOf(memberId).orElseThrow(() -> new DomainException.RuleViolation("C3", "The chair and the "
                + "deputy are elected from the council's own seats; member '" + memberId + "' has no seat in "
                + term.year()));
    }

    private CouncilTerm find(Konwent konwent, int year) {
        return terms.find(konwent.id(), year).orElseThrow(() -> new DomainException.NotFound("Konwent '"
                + konwent.id() + "' has no council for " + year));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
