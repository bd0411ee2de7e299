package pl.konwent.domain.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import pl.konwent.domain.konwent.KonwentId;

/**
 * D1: a document of a konwent's archive. {@code date} is the document's own date (when it was adopted or
 * issued), {@code source} what produced it automatically (null when the department wrote it), {@code publishedAt}
 * when it last became PUBLIC (null while INTERNAL).
 */
public record Document(String id, KonwentId konwent, Content content, Source source, List<DocumentFile> files,
                       Instant createdAt, Instant updatedAt, Instant publishedAt, long version) {

    /** What the department writes, or what a vote or a communiqué gives. */
    public record Content(String title, DocumentKind kind, LocalDate date, String language, String body,
                          Visibility visibility) {
        public Content {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(visibility, "visibility");
        }
    }

    /**
     * What archived a document automatically: an adopted vote, a meeting whose communiqué was published, a
     * member's written authorisation (V4, INTERNAL), or the meeting whose minutes were drawn up (MINUTES, the
     * meeting's id).
     */
    public record Source(Type type, String id) {
        public enum Type { VOTE, MEETING, AUTHORISATION, MINUTES }

        public Source {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }
    }

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(konwent, "konwent");
        Objects.requireNonNull(content, "content");
        files = List.copyOf(files);
    }

    public boolean isPublic() {
        return content.visibility() == Visibility.PUBLIC;
    }

    /** New content; becoming PUBLIC stamps {@code publishedAt}, becoming INTERNAL again clears it. */
    public Document revised(Content changed, Instant at) {
        Instant published = changed.visibility() == Visibility.INTERNAL ? null
                : isPublic() ? publishedAt : at;
        return new Document(id, konwent, changed, source, files, createdAt, at, published, version + 1);
    }

    /** The same document with another list of files: a new version, so its ETag changes. */
    public Document withFiles(List<DocumentFile> changed, Instant at) {
        return new Document(id, konwent, content, source, changed, createdAt, at, publishedAt, version + 1);
    }

    /** A new edition of a document the system issues: new content and one more file, as one new version. */
    public Document reissued(Content changed, DocumentFile added, Instant at) {
        List<DocumentFile> all = new ArrayList<>(files);
        all.add(added);
        Document revised = revised(changed, at);
        return new Document(id, konwent, revised.content(), source, all, createdAt, at, revised.publishedAt(),
                version + 1);
    }

    /** Whether this version made it public: created PUBLIC, or changed from INTERNAL. */
    public boolean becamePublicFrom(Document before) {
        return isPublic() && (before == null || !before.isPublic());
    }
}
