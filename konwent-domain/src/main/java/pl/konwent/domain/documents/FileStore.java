package pl.konwent.domain.documents;

import java.io.InputStream;

/**
 * Where the bytes of the archive's files live, outside the database (outgoing port). An upload is first
 * received into a staging place, which measures it, checksums it and tells what kind of file the bytes are;
 * only a file the archive keeps is then moved to its place under the file's id.
 */
public interface FileStore {
    /**
     * Received bytes: their size, SHA-256 in hex, and the type the bytes show themselves to be, null when they
     * are none of {@link FileType}.
     */
    record Staged(String key, long size, String sha256, FileType type) {
    }

    /** Receives at most {@code maxBytes}; more is refused with {@code DomainException.TooLarge}. */
    Staged stage(InputStream bytes, long maxBytes);

    /** Moves staged bytes to their place under {@code fileId}, in one atomic step. */
    void keep(Staged staged, String fileId);

    /** Forgets staged bytes that will not be kept. */
    void discard(Staged staged);

    InputStream open(String fileId);

    /** Removes the bytes of a file; nothing happens when there are none. */
    void delete(String fileId);
}
