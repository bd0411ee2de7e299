package pl.konwent.adapters.security;

import java.security.SecureRandom;
import java.util.UUID;
import pl.konwent.domain.shared.IdSource;

/** Random UUIDs and secrets from the platform's strong random source. */
public final class SecureIdSource implements IdSource {
    private final SecureRandom random = new SecureRandom();

    @Override
    public UUID newId() {
        return UUID.randomUUID();
    }

    @Override
    public byte[] secretBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
