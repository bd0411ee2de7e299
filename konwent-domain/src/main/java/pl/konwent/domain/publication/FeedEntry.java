package pl.konwent.domain.publication;

import java.time.Instant;
import java.util.Objects;

/**
 * One public fact a regional portal shows (D2): a published document, a meeting, a council term, a member that
 * joined, a public task of the konwent's calendar (issue 23). {@code subjectId} is the id of what it is about in
 * its own collection (for a council term, its year).
 */
public record FeedEntry(String konwentId, Kind kind, String subjectId, String title, String summary,
                        Instant published, Instant updated) {
    public enum Kind { DOCUMENT, MEETING, COUNCIL, MEMBER, TASK }

    public FeedEntry {
        Objects.requireNonNull(konwentId, "konwentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
    }
}
