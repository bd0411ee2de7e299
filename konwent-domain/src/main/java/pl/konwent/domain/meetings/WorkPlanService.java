package pl.konwent.domain.meetings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Times;
import pl.konwent.domain.shared.UnitOfWork;
import pl.konwent.domain.voting.ResolutionKind;
import pl.konwent.domain.voting.Vote;
import pl.konwent.domain.voting.VoteInput;
import pl.konwent.domain.voting.VotingService;

/**
 * O5, V2: the council proposes the year's work plan and schedule; the members adopt it by a WORK_PLAN vote, run
 * like any resolution vote. The adopted plan is public; a plan not (yet) adopted is shown to the konwent's roles.
 */
public final class WorkPlanService {
    public record PlanInput(List<ThemeInput> themes, List<PlannedMeetingInput> schedule, String notes) {
    }

    public record ThemeInput(String title, String description) {
    }

    public record PlannedMeetingInput(String plannedOn, String title, String place) {
    }

    /** How the vote on the plan is run: all optional (a named vote with the charter's majority and quorum). */
    public record VoteOptions(String meetingId, Boolean secret, String majority, BigDecimal quorum) {
    }

    /**
     * A plan with the state its vote gives it and when it was adopted; {@code draftVote} tells that a vote on it
     * is prepared but not open yet.
     */
    public record View(WorkPlan plan, WorkPlan.State state, Instant adoptedAt, boolean draftVote) {
        /** The council may change the plan, or call a vote on it, while no vote on it is prepared, running or won. */
        public boolean open() {
            return state == WorkPlan.State.REJECTED || state == WorkPlan.State.PROPOSED && !draftVote;
        }
    }

    /** The plan and whether this call created it. */
    public record Proposal(View view, boolean created) {
    }

    static final int FIRST_YEAR = 2011;
    static final int LAST_YEAR = 2999;
    private static final Role[] INSIDERS = {Role.COUNCIL, Role.SECRETARIAT, Role.DEPARTMENT, Role.REPRESENTATIVE};

