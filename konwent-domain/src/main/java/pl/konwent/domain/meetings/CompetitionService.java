package pl.konwent.domain.meetings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Accounts;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.shared.Contacts;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Throttle;
import pl.konwent.domain.shared.Times;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * O1: the department announces one organiser competition a year, institutions running a CIS or KIS apply until
 * its deadline, and the department awards it. The winner's accounts hold SECRETARIAT in the konwent from the award
 * until the next one (derived from the award where roles are read, never stored as grants).
 */
public final class CompetitionService {
    public record Announcement(Integer year, String title, String description, BigDecimal grantAmount,
                               String deadline) {
    }

    public record ApplicationInput(String institutionName, List<UnitInput> runs, String memberId, String offer,
                                   ContactInput contact) {
    }

    public record UnitInput(String kind, String name) {
    }

    public record ContactInput(String name, String email, String phone) {
    }

    public record AwardInput(String applicationId, List<String> accountIds, String reason) {
    }

    static final int FIRST_YEAR = 2011;
    static final int LAST_YEAR = 2999;
    static final BigDecimal MAX_GRANT = new BigDecimal("100000000");

    private final Competitions competitions;
    private final Members members;
    private final Accounts accounts;
    private final KonwentService konwents;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;
    private final Throttle applicationsPerAddress;

    public CompetitionService(Competitions competitions, Members members, Accounts accounts, KonwentService konwents,
                              UnitOfWork unitOfWork, IdSource ids, Clock clock, Throttle applicationsPerAddress) {
        this.competitions = competitions;
        this.members = members;
        this.accounts = accounts;
        this.konwents = konwents;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.applicationsPerAddress = applicationsPerAddress;
    }

