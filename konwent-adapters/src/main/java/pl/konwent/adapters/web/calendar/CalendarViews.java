package pl.konwent.adapters.web.calendar;

import java.time.Instant;
import java.time.LocalDate;
import pl.konwent.domain.calendar.CalendarService;
import pl.konwent.domain.calendar.CalendarTask;
import pl.konwent.domain.calendar.Obligation;

/** The konwent's calendar as the API shows and takes it. */
public final class CalendarViews {
    private CalendarViews() {
    }

    /** One obligation; {@code taskId} is set for a TASK, the rest name what they follow by {@code subjectId}. */
    public record ObligationView(String id, String kind, String title, String description, LocalDate dueOn,
                                 String status, String visibility, String subjectId) {
        static ObligationView of(Obligation o) {
            return new ObligationView(o.id(), o.kind().name(), o.title(), o.description(), o.dueOn(),
                    o.status().name(), o.isPublic() ? "PUBLIC" : "INTERNAL", o.subjectId());
        }
    }

    public record TaskRequest(String title, String description, String dueOn, String visibility) {
        CalendarService.TaskInput toInput() {
            return new CalendarService.TaskInput(title, description, dueOn, visibility);
        }
    }

    public record TaskView(String id, String konwentId, String title, String description, LocalDate dueOn,
                           String visibility, String status, Instant createdAt, Instant completedAt) {
        static TaskView of(CalendarService.TaskView view) {
            CalendarTask t = view.task();
            return new TaskView(t.id(), t.konwent().value(), t.title(), t.description(), t.dueOn(),
                    t.visibility().name(), view.status().name(), t.createdAt(), t.completedAt());
        }
    }
}
