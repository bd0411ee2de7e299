package pl.konwent.domain.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.konwent.domain.calendar.Obligation.Kind;
import pl.konwent.domain.council.CouncilTerm;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.meetings.Competition;
import pl.konwent.domain.meetings.Meeting;
import pl.konwent.domain.shared.PolishTime;

/**
 * Computes a konwent's calendar from what is stored: nothing but the tasks is copied, so every date and status
 * follows the data it comes from (issue 23). The dates the seeds leave open come from {@link CalendarRules}.
 */
public final class Obligations {
    /** Everything the calendar is computed from, read in one go. */
    public record Sources(Konwent konwent, List<CouncilTerm> terms, List<Competition> competitions,
                          Set<Integer> adoptedPlanYears, List<Meeting> meetings, Set<String> communiquesSent,
                          List<CalendarTask> tasks) {
    }

    private Obligations() {
    }

    /** The konwent's obligations on {@code today}, earliest due first (ties by id). */
    public static List<Obligation> of(Sources sources, CalendarRules rules, LocalDate today) {
        List<Obligation> all = new ArrayList<>();
        Konwent konwent = sources.konwent();
        if (konwent.declarationDeadline() != null) {
            LocalDate due = konwent.declarationDeadline();
            // M3
            all.add(new Obligation("DECLARATIONS_CLOSE:" + due, Kind.DECLARATIONS_CLOSE,
                    "Koniec przyjmowania deklaracji przystąpienia", null, due, Obligation.deadline(due, today), true,
                    konwent.id().value()));
        }
        for (Competition competition : sources.competitions()) {
            competition(competition, rules, today, all);
        }
        for (CouncilTerm term : sources.terms()) {
            term(term, sources, rules, today, all);
        }
        for (Meeting meeting : sources.meetings()) {
            if (meeting.state() != Meeting.State.CANCELLED) {
                // O2: the organiser writes the communiqué after each meeting and sends it to the department
                LocalDate due = meeting.details().endsAt().atZone(PolishTime.ZONE).toLocalDate()
                        .plusDays(rules.communiqueDays());
                all.add(new Obligation("COMMUNIQUE:" + meeting.id(), Kind.COMMUNIQUE,
                        "Komunikat z posiedzenia: " + meeting.details().title(), null, due,
                        Obligation.duty(sources.communiquesSent().contains(meeting.id()), due, today), true,
                        meeting.id()));
            }
        }
        for (CalendarTask task : sources.tasks()) {
            all.add(task.asObligation(today));
        }
        // terms cut short by a successor may both name the same year's work plan or election: listed once
        Map<String, Obligation> once = new LinkedHashMap<>();
        all.forEach(obligation -> once.putIfAbsent(obligation.id(), obligation));
        List<Obligation> sorted = new ArrayList<>(once.values());
        sorted.sort(Comparator.comparing(Obligation::dueOn).thenComparing(Obligation::id));
        return sorted;
    }

    /** O1: applications close at the deadline; the department then awards the competition. */
    private static void competition(Competition competition, CalendarRules rules, LocalDate today,
                                    List<Obligation> all) {
        LocalDate deadline = competition.deadline().atZone(PolishTime.ZONE).toLocalDate();
        boolean awarded = competition.award() != null;
        all.add(new Obligation("COMPETITION_DEADLINE:" + competition.id(), Kind.COMPETITION_DEADLINE,
                "Termin składania ofert: " + competition.title(), null, deadline,
                awarded ? Obligation.Status.DONE : Obligation.deadline(deadline, today), true, competition.id()));
        LocalDate award = deadline.plusDays(rules.awardDays());
        all.add(new Obligation("COMPETITION_AWARD:" + competition.id(), Kind.COMPETITION_AWARD,
                "Rozstrzygnięcie konkursu: " + competition.title(), null, award,
                Obligation.duty(awarded, award, today), true, competition.id()));
    }

    /**
     * C5: the term ends with its period; C2: the council of the following year is to be elected by then; C3: the
     * council elects its officers early in its term; O5: while it serves it proposes each next year's work plan.
     */
    private static void term(CouncilTerm term, Sources sources, CalendarRules rules, LocalDate today,
                             List<Obligation> all) {
        String years = term.year() == term.endYear() ? Integer.toString(term.year())
                : term.year() + "–" + term.endYear();
        String subject = Integer.toString(term.year());
        all.add(new Obligation("TERM_END:" + term.year(), Kind.TERM_END,
                "Koniec kadencji Rady Programowej " + years, null, term.endsOn(),
                Obligation.deadline(term.endsOn(), today), true, subject));
        int next = term.endYear() + 1;
        boolean successor = sources.terms().stream().anyMatch(t -> t.year() > term.year() && t.year() <= next);
        all.add(new Obligation("ELECTION:" + next, Kind.ELECTION, "Wybór Rady Programowej na rok " + next, null,
                term.endsOn(), Obligation.duty(successor, term.endsOn(), today), true, subject));
        LocalDate officersDue = LocalDate.of(term.year(), 1, 1).plusDays(rules.officersDays());
        all.add(new Obligation("OFFICERS:" + term.year(), Kind.OFFICERS,
                "Wybór przewodniczącego posiedzeń i zastępcy (" + years + ")", null, officersDue,
                Obligation.duty(term.officers() != null, officersDue, today), true, subject));
        for (int year = term.year(); year <= term.endYear(); year++) {
            LocalDate due = LocalDate.of(year, 12, 31);
            all.add(new Obligation("WORK_PLAN:" + (year + 1), Kind.WORK_PLAN,
                    "Plan pracy i harmonogram posiedzeń na rok " + (year + 1), null, due,
                    Obligation.duty(sources.adoptedPlanYears().contains(year + 1), due, today), true, subject));
        }
    }
}
