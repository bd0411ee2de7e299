package pl.konwent.domain.shared;

import java.util.UUID;

/** Where new ids and secrets come from; injected so that tests control them. */
public interface IdSource {
    UUID newId();

    /** {@code length} bytes from a cryptographically strong source. */
    byte[] secretBytes(int length);
}
