package pl.konwent.domain.meetings;

import java.time.Instant;
import pl.konwent.domain.konwent.KonwentId;

/**
 * O2, D1: what the organiser writes after a meeting. It goes to the department ({@code sentAt}, to how many
 * addresses) and is then published; once published it no longer changes.
 */
public record Communique(String meetingId, KonwentId konwent, String title, String text, Instant writtenAt,
                         Instant updatedAt, Instant sentAt, int sentTo, Instant publishedAt, long version) {

    public enum State { DRAFT, SENT, PUBLISHED }

    /** SENT only while the department has the current text: a communiqué changed after sending is a DRAFT again. */
    public State state() {
        return publishedAt != null ? State.PUBLISHED : departmentHasCurrentText() ? State.SENT : State.DRAFT;
    }

    /** Sent, and not changed since: the department has the text that would be published. */
    public boolean departmentHasCurrentText() {
        return sentAt != null && !sentAt.isBefore(updatedAt);
    }

    public Communique rewritten(String changedTitle, String changedText, Instant at) {
        return new Communique(meetingId, konwent, changedTitle, changedText, writtenAt, at, sentAt, sentTo, null,
                version + 1);
    }

    public Communique sent(Instant at, int recipients) {
        return new Communique(meetingId, konwent, title, text, writtenAt, updatedAt, at, recipients, null,
                version + 1);
    }

    public Communique published(Instant at) {
        return new Communique(meetingId, konwent, title, text, writtenAt, updatedAt, sentAt, sentTo, at,
                version + 1);
    }
}