    /** O1: the department announces the competition of a year: the grant and the deadline for applications. */
    public Competition announce(Optional<Caller> caller, String konwentId, Announcement input) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.DEPARTMENT);
        FieldErrors errors = new FieldErrors();
        errors.check(input.year() != null, "year", "is required");
        errors.check(input.year() == null || input.year() >= FIRST_YEAR && input.year() <= LAST_YEAR, "year",
                "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        String title = errors.requireText("title", input.title(), 300);
        String description = errors.optionalText("description", input.description(), 20_000);
        BigDecimal grant = input.grantAmount();
        errors.check(grant != null, "grantAmount", "is required: the grant the winner receives, in PLN (O1)");
        errors.check(grant == null || grant.signum() > 0 && grant.compareTo(MAX_GRANT) < 0
                && grant.stripTrailingZeros().scale() <= 2, "grantAmount",
                "must be a positive amount in PLN with at most two decimal places");
        Instant deadline = Times.instant(errors, "deadline", input.deadline(), true);
        Instant now = now();
        errors.check(deadline == null || deadline.isAfter(now), "deadline", "must be in the future");
        errors.throwIfAny();
        Competition competition = new Competition(ids.newId().toString(), konwent.id(), input.year(), title,
                description, grant.setScale(2), deadline, null, now, 1);
        return unitOfWork.inTransaction(() -> {
            competitions.add(competition);
            return competition;
        });
    }

    public Page<Competition> list(String konwentId, PageRequest page) {
        return competitions.list(konwents.get(konwentId).id(), page);
    }

    public Competition get(String konwentId, String competitionId) {
        return find(konwents.get(konwentId), competitionId);
    }

    /**
     * O1: only an institution running a CIS or KIS may apply, member or not, until the deadline. Anyone may send
     * an application (a signed-in account is recorded as the applicant); anonymous ones are limited per address.
     */
    public CompetitionApplication apply(Optional<Caller> caller, String konwentId, String competitionId,
                                        ApplicationInput input, String address) {
        Konwent konwent = konwents.get(konwentId);
        Competition competition = find(konwent, competitionId);
        boolean anonymous = caller.isEmpty();
        long wait = anonymous ? applicationsPerAddress.waitSeconds(address) : 0;
        if (wait > 0) {
            throw new DomainException.TooManyAttempts("Too many applications from this address; try again in "
                    + wait + " s", wait);
        }
        FieldErrors errors = new FieldErrors();
        String institution = errors.requireText("institutionName", input.institutionName(), 300);
        List<CompetitionApplication.Unit> units = new ArrayList<>();
        boolean otherKind = false;
        List<UnitInput> runs = input.runs() == null ? List.of() : input.runs();
        errors.check(!runs.isEmpty(), "runs", "is required: the CIS or KIS the institution runs (O1)");
        for (int i = 0; i < runs.size(); i++) {
            UnitInput unit = runs.get(i);
            String field = "runs[" + i + "]";
            if (unit == null) {
                errors.check(false, field, "is required");
                continue;
            }
            MemberKind kind = errors.parse(field + ".kind", () -> Enums.parse(MemberKind.class, unit.kind()));
            String name = errors.requireText(field + ".name", unit.name(), 300);
            otherKind |= kind == MemberKind.REGIONAL_KONWENT;
            units.add(new CompetitionApplication.Unit(kind, name));
        }
        String memberId = errors.optionalText("memberId", input.memberId(), 64);
        if (memberId != null) {
            errors.check(members.find(konwent.id(), memberId).filter(Member::isActive).isPresent(), "memberId",
                    "is not a current member of this konwent (leave it out for an institution that is not one)");
        }
        String offer = errors.requireText("offer", input.offer(), 4000);
        CompetitionApplication.ContactPerson contact = null;
        if (input.contact() == null) {
            errors.check(false, "contact", "is required: who answers for the application");
        } else {
            String name = errors.requireText("contact.name", input.contact().name(), 200);
            String email = Contacts.email(errors, "contact.email", input.contact().email(), true);
            String phone = Contacts.phone(errors, "contact.phone", input.contact().phone(), false);
            contact = new CompetitionApplication.ContactPerson(name, email, phone);
        }
        errors.throwIfAny();
        if (otherKind) {
            throw new DomainException.RuleViolation("O1", "Only institutions running a CIS or KIS may apply to "
                    + "organise the meetings");
        }
        Instant now = now();
        if (!competition.acceptsApplications(now)) {
            throw new DomainException.Conflict("Competition '" + competitionId + "' "
                    + (competition.award() != null ? "has been awarded" : "closed at its deadline "
                    + competition.deadline()) + "; it takes no more applications");
        }
        CompetitionApplication application = new CompetitionApplication(ids.newId().toString(), competitionId,
                institution, units, memberId, offer, contact, caller.map(c -> c.id().value()).orElse(null), now);
        unitOfWork.inTransaction(() -> {
            competitions.addApplication(application);
            return null;
        });
        if (anonymous) {
            applicationsPerAddress.record(address);
        }
        return application;
    }

    /** Applications carry personal data: the department reads them. */
    public Page<CompetitionApplication> applications(Optional<Caller> caller, String konwentId,
                                                     String competitionId, PageRequest page) {
        Konwent konwent = departmentOf(caller, konwentId);
        return competitions.applications(find(konwent, competitionId).id(), page);
    }

    public CompetitionApplication application(Optional<Caller> caller, String konwentId, String competitionId,
                                              String applicationId) {
        Konwent konwent = departmentOf(caller, konwentId);
        return findApplication(find(konwent, competitionId), applicationId);
    }

    /**
     * O1: after the deadline the department awards the competition to one application. The accounts named, with
     * the applicant's own, hold SECRETARIAT from now until the next award; there must be at least one.
     */
    public Competition award(Optional<Caller> caller, String konwentId, String competitionId, AwardInput input) {
        Konwent konwent = departmentOf(caller, konwentId);
        FieldErrors errors = new FieldErrors();
        String applicationId = errors.requireText("applicationId", input.applicationId(), 64);
        String reason = errors.optionalText("reason", input.reason(), 4000);
        Set<String> accountIds = new LinkedHashSet<>();
        List<String> named = input.accountIds() == null ? List.of() : input.accountIds();
        for (int i = 0; i < named.size(); i++) {
            String raw = named.get(i);
            String field = "accountIds[" + i + "]";
            AccountId id = errors.parse(field, () -> {
                if (raw == null) {
                    throw new InvalidValue("is required");
                }
                return new AccountId(raw);
            });
            if (id != null) {
                errors.check(accounts.find(id).isPresent(), field, "is not an account");
                accountIds.add(id.value());
            }
        }
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Competition competition = find(konwent, competitionId);
            if (competition.award() != null) {
                throw new DomainException.Conflict("Competition '" + competitionId + "' was awarded on "
                        + competition.award().awardedAt());
            }
            Instant now = now();
            if (now.isBefore(competition.deadline())) {
                throw new DomainException.Conflict("Applications are open until " + competition.deadline()
                        + "; the competition is awarded after its deadline");
            }
            CompetitionApplication winner = competitions.findApplication(competition.id(), applicationId)
                    .orElseThrow(() -> DomainException.InvalidInput.of("applicationId",
                            "is not an application to this competition"));
            Set<String> holders = new LinkedHashSet<>();
            if (winner.applicantAccountId() != null) {
                holders.add(winner.applicantAccountId());
            }
            holders.addAll(accountIds);
            if (holders.isEmpty()) {
                throw DomainException.InvalidInput.of("accountIds", "must name at least one account of the winner: "
                        + "its accounts run the secretariat (the application was sent without one)");
            }
            Competition awarded = competition.awarded(new Competition.Award(winner.id(), winner.institutionName(),
                    List.copyOf(holders), reason, now));
            if (!competitions.award(awarded, competition.version())) {
                throw new DomainException.Conflict("Competition '" + competitionId + "' was awarded meanwhile");
            }
            return awarded;
        });
    }

    private Konwent departmentOf(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.DEPARTMENT);
        return konwent;
    }

    private Competition find(Konwent konwent, String competitionId) {
        return competitions.find(konwent.id(), competitionId).orElseThrow(() -> new DomainException.NotFound(
                "No organiser competition '" + competitionId + "' in konwent '" + konwent.id() + "'"));
    }

    private CompetitionApplication findApplication(Competition competition, String applicationId) {
        return competitions.findApplication(competition.id(), applicationId).orElseThrow(() ->
                new DomainException.NotFound("No application '" + applicationId + "' to this competition"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