    private final WorkPlans plans;
    private final VotingService voting;
    private final KonwentService konwents;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public WorkPlanService(WorkPlans plans, VotingService voting, KonwentService konwents, UnitOfWork unitOfWork,
                           Clock clock) {
        this.plans = plans;
        this.voting = voting;
        this.konwents = konwents;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** O5: the council proposes the plan of a year, or revises it while no vote is prepared or running on it. */
    public Proposal propose(Optional<Caller> caller, String konwentId, int year, PlanInput input,
                            OptionalLong expectedVersion) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.COUNCIL);
        FieldErrors errors = new FieldErrors();
        errors.check(year >= FIRST_YEAR && year <= LAST_YEAR, "year", "must be between " + FIRST_YEAR + " and "
                + LAST_YEAR);
        List<WorkPlan.Theme> themes = themes(errors, input.themes());
        List<WorkPlan.PlannedMeeting> schedule = schedule(errors, input.schedule(), year);
        String notes = errors.optionalText("notes", input.notes(), 20_000);
        errors.check(!errors.isEmpty() || new WorkPlan(konwent.id(), year, themes, schedule, notes, null, null, null, 0)
                .asText().length() <= VoteInput.MAX_TEXT, "themes", "make the plan longer than the "
                + VoteInput.MAX_TEXT + " characters the members' vote on it can take");
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Instant now = now();
            Optional<WorkPlan> existing = plans.find(konwent.id(), year);
            if (existing.isEmpty()) {
                if (expectedVersion.isPresent()) {
                    throw new DomainException.StaleVersion("There is no work plan for " + year + " to match If-Match");
                }
                WorkPlan plan = new WorkPlan(konwent.id(), year, themes, schedule, notes, now, now, null, 1);
                plans.add(plan);
                return new Proposal(new View(plan, WorkPlan.State.PROPOSED, null, false), true);
            }
            WorkPlan current = existing.get();
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new DomainException.StaleVersion("The work plan for " + year + " was changed since the "
                        + "version you sent");
            }
            requireOpen(view(konwent, current));
            WorkPlan revised = current.revised(themes, schedule, notes, now);
            if (!plans.replace(revised, current.version())) {
                throw new DomainException.Conflict("The work plan for " + year + " was changed meanwhile");
            }
            return new Proposal(new View(revised, WorkPlan.State.PROPOSED, null, false), false);
        });
    }

    /**
     * V2: the council calls the members' WORK_PLAN vote on the plan, as a draft vote to open and close through the
     * votes API; not while another vote on it is prepared, running or has adopted it.
     */
    public Vote callVote(Optional<Caller> caller, String konwentId, int year, VoteOptions options) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.COUNCIL);
        return unitOfWork.inTransaction(() -> {
            WorkPlan plan = find(konwent, year);
            requireOpen(view(konwent, plan));
            Vote vote = voting.create(caller, konwentId, new VoteInput("Plan pracy na rok " + year,
                    ResolutionKind.WORK_PLAN.name(), plan.asText(), options.secret() != null && options.secret(),
                    options.majority(), options.quorum(), options.meetingId()));
            if (!plans.replace(plan.votedOn(vote.id()), plan.version())) {
                throw new DomainException.Conflict("The work plan for " + year + " was changed meanwhile");
            }
            return vote;
        });
    }

    public View get(Optional<Caller> caller, String konwentId, int year) {
        Konwent konwent = konwents.get(konwentId);
        View view = view(konwent, find(konwent, year));
        if (view.state() != WorkPlan.State.ADOPTED && !Access.holdsAny(caller, konwent.id(), INSIDERS)) {
            throw notFound(konwent, year);
        }
        return view;
    }

    /** The plans the caller may see: adopted ones for the public, all for the konwent's roles. */
    public Page<View> list(Optional<Caller> caller, String konwentId, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        boolean insider = Access.holdsAny(caller, konwent.id(), INSIDERS);
        Page<View> views = plans.list(konwent.id(), page).map(plan -> view(konwent, plan));
        return insider ? views : views.filter(view -> view.state() == WorkPlan.State.ADOPTED);
    }

    private View view(Konwent konwent, WorkPlan plan) {
        Optional<VotingService.Result> result = plan.voteId() == null ? Optional.empty()
                : voting.findResult(konwent, plan.voteId());
        if (result.isEmpty()) {
            return new View(plan, WorkPlan.State.PROPOSED, null, false);
        }
        VotingService.Result r = result.get();
        return switch (r.vote().state()) {
            case DRAFT -> new View(plan, WorkPlan.State.PROPOSED, null, true);
            case OPEN -> new View(plan, WorkPlan.State.VOTING, null, false);
            case CLOSED -> r.tally().adopted(r.majority(), r.quorum())
                    ? new View(plan, WorkPlan.State.ADOPTED, r.vote().closedAt(), false)
                    : new View(plan, WorkPlan.State.REJECTED, null, false);
        };
    }

    private static void requireOpen(View view) {
        if (!view.open()) {
            throw new DomainException.Conflict("The work plan for " + view.plan().year() + " is " + view.state()
                    + (view.draftVote() ? " with vote '" + view.plan().voteId() + "' prepared on it (delete that "
                    + "draft vote to change the plan)" : " by vote '" + view.plan().voteId() + "'"));
        }
    }

    private static List<WorkPlan.Theme> themes(FieldErrors errors, List<ThemeInput> given) {
        errors.check(given != null && !given.isEmpty(), "themes", "is required: at least one theme");
        List<WorkPlan.Theme> themes = new ArrayList<>();
        List<ThemeInput> all = given == null ? List.of() : given;
        errors.check(all.size() <= 100, "themes", "must have at most 100 themes");
        for (int i = 0; i < all.size() && i < 100; i++) {
            ThemeInput theme = all.get(i);
            if (theme == null) {
                errors.check(false, "themes[" + i + "]", "is required");
                continue;
            }
            themes.add(new WorkPlan.Theme(errors.requireText("themes[" + i + "].title", theme.title(), 300),
                    errors.optionalText("themes[" + i + "].description", theme.description(), 5000)));
        }
        return themes;
    }

    /** O5: the schedule's meeting dates fall in the plan's year, in order. */
    private static List<WorkPlan.PlannedMeeting> schedule(FieldErrors errors, List<PlannedMeetingInput> given,
                                                          int year) {
        errors.check(given != null, "schedule", "is required: the planned meetings (may be empty)");
        List<WorkPlan.PlannedMeeting> schedule = new ArrayList<>();
        List<PlannedMeetingInput> all = given == null ? List.of() : given;
        errors.check(all.size() <= 100, "schedule", "must have at most 100 meetings");
        LocalDate previous = null;
        for (int i = 0; i < all.size() && i < 100; i++) {
            PlannedMeetingInput meeting = all.get(i);
            String field = "schedule[" + i + "]";
            if (meeting == null) {
                errors.check(false, field, "is required");
                continue;
            }
            LocalDate on = Times.date(errors, field + ".plannedOn", meeting.plannedOn());
            errors.check(on == null || on.getYear() == year, field + ".plannedOn", "must fall in " + year);
            errors.check(on == null || previous == null || !on.isBefore(previous), field + ".plannedOn",
                    "must not be before the meeting listed before it");
            previous = on == null ? previous : on;
            schedule.add(new WorkPlan.PlannedMeeting(on, errors.requireText(field + ".title", meeting.title(), 300),
                    errors.optionalText(field + ".place", meeting.place(), 300)));
        }
        return schedule;
    }

    private WorkPlan find(Konwent konwent, int year) {
        return plans.find(konwent.id(), year).orElseThrow(() -> notFound(konwent, year));
    }

    private static DomainException notFound(Konwent konwent, int year) {
        return new DomainException.NotFound("Konwent '" + konwent.id() + "' has no work plan for " + year);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
