package pl.konwent.domain.access;

import java.util.Optional;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Accounts (outgoing port). */
public interface Accounts {
    /** Stores a new account; a username already taken is a {@code Conflict}. */
    void add(Account account, AccountId createdBy);

    Optional<Account> find(AccountId id);

    Optional<Account> findByUsername(String username);

    /** Accounts ordered by username. */
    Page<Account> list(PageRequest page);

    /** Who created the account, if anyone did (the first ADMIN was created by no one). */
    Optional<AccountId> creatorOf(AccountId id);

    /** Replaces the account if its stored version is still {@code expectedVersion}. */
    boolean replace(Account revised, long expectedVersion);
}
