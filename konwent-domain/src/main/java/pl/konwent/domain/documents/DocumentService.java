package pl.konwent.domain.documents;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Times;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * D1: the konwent's archive. Keeping it is the supervising department's duty (003 §II, duty 3), so only the
 * DEPARTMENT of the konwent (and ADMIN) writes documents and their files; the secretariat's communiqués and the
 * adopted resolutions arrive on their own through {@link Archive}. PUBLIC documents are readable by everyone;
 * INTERNAL ones only by the konwent's DEPARTMENT, COUNCIL and SECRETARIAT: to anyone else they do not exist
 * (404, never listed, never found by search).
 */
public final class DocumentService implements Archive {
    /** A file's metadata and a way to read its bytes. */
    public record FileContent(DocumentFile file, InputStream bytes) {
    }

    public static final String PUBLISHED = "document.published";
    private static final Role[] READERS = {Role.DEPARTMENT, Role.COUNCIL, Role.SECRETARIAT};

    private final Documents documents;
    private final FileStore files;
    private final KonwentService konwents;
    private final Events events;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;
    private final long maxFileSize;

    public DocumentService(Documents documents, FileStore files, KonwentService konwents, Events events,
                           UnitOfWork unitOfWork, IdSource ids, Clock clock, long maxFileSize) {
        this.documents = documents;
        this.files = files;
        this.konwents = konwents;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public Document create(Optional<Caller> caller, String konwentId, DocumentInput input) {
        Konwent konwent = departmentOf(caller, konwentId);
        Document.Content content = validate(input);
        Instant now = now();
        Document document = new Document(ids.newId().toString(), konwent.id(), content, null, List.of(), now, now,
                content.visibility() == Visibility.PUBLIC ? now : null, 1);
        return unitOfWork.inTransaction(() -> {
            documents.add(document);
            announceIfPublished(document, null);
            return document;
        });
    }

    /** The whole content is replaced; making an INTERNAL document PUBLIC publishes it (D1). */
    public Document revise(Optional<Caller> caller, String konwentId, String documentId, DocumentInput input,
                           OptionalLong expectedVersion) {
        Konwent konwent = departmentOf(caller, konwentId);
        Document.Content content = validate(input);
        return unitOfWork.inTransaction(() -> {
            Document current = find(konwent, documentId);
            requireVersion(current, expectedVersion);
            Document revised = current.revised(content, now());
            if (!documents.replace(revised, current.version())) {
                throw stale(documentId);
            }
            announceIfPublished(revised, current);
            return revised;
        });
    }

    public void delete(Optional<Caller> caller, String konwentId, String documentId, OptionalLong expectedVersion) {
        Konwent konwent = departmentOf(caller, konwentId);
        Document deleted = unitOfWork.inTransaction(() -> {
            Document current = find(konwent, documentId);
            requireVersion(current, expectedVersion);
            if (!documents.delete(current, current.version())) {
                throw stale(documentId);
            }
            return current;
        });
        deleted.files().forEach(file -> files.delete(file.id()));
    }

    public Document get(Optional<Caller> caller, String konwentId, String documentId) {
        Konwent konwent = konwents.get(konwentId);
        return visible(caller, konwent, documentId);
    }

    /**
     * Newest first, filtered in the database before paging. Callers who may not see INTERNAL documents get
     * only PUBLIC ones, whatever they filter by.
     */
    public Page<Document> list(Optional<Caller> caller, String konwentId, String kind, String visibility,
                               String query, String from, String to, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        DocumentKind validKind = errors.parseOptional("kind", kind, () -> Enums.parse(DocumentKind.class, kind));
        Visibility validVisibility = errors.parseOptional("visibility", visibility,
                () -> Enums.parse(Visibility.class, visibility));
        LocalDate fromDate = from == null ? null : Times.date(errors, "from", from);
        LocalDate toDate = to == null ? null : Times.date(errors, "to", to);
        errors.check(query == null || query.length() <= 200, "q", "must be at most 200 characters");
        errors.throwIfAny();
        boolean publicOnly = !Access.holdsAny(caller, konwent.id(), READERS);
        return documents.list(konwent.id(), new Documents.Filter(validKind, validVisibility, publicOnly,
                SearchWords.of(query), fromDate, toDate), page);
    }

    /** Takes a file in: at most the configured size, only PDF, DOCX or ODT as the bytes show, and checksummed. */
    public DocumentFile attach(Optional<Caller> caller, String konwentId, String documentId, String fileName,
                               InputStream bytes) {
        Konwent konwent = departmentOf(caller, konwentId);
        return store(konwent.id(), documentId, fileName, bytes);
    }

    @Override
    public DocumentFile attachInternal(KonwentId konwent, String documentId, String fileName, InputStream bytes) {
        return store(konwent, documentId, fileName, bytes);
    }

    private DocumentFile store(KonwentId konwent, String documentId, String fileName, InputStream bytes) {
        find(konwent, documentId);
        FileStore.Staged staged = files.stage(bytes, maxFileSize);
        if (staged.type() == null) {
            files.discard(staged);
            throw new DomainException.UnsupportedContent("The archive keeps PDF, DOCX and ODT files only; these "
                    + "bytes are none of them (D1)");
        }
        DocumentFile file = new DocumentFile(ids.newId().toString(), documentId,
                FileNames.sanitise(fileName, staged.type()), staged.type(), staged.size(), staged.sha256(), now());
        try {
            return unitOfWork.inTransaction(() -> {
                Document current = find(konwent, documentId);
                documents.addFile(file);
                List<DocumentFile> all = new ArrayList<>(current.files());
                all.add(file);
                if (!documents.replace(current.withFiles(all, file.uploadedAt()), current.version())) {
                    throw stale(documentId);
                }
                files.keep(staged, file.id());
                return file;
            });
        } catch (RuntimeException e) {
            files.discard(staged);
            files.delete(file.id());
            throw e;
        }
    }

    public FileContent file(Optional<Caller> caller, String konwentId, String documentId, String fileId) {
        Konwent konwent = konwents.get(konwentId);
        DocumentFile file = fileOf(visible(caller, konwent, documentId), fileId);
        return new FileContent(file, files.open(file.id()));
    }

    public void detach(Optional<Caller> caller, String konwentId, String documentId, String fileId) {
        Konwent konwent = departmentOf(caller, konwentId);
        unitOfWork.inTransaction(() -> {
            Document current = find(konwent, documentId);
            DocumentFile file = fileOf(current, fileId);
            List<DocumentFile> rest = current.files().stream().filter(f -> !f.id().equals(file.id())).toList();
            if (!documents.deleteFile(documentId, fileId)
                    || !documents.replace(current.withFiles(rest, now()), current.version())) {
                throw stale(documentId);
            }
            return null;
        });
        files.delete(fileId);
    }

    /** D1: called inside the caller's transaction by the use cases whose outcome is a public document. */
    @Override
    public Document archivePublic(KonwentId konwent, Entry entry) {
        return archive(konwent, entry, Visibility.PUBLIC);
    }

    /** V4: called inside the caller's transaction; the document stays INTERNAL. */
    @Override
    public Document archiveInternal(KonwentId konwent, Entry entry) {
        return archive(konwent, entry, Visibility.INTERNAL);
    }

    private Document archive(KonwentId konwent, Entry entry, Visibility visibility) {
        Instant now = now();
        Document document = new Document(ids.newId().toString(), konwent, new Document.Content(entry.title(),
                entry.kind(), entry.date(), DocumentInput.DEFAULT_LANGUAGE, entry.body(), visibility),
                entry.source(), List.of(), now, now, visibility == Visibility.PUBLIC ? now : null, 1);
        documents.add(document);
        announceIfPublished(document, null);
        return document;
    }

    @Override
    public Edition archiveEdition(KonwentId konwent, Entry entry, String fileName, byte[] bytes) {
        FileStore.Staged staged = files.stage(new ByteArrayInputStream(bytes), bytes.length);
        if (staged.type() == null) {
            files.discard(staged);
            throw new IllegalStateException("An archived edition must be a PDF, DOCX or ODT file");
        }
        Instant now = now();
        Document.Content content = new Document.Content(entry.title(), entry.kind(), entry.date(),
                DocumentInput.DEFAULT_LANGUAGE, entry.body(), Visibility.PUBLIC);
        String fileId = ids.newId().toString();
        try {
            return unitOfWork.inTransaction(() -> {
                Optional<Document> current = documents.findBySource(konwent, entry.source());
                String documentId = current.map(Document::id).orElseGet(() -> ids.newId().toString());
                DocumentFile file = new DocumentFile(fileId, documentId,
                        FileNames.sanitise(fileName, staged.type()), staged.type(), staged.size(), staged.sha256(),
                        now);
                Document issued;
                if (current.isEmpty()) {
                    // D3: stored INTERNAL first and made public with its file as version 2, so that the one
                    // PUBLISHED record of the archive chain hashes the file too (a file comes after its document)
                    Document draft = new Document(documentId, konwent, new Document.Content(content.title(),
                            content.kind(), content.date(), content.language(), content.body(), Visibility.INTERNAL),
                            entry.source(), List.of(), now, now, null, 1);
                    documents.add(draft);
                    documents.addFile(file);
                    issued = new Document(documentId, konwent, content, entry.source(), List.of(file), now, now, now,
                            2);
                    if (!documents.replace(issued, draft.version())) {
                        throw stale(documentId);
                    }
                } else {
                    issued = current.get().reissued(content, file, now);
                    documents.addFile(file);
                    if (!documents.replace(issued, current.get().version())) {
                        throw stale(documentId);
                    }
                }
                files.keep(staged, file.id());
                announceIfPublished(issued, current.orElse(null));
                return new Edition(issued, file, current.isEmpty());
            });
        } catch (RuntimeException e) {
            files.discard(staged);
            files.delete(fileId);
            throw e;
        }
    }

    @Override
    public Optional<Document> findPublic(KonwentId konwent, Document.Source source) {
        return documents.findBySource(konwent, source).filter(Document::isPublic);
    }

    private void announceIfPublished(Document document, Document before) {
        if (!document.becamePublicFrom(before)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", document.id());
        data.put("title", document.content().title());
        data.put("kind", document.content().kind().name());
        data.put("date", document.content().date().toString());
        data.put("language", document.content().language());
        events.publish(new Events.Event(PUBLISHED, document.konwent().value(), document.id(),
                document.publishedAt(), data));
    }

    private Document visible(Optional<Caller> caller, Konwent konwent, String documentId) {
        Document document = documents.find(konwent.id(), documentId).orElseThrow(() -> notFound(konwent, documentId));
        if (!document.isPublic() && !Access.holdsAny(caller, konwent.id(), READERS)) {
            throw notFound(konwent, documentId);
        }
        return document;
    }

    private static DocumentFile fileOf(Document document, String fileId) {
        return document.files().stream().filter(file -> file.id().equals(fileId)).findFirst()
                .orElseThrow(() -> new DomainException.NotFound("Document '" + document.id() + "' has no file '"
                        + fileId + "'"));
    }

    private Document find(Konwent konwent, String documentId) {
        return find(konwent.id(), documentId);
    }

    private Document find(KonwentId konwent, String documentId) {
        return documents.find(konwent, documentId).orElseThrow(() -> new DomainException.NotFound("No document '"
                + documentId + "' in konwent '" + konwent + "'"));
    }

    private static DomainException notFound(Konwent konwent, String documentId) {
        return new DomainException.NotFound("No document '" + documentId + "' in konwent '" + konwent.id() + "'");
    }

    private static Document.Content validate(DocumentInput input) {
        FieldErrors errors = new FieldErrors();
        Document.Content content = input.validate(errors);
        errors.throwIfAny();
        return content;
    }

    private static void requireVersion(Document document, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != document.version()) {
            throw new DomainException.StaleVersion("Document '" + document.id()
                    + "' was changed since the version you sent");
        }
    }

    private static DomainException stale(String documentId) {
        return new DomainException.StaleVersion("Document '" + documentId + "' was changed meanwhile");
    }

    private Konwent departmentOf(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.DEPARTMENT);
        return konwent;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
