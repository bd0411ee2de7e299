package pl.konwent.domain.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** The archive's documents and their files' metadata (outgoing port). */
public interface Documents {
    /**
     * What a list shows: every criterion given must hold. {@code publicOnly} keeps INTERNAL documents out for
     * callers who may not see them; {@code words} must each appear in the title or body ({@link SearchWords});
     * {@code from} and {@code to} bound the document's date, both inclusive.
     */
    record Filter(DocumentKind kind, Visibility visibility, boolean publicOnly, List<String> words, LocalDate from,
                  LocalDate to) {
        public Filter {
            words = List.copyOf(words);
        }
    }

    /** Stores a new document; a second one from the same source is a {@code Conflict}. */
    void add(Document document);

    Optional<Document> find(KonwentId konwent, String id);

    /** The document archived from {@code source}, if any (there is at most one). */
    Optional<Document> findBySource(KonwentId konwent, Document.Source source);

    /** Newest date first, then by id. */
    Page<Document> list(KonwentId konwent, Filter filter, PageRequest page);

    /** Replaces the document's content, stamps and version if it still has {@code expectedVersion}. */
    boolean replace(Document document, long expectedVersion);

    /** Deletes the document and its files' metadata if it still has {@code expectedVersion}. */
    boolean delete(Document document, long expectedVersion);

    void addFile(DocumentFile file);

    boolean deleteFile(String documentId, String fileId);
}
