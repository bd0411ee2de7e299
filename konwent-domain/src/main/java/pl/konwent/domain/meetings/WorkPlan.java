package pl.konwent.domain.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import pl.konwent.domain.konwent.KonwentId;

/**
 * O5: the yearly work plan and schedule the council proposes: themes and the planned meeting dates. The members
 * adopt it by a WORK_PLAN vote ({@code voteId}, the latest one called on it); its state follows that vote.
 */
public record WorkPlan(KonwentId konwent, int year, List<Theme> themes, List<PlannedMeeting> schedule,
                       String notes, Instant proposedAt, Instant updatedAt, String voteId, long version) {
    public WorkPlan {
        themes = List.copyOf(themes);
        schedule = List.copyOf(schedule);
    }

    /** PROPOSED (no vote, or one still a draft), VOTING, ADOPTED or REJECTED, as its vote decided. */
    public enum State { PROPOSED, VOTING, ADOPTED, REJECTED }

    public record Theme(String title, String description) {
    }

    public record PlannedMeeting(LocalDate plannedOn, String title, String place) {
    }

    public WorkPlan revised(List<Theme> changedThemes, List<PlannedMeeting> changedSchedule, String changedNotes,
                            Instant at) {
        return new WorkPlan(konwent, year, changedThemes, changedSchedule, changedNotes, proposedAt, at, null,
                version + 1);
    }

    public WorkPlan votedOn(String vote) {
        return new WorkPlan(konwent, year, themes, schedule, notes, proposedAt, updatedAt, vote, version + 1);
    }

    /** The plan as the text members vote on. */
    public String asText() {
        StringBuilder text = new StringBuilder("Plan pracy i harmonogram posiedzeń na rok ").append(year).append("\n");
        text.append("\nTematy:\n");
        for (int i = 0; i < themes.size(); i++) {
            Theme theme = themes.get(i);
            text.append(i + 1).append(". ").append(theme.title());
            if (theme.description() != null) {
                text.append(" – ").append(theme.description());
            }
            text.append('\n');
        }
        text.append("\nHarmonogram posiedzeń:\n");
        for (PlannedMeeting meeting : schedule) {
            text.append("- ").append(meeting.plannedOn()).append(": ").append(meeting.title());
            if (meeting.place() != null) {
                text.append(" (").append(meeting.place()).append(')');
            }
            text.append('\n');
        }
        if (notes != null) {
            text.append('\n').append(notes).append('\n');
        }
        return text.toString();
    }
}
