package pl.konwent.adapters.jdbi.access;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import pl.konwent.domain.access.Account;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Accounts;
import pl.konwent.domain.access.Tokens;

/** Bearer token hashes in table {@code api_token}; expired ones are purged as new ones are issued. */
public final class JdbiTokens implements Tokens {
    private static final String HOLDER = "/* JdbiTokens.holderOf */ SELECT a.id, a.username, a.display_name, a.email, "
            + "a.password_hash, a.enabled, a.created_at, a.updated_at, a.version "
            + "FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = :hash AND t.expires_at > :now";
    private static final JdbiAccounts.AccountMapper ACCOUNT = new JdbiAccounts.AccountMapper();

    private final Jdbi jdbi;
    private final Dao dao;

    public JdbiTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public void add(String tokenHash, AccountId account, Instant createdAt, Instant expiresAt) {
        dao.purgeExpired(createdAt.toEpochMilli());
        dao.insert(tokenHash, account.value(), createdAt.toEpochMilli(), expiresAt.toEpochMilli());
    }

    @Override
    public Optional<AccountId> accountOf(String tokenHash, Instant now) {
        return dao.accountOf(tokenHash, now.toEpochMilli()).map(AccountId::new);
    }

    /**
     * The token's row and its account's, by their primary keys, in one statement; a plain one on the thread's handle,
     * not an on-demand SQL object (attaching one per call costs more than the read).
     */
    @Override
    public Optional<Account> holderOf(String tokenHash, Instant now, Accounts accounts) {
        return jdbi.withHandle(handle -> handle.createQuery(HOLDER).bind("hash", tokenHash)
                .bind("now", now.toEpochMilli()).map(ACCOUNT).findOne());
    }

    @Override
    public void remove(String tokenHash) {
        dao.remove(tokenHash);
    }

    @Override
    public void removeAllOf(AccountId account) {
        dao.removeAllOf(account.value());
    }

    public interface Dao {
        @SqlUpdate("INSERT INTO api_token (token_hash, account_id, created_at, expires_at) "
                + "VALUES (:hash, :account, :createdAt, :expiresAt)")
        void insert(@Bind("hash") String hash, @Bind("account") String account, @Bind("createdAt") long createdAt,
                    @Bind("expiresAt") long expiresAt);

        @SqlQuery("SELECT account_id FROM api_token WHERE token_hash = :hash AND expires_at > :now")
        Optional<String> accountOf(@Bind("hash") String hash, @Bind("now") long now);

        @SqlUpdate("DELETE FROM api_token WHERE token_hash = :hash")
        void remove(@Bind("hash") String hash);

        @SqlUpdate("DELETE FROM api_token WHERE account_id = :account")
        void removeAllOf(@Bind("account") String account);

        @SqlUpdate("DELETE FROM api_token WHERE expires_at <= :now")
        void purgeExpired(@Bind("now") long now);
    }
}
