package pl.konwent.domain.documents;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * D3: the konwents' archive chains. Records are appended by {@link ChainedDocuments} inside the transaction that
 * stores the document; the chain's records and head are public (they hold only what was published); the walk
 * that re-reads every file is for the konwent's DEPARTMENT, COUNCIL and SECRETARIAT (and ADMIN), as it costs a
 * read of the whole archive; anyone can do the same walk outside with the records and the public documents.
 */
public final class ArchiveChainService {
    private static final Role[] VERIFIERS = {Role.DEPARTMENT, Role.COUNCIL, Role.SECRETARIAT};
    /** A walk that finds a break while the chain grew under it is done again, this many times in all. */
    private static final int WALKS = 3;

    private final ChainRecords records;
    private final Documents documents;
    private final FileStore files;
    private final KonwentService konwents;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    /** {@code documents} is the undecorated store (not {@link ChainedDocuments}). */
    public ArchiveChainService(ChainRecords records, Documents documents, FileStore files, KonwentService konwents,
                               UnitOfWork unitOfWork, Clock clock) {
        this.records = records;
        this.documents = documents;
        this.files = files;
        this.konwents = konwents;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /**
     * D3: starts the chain of every konwent that has none, each in its own transaction: the documents already public
     * are recorded as PUBLISHED in the order they were published (then by id), stamped with their publication time.
     * Run at every start; instances starting together start each chain once.
     */
    public void startChains() {
        for (KonwentId konwent : records.unstarted()) {
            unitOfWork.inTransaction(() -> lockedHead(konwent));
        }
    }

    /** Inside the storing transaction: the document as now stored. */
    void recordStored(Document document) {
        record(document.konwent(), document.id(), document, document);
    }

    /** Inside the deleting transaction: the document as it was. */
    void recordDeleted(Document document) {
        record(document.konwent(), document.id(), null, document);
    }

    public ArchiveChain.Head head(String konwentId) {
        Konwent konwent = konwents.get(konwentId);
        return records.head(konwent.id()).orElse(ArchiveChain.Head.EMPTY);
    }

    public Page<ChainRecord> list(String konwentId, String documentId, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        return records.list(konwent.id(), documentId, page);
    }

    /** D3: the walk; done again when the chain grew while a break was found, as the break may be that growth. */
    public ChainVerification.Result verify(Optional<Caller> caller, String konwentId) {
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), VERIFIERS);
        ChainVerification.Result result = null;
        for (int walk = 1; walk <= WALKS; walk++) {
            Optional<ArchiveChain.Head> before = records.head(konwent.id());
            result = ChainVerification.walk(records.all(konwent.id()), before,
                    records.publicDocumentIds(konwent.id()), archiveOf(konwent.id()));
            if (result.valid() || records.head(konwent.id()).equals(before)) {
                return result;
            }
        }
        return result;
    }

    private void record(KonwentId konwent, String documentId, Document now, Document content) {
        ArchiveChain.Head head = lockedHead(konwent);
        ChainRecord latest = records.latestFor(konwent, documentId).orElse(null);
        ChainRecord.Action action = ArchiveChain.actionFor(now, latest);
        if (action != null) {
            records.append(ArchiveChain.next(head, content, action, now()));
        }
    }

    /** The head, locked; a chain not yet started is started here, with the documents already public. */
    private ArchiveChain.Head lockedHead(KonwentId konwent) {
        Optional<ArchiveChain.Head> head = records.lockHead(konwent);
        if (head.isPresent()) {
            return head.get();
        }
        boolean started = records.start(konwent);
        ArchiveChain.Head current = records.lockHead(konwent).orElseThrow();
        if (!started) {
            return current;
        }
        for (String id : records.publicDocumentIds(konwent)) {
            Document document = documents.find(konwent, id).orElseThrow();
            Instant at = document.publishedAt() != null ? document.publishedAt() : document.updatedAt();
            ChainRecord record = ArchiveChain.next(current, document, ChainRecord.Action.PUBLISHED, at);
            records.append(record);
            current = new ArchiveChain.Head(record.sequence(), record.hash());
        }
        return current;
    }

    private ChainVerification.Archive archiveOf(KonwentId konwent) {
        return new ChainVerification.Archive() {
            @Override
            public Optional<Document> document(String documentId) {
                return documents.find(konwent, documentId);
            }

            @Override
            public Optional<String> fileHash(String fileId) {
                MessageDigest digest = ArchiveChain.digest();
                try (InputStream in = new DigestInputStream(files.open(fileId), digest)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
                return Optional.of(HexFormat.of().formatHex(digest.digest()));
            }
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
