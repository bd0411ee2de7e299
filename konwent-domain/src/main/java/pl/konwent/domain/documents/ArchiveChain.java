package pl.konwent.domain.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * D3: how the archive chain is computed, the one place that says it (README "Archive chain" repeats it for
 * outsiders, and a test runs the README's procedure against the API).
 * <ul>
 * <li>A document's content hash is SHA-256 over the canonical JSON ({@link CanonicalJson}) of
 * {@code {"body", "date", "files": [{"id", "name", "sha256", "size", "type"}, …] sorted by id, "language"}},
 * where each file's {@code sha256} is that of its bytes and {@code type} its media type.</li>
 * <li>A record's hash is SHA-256 over the canonical JSON of its {@link ChainRecord#hashedFields()}.</li>
 * <li>Record {@code n} carries the hash of record {@code n-1} as {@code previousHash}; record 1 carries
 * {@link #GENESIS}.</li>
 * </ul>
 * Hashes are lower-case hex. Threat met: whoever can write the database or the file store cannot change, drop or
 * reorder a published document or its record without the walk ({@link ChainVerification}) or a reader who pinned
 * a head noticing.
 */
public final class ArchiveChain {
    /** The previous hash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ArchiveChain() {
    }

    /** A chain's newest record, or the genesis (sequence 0) before the first. */
    public record Head(long sequence, String hash) {
        public static final Head EMPTY = new Head(0, GENESIS);
    }

    /** The time as it is hashed and shown: UTC with milliseconds, always the same length. */
    public static String recordedAt(Instant at) {
        return RECORDED_AT.format(at);
    }

    /** D3: the content hash of a document's content whose files' bytes hash to the given digests. */
    public static String contentHash(Document.Content content, List<DocumentFile> files) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("body", content.body());
        hashed.put("date", content.date().toString());
        hashed.put("language", content.language());
        hashed.put("files", files.stream().sorted(Comparator.comparing(DocumentFile::id)).map(file -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", file.id());
            f.put("name", file.name());
            f.put("sha256", file.sha256());
            f.put("size", file.size());
            f.put("type", file.type().mediaType());
            return (Object) f;
        }).toList());
        return sha256(CanonicalJson.of(hashed));
    }

    /** D3: the record after {@code head} for what just happened to {@code document}. */
    public static ChainRecord next(Head head, Document document, ChainRecord.Action action, Instant at) {
        ChainRecord unsealed = new ChainRecord(document.konwent(), head.sequence() + 1, document.id(),
                document.version(), action, document.content().kind(), document.content().title(), recordedAt(at),
                contentHash(document.content(), document.files()), head.hash(), "");
        return withHash(unsealed, hashOf(unsealed));
    }

    /** D3: the hash a record must carry, computed from its other fields. */
    public static String hashOf(ChainRecord record) {
        return sha256(CanonicalJson.of(record.hashedFields()));
    }

    /**
     * D3: what the chain must record when a document is now as given (null: deleted), its latest record being
     * {@code latest}: a public document whose version, kind, title or content differ from its record is REVISED.
     */
    public static ChainRecord.Action actionFor(Document now, ChainRecord latest) {
        boolean recordedPublic = latest != null && latest.action().leavesItPublic();
        if (now == null) {
            return recordedPublic ? ChainRecord.Action.DELETED : null;
        }
        if (!now.isPublic()) {
            return recordedPublic ? ChainRecord.Action.WITHDRAWN : null;
        }
        if (!recordedPublic) {
            return ChainRecord.Action.PUBLISHED;
        }
        boolean same = latest.documentVersion() == now.version() && latest.kind() == now.content().kind()
                && latest.title().equals(now.content().title())
                && latest.contentSha256().equals(contentHash(now.content(), now.files()));
        return same ? null : ChainRecord.Action.REVISED;
    }

    public static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String sha256(String canonical) {
        return sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private static ChainRecord withHash(ChainRecord r, String hash) {
        return new ChainRecord(r.konwent(), r.sequence(), r.documentId(), r.documentVersion(), r.action(), r.kind(),
                r.title(), r.recordedAt(), r.contentSha256(), r.previousHash(), hash);
    }
}
