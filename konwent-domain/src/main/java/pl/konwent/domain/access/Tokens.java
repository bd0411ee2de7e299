package pl.konwent.domain.access;

import java.time.Instant;
import java.util.Optional;

/** Bearer tokens, kept only as hashes (outgoing port). */
public interface Tokens {
    void add(String tokenHash, AccountId account, Instant createdAt, Instant expiresAt);

    /** The account of a token that has not expired at {@code now}. */
    Optional<AccountId> accountOf(String tokenHash, Instant now);

    /**
     * The account holding a token that has not expired at {@code now}: read on every request with a bearer token,
     * so a store that keeps tokens and accounts side by side answers it with one indexed read (issue 20).
     */
    default Optional<Account> holderOf(String tokenHash, Instant now, Accounts accounts) {
        return accountOf(tokenHash, now).flatMap(accounts::find);
    }

    void remove(String tokenHash);

    void removeAllOf(AccountId account);
}
