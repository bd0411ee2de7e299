package pl.konwent.domain.documents;

import java.time.LocalDate;
import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;

/**
 * D1: what other use cases archive as they happen, inside their own transaction: an adopted resolution when its
 * vote closes, a communiqué when it is published. Both are public documents from that moment.
 */
public interface Archive {
    /** A public document produced by {@code source}; it is published (and announced) at once. */
    record Entry(String title, DocumentKind kind, LocalDate date, String body, Document.Source source) {
    }

    Document archivePublic(KonwentId konwent, Entry entry);

    /** A document {@link #archiveEdition} issued: the first edition created it; a later one is a new version. */
    record Edition(Document document, DocumentFile file, boolean created) {
    }

    /**
     * D1: a public document the system draws up again whenever asked (a meeting's minutes), with its file: the
     * first call archives it; each later call is a new version of the same document with the new file added, the
     * earlier files kept, never overwritten. Runs as its own unit of work (its bytes go to the file store first).
     */
    Edition archiveEdition(KonwentId konwent, Entry entry, String fileName, byte[] bytes);

    /** The public document archived from {@code source}, if there is one. */
    Optional<Document> findPublic(KonwentId konwent, Document.Source source);
}
