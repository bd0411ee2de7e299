package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;
import pl.konwent.domain.calendar.CalendarRules;
import pl.konwent.domain.calendar.CalendarService;

/**
 * The konwents' calendar (konwent.yml, section {@code calendar}): how many days before a due day reminders go out
 * (and a feed's alarms ring; 0: neither), the dates the seeds leave open (see {@link CalendarRules}), and how often
 * each instance looks for reminders to send.
 */
public class CalendarSettings {
    @JsonProperty
    @Min(0)
    @Max(CalendarRules.MAX_DAYS)
    private int reminderDays = CalendarRules.defaults().reminderDays();

    @JsonProperty
    @Min(0)
    @Max(CalendarRules.MAX_DAYS)
    private int communiqueDays = CalendarRules.defaults().communiqueDays();

    @JsonProperty
    @Min(0)
    @Max(CalendarRules.MAX_DAYS)
    private int awardDays = CalendarRules.defaults().awardDays();

    @JsonProperty
    @Min(0)
    @Max(CalendarRules.MAX_DAYS)
    private int officersDays = CalendarRules.defaults().officersDays();

    /** How often the calendars are looked at for reminders due. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration interval = Duration.minutes(15);

    CalendarRules rules() {
        return new CalendarRules(reminderDays, communiqueDays, awardDays, officersDays);
    }

    /** Sends due reminders every {@code interval} while the server runs, on one thread of its own. */
    void manage(Environment environment, CalendarService calendar) {
        if (reminderDays > 0) {
            Periodic.every(environment, "calendar-reminders", interval, calendar::remindDue);
        }
    }
}
