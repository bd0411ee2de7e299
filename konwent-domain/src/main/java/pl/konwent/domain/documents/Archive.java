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

    /**
     * An INTERNAL document produced by {@code source} (V4: a member's written authorisation), readable only by
     * those who read the konwent's INTERNAL documents; its file comes with {@link #attachInternal}.
     */
    Document archiveInternal(KonwentId konwent, Entry entry);

    /**
     * Takes the file of a document archived with {@link #archiveInternal}, checked as every archived file is (size,
     * PDF/DOCX/ODT by its bytes, checksum). The calling use case has authorized the caller; runs its own transaction.
     */
    DocumentFile attachInternal(KonwentId konwent, String documentId, String fileName, java.io.InputStream bytes);
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
