package pl.konwent.domain.documents;

import java.time.Instant;
import java.util.Objects;

/** A file attached to a document: its bytes are in the {@link FileStore} under {@code id}; {@code sha256} in hex. */
public record DocumentFile(String id, String documentId, String name, FileType type, long size, String sha256,
                           Instant uploadedAt) {
    public DocumentFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }
}
