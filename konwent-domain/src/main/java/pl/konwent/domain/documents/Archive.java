package pl.konwent.domain.documents;

import java.time.LocalDate;
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
}
