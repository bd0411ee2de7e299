package pl.konwent.domain.documents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * D3: the walk over a konwent's archive chain. Each record is recomputed from its own fields and linked to the one
 * before; the latest record of each document is checked against the document as it is stored now, its files' bytes
 * hashed afresh; the stored head must name the last record; and no public document may be missing from the chain.
 * The first broken link is reported.
 */
public final class ChainVerification {
    /** Which link failed. */
    public enum Link {
        /** The record's sequence is not one more than the record before: a record was removed or inserted. */
        SEQUENCE,
        /** The record's previous hash is not the hash of the record before. */
        PREVIOUS_HASH,
        /** The record's hash is not the hash of its fields: the record was altered. */
        RECORD_HASH,
        /** The chain's head does not name its last record: records were cut off its end. */
        HEAD,
        /** The document is not as its latest record says (missing, public or not, version, kind, title). */
        DOCUMENT,
        /** The document's body, date, language, files or a file's bytes do not hash to the record's content hash. */
        CONTENT,
        /** A public document has no record saying it is published. */
        UNRECORDED
    }

    /** The first broken link: the record's sequence (null for UNRECORDED), its document, and what is wrong. */
    public record Break(Long sequence, String documentId, Link link, String detail) {
    }

    /** {@code broken} null when every link holds. */
    public record Result(boolean valid, long checkedRecords, ArchiveChain.Head head, Break broken) {
    }

    /** What the walk reads besides the records: documents as stored now and their files' bytes, hashed. */
    public interface Archive {
        Optional<Document> document(String documentId);

        /** SHA-256 in hex of the file's bytes as stored now; empty when they are gone. */
        Optional<String> fileHash(String fileId);
    }

    private ChainVerification() {
    }

    public static Result walk(List<ChainRecord> records, Optional<ArchiveChain.Head> storedHead,
                              List<String> publicDocumentIds, Archive archive) {
        Map<String, Long> latestOf = new HashMap<>();
        records.forEach(r -> latestOf.put(r.documentId(), r.sequence()));
        ArchiveChain.Head before = ArchiveChain.Head.EMPTY;
        long checked = 0;
        for (ChainRecord record : records) {
            Break broken = linkBroken(before, record);
            if (broken == null && latestOf.get(record.documentId()) == record.sequence()) {
                broken = documentBroken(record, archive);
            }
            if (broken != null) {
                return new Result(false, checked, storedHead.orElse(ArchiveChain.Head.EMPTY), broken);
            }
            checked++;
            before = new ArchiveChain.Head(record.sequence(), record.hash());
        }
        ArchiveChain.Head head = storedHead.orElse(ArchiveChain.Head.EMPTY);
        if (!head.equals(before)) {
            return new Result(false, checked, head, new Break(head.sequence(), null, Link.HEAD, "The head names "
                    + "record " + head.sequence() + " with hash " + head.hash() + "; the last record is "
                    + before.sequence() + " with hash " + before.hash()));
        }
        for (String id : publicDocumentIds) {
            if (!latestOf.containsKey(id)) {
                return new Result(false, checked, head, new Break(null, id, Link.UNRECORDED,
                        "The document is public but no record of the chain says it was published"));
            }
        }
        return new Result(true, checked, head, null);
    }

    private static Break linkBroken(ArchiveChain.Head before, ChainRecord record) {
        if (record.sequence() != before.sequence() + 1) {
            return new Break(record.sequence(), record.documentId(), Link.SEQUENCE, "Record " + record.sequence()
                    + " follows record " + before.sequence());
        }
        if (!record.previousHash().equals(before.hash())) {
            return new Break(record.sequence(), record.documentId(), Link.PREVIOUS_HASH, "The record names "
                    + record.previousHash() + " as the hash before it; the record before hashes to " + before.hash());
        }
        String recomputed = ArchiveChain.hashOf(record);
        if (!record.hash().equals(recomputed)) {
            return new Break(record.sequence(), record.documentId(), Link.RECORD_HASH, "The record's fields hash to "
                    + recomputed + ", not to its hash " + record.hash());
        }
        return null;
    }

    private static Break documentBroken(ChainRecord record, Archive archive) {
        Optional<Document> stored = archive.document(record.documentId());
        if (!record.action().leavesItPublic()) {
            return stored.filter(Document::isPublic).map(d -> broken(record, Link.DOCUMENT, "The document is public "
                    + "but its latest record says it was " + record.action())).orElse(null);
        }
        if (stored.isEmpty()) {
            return broken(record, Link.DOCUMENT, "The document is gone but no record says it was deleted");
        }
        Document document = stored.get();
        if (!document.isPublic()) {
            return broken(record, Link.DOCUMENT, "The document is not public but no record says it was withdrawn");
        }
        if (document.version() != record.documentVersion() || document.content().kind() != record.kind()
                || !document.content().title().equals(record.title())) {
            return broken(record, Link.DOCUMENT, "The document is at version " + document.version() + " with kind "
                    + document.content().kind() + " and another title or kind than its record, which names version "
                    + record.documentVersion());
        }
        List<DocumentFile> rehashed = new java.util.ArrayList<>();
        for (DocumentFile file : document.files()) {
            Optional<String> bytes = archive.fileHash(file.id());
            if (bytes.isEmpty()) {
                return broken(record, Link.CONTENT, "The bytes of file " + file.id() + " are gone");
            }
            rehashed.add(new DocumentFile(file.id(), file.documentId(), file.name(), file.type(), file.size(),
                    bytes.get(), file.uploadedAt()));
        }
        String recomputed = ArchiveChain.contentHash(document.content(), rehashed);
        if (!recomputed.equals(record.contentSha256())) {
            return broken(record, Link.CONTENT, "The document's content hashes to " + recomputed + ", not to "
                    + record.contentSha256());
        }
        return null;
    }

    private static Break broken(ChainRecord record, Link link, String detail) {
        return new Break(record.sequence(), record.documentId(), link, detail);
    }
}
