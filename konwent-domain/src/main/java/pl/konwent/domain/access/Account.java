package pl.konwent.domain.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's login. {@code passwordHash} is the stored hash, never a password; a disabled account cannot
 * authenticate. {@code version} backs the ETag.
 */
public record Account(AccountId id, String username, String displayName, String email, String passwordHash,
                      boolean enabled, Instant createdAt, Instant updatedAt, long version) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Account withProfile(String newDisplayName, String newEmail, Instant at) {
        return new Account(id, username, newDisplayName, newEmail, passwordHash, enabled, createdAt, at, version + 1);
    }

    public Account withPasswordHash(String newHash, Instant at) {
        return new Account(id, username, displayName, email, newHash, enabled, createdAt, at, version + 1);
    }

    public Account withEnabled(boolean nowEnabled, Instant at) {
        return new Account(id, username, displayName, email, passwordHash, nowEnabled, createdAt, at, version + 1);
    }
}
