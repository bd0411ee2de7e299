package pl.konwent.domain.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.council.CouncilTerms;
import pl.konwent.domain.integration.EventType;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.meetings.Communiques;
import pl.konwent.domain.meetings.Competitions;
import pl.konwent.domain.meetings.Meetings;
import pl.konwent.domain.meetings.Recipients;
import pl.konwent.domain.meetings.WorkPlan;
import pl.konwent.domain.meetings.WorkPlanService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.Mail;
import pl.konwent.domain.shared.Outbox;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.shared.Times;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * The konwent's calendar (issue 23): its dated obligations as a list with filters and as the public part of the
 * iCalendar feed; the tasks the council and the department add, complete and delete; and the reminders sent
 * {@link CalendarRules#reminderDays} before each due day, by e-mail to the department's accounts and as an
 * {@code obligation.due} webhook event (public obligations only: webhooks carry public facts), once per
 * obligation and due day for all instances together.
 */
public final class CalendarService {
    /** What the list is narrowed to; nulls mean no filter. {@code from}/{@code to} bound the due day, inclusive. */
    public record Filter(String from, String to, String kind, String status) {
    }

    public record TaskInput(String title, String description, String dueOn, String visibility) {
    }

    /** A task with its calendar status on the day it is read. */
    public record TaskView(CalendarTask task, Obligation.Status status) {
    }

    /** Who adds, completes and deletes tasks (ADMIN too, as everywhere). */
    private static final Role[] KEEPERS = {Role.COUNCIL, Role.DEPARTMENT};
    /** Who sees INTERNAL tasks besides the keepers: the secretariat that runs the meetings. */
    private static final Role[] READERS = {Role.COUNCIL, Role.DEPARTMENT, Role.SECRETARIAT};
    /** How far back the iCalendar feed reaches, as for meetings. */
    private static final int FEED_DAYS_BACK = 366;

    /** What the calendar reads, apart from the konwent and its tasks. */
    public record Sources(CouncilTerms terms, Competitions competitions, WorkPlanService workPlans,
                          Meetings meetings, Communiques communiques) {
    }

    /** Where reminders go. */
    public record Announcing(Reminders reminders, Recipients recipients, Outbox outbox, Events events) {
    }

    private final KonwentService konwents;
    private final Sources sources;
    private final CalendarTasks tasks;
    private final Announcing announcing;
    private final CalendarRules rules;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;

    public CalendarService(KonwentService konwents, Sources sources, CalendarTasks tasks, Announcing announcing,
                           CalendarRules rules, UnitOfWork unitOfWork, IdSource ids, Clock clock) {
        this.konwents = konwents;
        this.sources = sources;
        this.tasks = tasks;
        this.announcing = announcing;
        this.rules = rules;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** The obligations the caller may see, earliest due first, narrowed by the filter. */
    public Page<Obligation> list(Optional<Caller> caller, String konwentId, Filter filter, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        LocalDate from = filter.from() == null ? null : Times.date(errors, "from", filter.from());
        LocalDate to = filter.to() == null ? null : Times.date(errors, "to", filter.to());
        Obligation.Kind kind = errors.parseOptional("kind", filter.kind(),
                () -> parse(Obligation.Kind.class, filter.kind()));
        Obligation.Status status = errors.parseOptional("status", filter.status(),
                () -> parse(Obligation.Status.class, filter.status()));
        errors.check(page.after() == null || page.after().matches("\\d{4}-\\d{2}-\\d{2}\\|.+"), "cursor",
                "is not a cursor of this list");
        errors.throwIfAny();
        boolean insider = Access.holdsAny(caller, konwent.id(), READERS);
        List<Obligation> chosen = obligations(konwent, today()).stream()
                .filter(o -> insider || o.isPublic())
                .filter(o -> from == null || !o.dueOn().isBefore(from))
                .filter(o -> to == null || !o.dueOn().isAfter(to))
                .filter(o -> kind == null || o.kind() == kind)
                .filter(o -> status == null || o.status() == status)
                .filter(o -> page.after() == null || o.pageKey().compareTo(page.after()) > 0)
                .limit(page.limit() + 1L)
                .toList();
        return Page.fromOverfetch(chosen, page.limit(), Obligation::pageKey);
    }

    /** The public obligations due from a year ago on, for the konwent's iCalendar feed. */
    public List<Obligation> published(Konwent konwent) {
        LocalDate today = today();
        LocalDate since = today.minusDays(FEED_DAYS_BACK);
        return obligations(konwent, today).stream().filter(Obligation::isPublic)
                .filter(o -> !o.dueOn().isBefore(since)).toList();
    }

    /** How many days before its due day an obligation is announced (and a feed's alarm rings). */
    public int reminderDays() {
        return rules.reminderDays();
    }

    public TaskView addTask(Optional<Caller> caller, String konwentId, TaskInput input) {
        Caller keeper = Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), KEEPERS);
        FieldErrors errors = new FieldErrors();
        String title = errors.requireText("title", input.title(), 300);
        String description = errors.optionalText("description", input.description(), 5000);
        LocalDate dueOn = Times.date(errors, "dueOn", input.dueOn());
        CalendarTask.Visibility visibility = input.visibility() == null ? CalendarTask.Visibility.INTERNAL
                : errors.parse("visibility", () -> parse(CalendarTask.Visibility.class, input.visibility()));
        errors.throwIfAny();
        CalendarTask task = new CalendarTask(ids.newId().toString(), konwent.id(), title, description, dueOn,
                visibility, keeper.id().toString(), clock.instant(), null, 1);
        return unitOfWork.inTransaction(() -> {
            tasks.add(task);
            return view(task);
        });
    }

    /** A PUBLIC task for anyone; an INTERNAL one for the konwent's roles only (404 to others, not 403). */
    public TaskView task(Optional<Caller> caller, String konwentId, String taskId) {
        Konwent konwent = konwents.get(konwentId);
        CalendarTask task = find(konwent, taskId);
        if (task.visibility() == CalendarTask.Visibility.INTERNAL && !Access.holdsAny(caller, konwent.id(), READERS)) {
            throw notFound(konwent, taskId);
        }
        return view(task);
    }

    public TaskView complete(Optional<Caller> caller, String konwentId, String taskId) {
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), KEEPERS);
        return unitOfWork.inTransaction(() -> {
            CalendarTask task = find(konwent, taskId);
            if (task.completed()) {
                throw new DomainException.Conflict("Task '" + taskId + "' was completed on " + task.completedAt());
            }
            CalendarTask done = task.completedOn(clock.instant());
            if (!tasks.replace(done, task.version())) {
                throw new DomainException.Conflict("Task '" + taskId + "' changed meanwhile; read it again");
            }
            return view(done);
        });
    }

    public void delete(Optional<Caller> caller, String konwentId, String taskId) {
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), KEEPERS);
        unitOfWork.inTransaction(() -> {
            if (!tasks.delete(konwent.id(), taskId)) {
                throw notFound(konwent, taskId);
            }
            return null;
        });
    }

    /**
     * Sends every reminder due today that no instance has sent: run every so often by each instance. Each goes in
     * a transaction of its own that first claims it ({@link Reminders#claim}), so a reminder is sent once however
     * many instances run this at once, and one that failed is tried again on the next run. Answers how many this
     * call sent.
     */
    public int remindDue() {
        LocalDate today = today();
        int sent = 0;
        for (Konwent konwent : all(konwents::list)) {
            for (Obligation obligation : obligations(konwent, today)) {
                if (obligation.remindOn(today, rules.reminderDays()) && remind(konwent, obligation, today)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean remind(Konwent konwent, Obligation obligation, LocalDate today) {
        return unitOfWork.inTransaction(() -> {
            if (!announcing.reminders().claim(konwent.id(), obligation.id(), obligation.dueOn(), clock.instant())) {
                return false;
            }
            long daysLeft = ChronoUnit.DAYS.between(today, obligation.dueOn());
            announcing.outbox().enqueue(announcing.recipients().department(konwent.id()).stream()
                    .map(to -> reminderMail(konwent, obligation, daysLeft, to)).toList());
            if (obligation.isPublic()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("obligationId", obligation.id());
                data.put("kind", obligation.kind().name());
                data.put("title", obligation.title());
                data.put("dueOn", obligation.dueOn().toString());
                data.put("daysLeft", daysLeft);
                announcing.events().publish(new Events.Event(EventType.OBLIGATION_DUE.wireName(),
                        konwent.id().value(), obligation.id(), clock.instant(), data));
            }
            return true;
        });
    }

    private static Mail reminderMail(Konwent konwent, Obligation obligation, long daysLeft, String to) {
        String when = daysLeft == 0 ? "dziś" : "za " + daysLeft + (daysLeft == 1 ? " dzień" : " dni");
        StringBuilder body = new StringBuilder()
                .append(konwent.name()).append("\n\n")
                .append(obligation.title()).append('\n')
                .append("Termin: ").append(obligation.dueOn()).append(" (").append(when).append(")\n");
        if (obligation.description() != null) {
            body.append('\n').append(obligation.description()).append('\n');
        }
        body.append("\nPrzypomnienie z kalendarza Konwentu (").append(obligation.id()).append(").\n");
        return new Mail(to, "Przypomnienie: " + obligation.title() + " – termin " + obligation.dueOn(),
                body.toString());
    }

    /** The whole calendar of the konwent on {@code today}, computed afresh from what it follows. */
    private List<Obligation> obligations(Konwent konwent, LocalDate today) {
        List<pl.konwent.domain.meetings.Meeting> meetings = all(page -> sources.meetings().list(konwent.id(),
                new Meetings.Filter(null, null, null), page));
        Set<String> sent = new HashSet<>();
        for (pl.konwent.domain.meetings.Meeting meeting : meetings) {
            sources.communiques().find(meeting.id()).filter(c -> c.sentAt() != null)
                    .ifPresent(c -> sent.add(meeting.id()));
        }
        Set<Integer> adopted = all(page -> sources.workPlans().list(Optional.empty(), konwent.id().value(), page))
                .stream().filter(view -> view.state() == WorkPlan.State.ADOPTED)
                .map(view -> view.plan().year()).collect(Collectors.toSet());
        return Obligations.of(new Obligations.Sources(konwent,
                all(page -> sources.terms().list(konwent.id(), page)),
                all(page -> sources.competitions().list(konwent.id(), page)),
                adopted, meetings, sent, tasks.all(konwent.id())), rules, today);
    }

    private CalendarTask find(Konwent konwent, String taskId) {
        return tasks.find(konwent.id(), taskId).orElseThrow(() -> notFound(konwent, taskId));
    }

    private TaskView view(CalendarTask task) {
        return new TaskView(task, task.asObligation(today()).status());
    }

    private LocalDate today() {
        return PolishTime.today(clock);
    }

    private static DomainException.NotFound notFound(Konwent konwent, String taskId) {
        return new DomainException.NotFound("No task '" + taskId + "' in the calendar of konwent '" + konwent.id()
                + "'");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(raw)) {
                return value;
            }
        }
        throw new InvalidValue("must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }

    /** Every item of a paged list. */
    private static <T> List<T> all(Function<PageRequest, Page<T>> read) {
        List<T> items = new ArrayList<>();
        String after = null;
        do {
            Page<T> page = read.apply(new PageRequest(PageRequest.MAX_LIMIT, after));
            items.addAll(page.items());
            after = page.nextAfter();
        } while (after != null);
        return items;
    }
}
