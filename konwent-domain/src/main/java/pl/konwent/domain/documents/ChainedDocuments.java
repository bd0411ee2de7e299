package pl.konwent.domain.documents;

import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * D3: every store of a document goes through here, whichever use case makes it (the department's documents, adopted
 * resolutions, communiqués, minutes), and records in the konwent's archive chain, in the same transaction, what the
 * change means for the public: published, revised, withdrawn or deleted. The document is read back as stored, so
 * the record hashes what a later walk will find. A file attached to or removed from a public document must be
 * followed by {@link #replace} (a new version), as {@link DocumentService} does, for the chain to record it.
 */
public final class ChainedDocuments implements Documents {
    private final Documents documents;
    private final ArchiveChainService chain;

    public ChainedDocuments(Documents documents, ArchiveChainService chain) {
        this.documents = documents;
        this.chain = chain;
    }

    @Override
    public void add(Document document) {
        documents.add(document);
        chain.recordStored(documents.find(document.konwent(), document.id()).orElseThrow());
    }

    @Override
    public Optional<Document> find(KonwentId konwent, String id) {
        return documents.find(konwent, id);
    }

    @Override
    public Optional<Document> findBySource(KonwentId konwent, Document.Source source) {
        return documents.findBySource(konwent, source);
    }

    @Override
    public Page<Document> list(KonwentId konwent, Filter filter, PageRequest page) {
        return documents.list(konwent, filter, page);
    }

    @Override
    public boolean replace(Document document, long expectedVersion) {
        boolean replaced = documents.replace(document, expectedVersion);
        if (replaced) {
            chain.recordStored(documents.find(document.konwent(), document.id()).orElseThrow());
        }
        return replaced;
    }

    @Override
    public boolean delete(Document document, long expectedVersion) {
        boolean deleted = documents.delete(document, expectedVersion);
        if (deleted) {
            chain.recordDeleted(document);
        }
        return deleted;
    }

    @Override
    public void addFile(DocumentFile file) {
        documents.addFile(file);
    }

    @Override
    public boolean deleteFile(String documentId, String fileId) {
        return documents.deleteFile(documentId, fileId);
    }
}
