package pl.konwent.domain.access;

import java.time.Instant;
import java.util.Optional;

/** Bearer tokens, kept only as hashes (outgoing port). */
public interface Tokens {
    void add(String tokenHash, AccountId account, Instant createdAt, Instant expiresAt);

    /** The account of a token that has not expired at {@code now}. */
    Optional<AccountId> accountOf(String tokenHash, Instant now);

    void remove(String tokenHash);

    void removeAllOf(AccountId account);
}
