package pl.konwent.domain.calendar;

import pl.konwent.domain.shared.InvalidValue;

/**
 * The installation's settings for the calendar, where the seeds give no date (configuration, section
 * {@code calendar}): reminders go out {@code reminderDays} before a due day; a meeting's communiqué is due
 * {@code communiqueDays} after the meeting ends (O2 says only "after each meeting"); a competition is to be awarded
 * {@code awardDays} after its deadline (O1); a council elects its officers within {@code officersDays} of its term
 * beginning (C3). The work plan of a year is due on 31 December of the year before (O5: a schedule for the year
 * must exist when it begins) and the next council's election by the day the term ends (C2, C5).
 */
public record CalendarRules(int reminderDays, int communiqueDays, int awardDays, int officersDays) {
    public static final int MAX_DAYS = 366;

    public CalendarRules {
        for (int days : new int[] {reminderDays, communiqueDays, awardDays, officersDays}) {
            if (days < 0 || days > MAX_DAYS) {
                throw new InvalidValue("calendar days must be between 0 and " + MAX_DAYS);
            }
        }
    }

    /** A week's notice, a communiqué within two weeks, an award within 30 days, officers by the end of January. */
    public static CalendarRules defaults() {
        return new CalendarRules(7, 14, 30, 30);
    }
}
