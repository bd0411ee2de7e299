package pl.konwent.domain.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import pl.konwent.domain.konwent.KonwentId;

/**
 * D3: one link of a konwent's archive chain: what happened to a published document ({@code action}), the document's
 * version, kind and title at that moment, the SHA-256 of its content ({@link ArchiveChain#contentHash}), the hash of
 * the record before ({@code previousHash}, {@link ArchiveChain#GENESIS} for the first) and its own {@code hash}
 * over all of these ({@link ArchiveChain#hashOf}). {@code recordedAt} is kept as the exact text that is hashed.
 */
public record ChainRecord(KonwentId konwent, long sequence, String documentId, long documentVersion, Action action,
                          DocumentKind kind, String title, String recordedAt, String contentSha256,
                          String previousHash, String hash) {
    /** PUBLISHED: became public; REVISED: a public document changed; WITHDRAWN: made internal; DELETED: removed. */
    public enum Action {
        PUBLISHED, REVISED, WITHDRAWN, DELETED;

        public boolean leavesItPublic() {
            return this == PUBLISHED || this == REVISED;
        }
    }

    public ChainRecord {
        Objects.requireNonNull(konwent, "konwent");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(contentSha256, "contentSha256");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The fields the record's hash covers, by their names in the API: everything but {@code hash} itself. */
    public Map<String, Object> hashedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("konwentId", konwent.value());
        fields.put("sequence", sequence);
        fields.put("documentId", documentId);
        fields.put("documentVersion", documentVersion);
        fields.put("action", action.name());
        fields.put("kind", kind.name());
        fields.put("title", title);
        fields.put("recordedAt", recordedAt);
        fields.put("contentSha256", contentSha256);
        fields.put("previousHash", previousHash);
        return fields;
    }
}
