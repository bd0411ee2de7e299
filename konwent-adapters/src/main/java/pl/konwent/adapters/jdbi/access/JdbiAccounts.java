package pl.konwent.adapters.jdbi.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.access.Account;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Accounts;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Accounts in table {@code account}. */
public final class JdbiAccounts implements Accounts {
    private final Dao dao;

    public JdbiAccounts(Jdbi jdbi) {
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public void add(Account account, AccountId createdBy) {
        SqlErrors.uniqueAsConflict(() -> dao.insert(Row.of(account), createdBy == null ? null : createdBy.value()),
                "The username '" + account.username() + "' is taken");
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return dao.find(id.value());
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        // the column's collation may take "ánna" or "ANNA" for "anna": only the very name counts (issue 19)
        return dao.findByUsername(username).filter(account -> account.username().equals(username));
    }

    @Override
    public Page<Account> list(PageRequest page) {
        List<Account> rows = page.after() == null ? dao.first(page.limit() + 1) : dao.after(page.after(), page.limit() + 1);
        return Page.fromOverfetch(rows, page.limit(), Account::username);
    }

    @Override
    public Optional<AccountId> creatorOf(AccountId id) {
        return dao.creatorOf(id.value()).map(AccountId::new);
    }

    @Override
    public boolean replace(Account revised, long expectedVersion) {
        return dao.update(Row.of(revised), expectedVersion) == 1;
    }

    public record Row(String id, String username, String displayName, String email, String passwordHash,
                      boolean enabled, long createdAt, long updatedAt, long version) {
        static Row of(Account a) {
            return new Row(a.id().value(), a.username(), a.displayName(), a.email(), a.passwordHash(), a.enabled(),
                    a.createdAt().toEpochMilli(), a.updatedAt().toEpochMilli(), a.version());
        }
    }

    public static final class AccountMapper implements RowMapper<Account> {
        @Override
        public Account map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Account(new AccountId(rs.getString("id")), rs.getString("username"),
                    rs.getString("display_name"), rs.getString("email"), rs.getString("password_hash"),
                    rs.getBoolean("enabled"), Instant.ofEpochMilli(rs.getLong("created_at")),
                    Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getLong("version"));
        }
    }

    @RegisterRowMapper(AccountMapper.class)
    public interface Dao {
        String COLUMNS = "id, username, display_name, email, password_hash, enabled, created_at, updated_at, version";

        @SqlUpdate("INSERT INTO account (" + COLUMNS + ", created_by) VALUES (:row.id, :row.username, "
                + ":row.displayName, :row.email, :row.passwordHash, :row.enabled, :row.createdAt, :row.updatedAt, "
                + ":row.version, :createdBy)")
        void insert(@BindMethods("row") Row row, @Bind("createdBy") String createdBy);

        @SqlQuery("SELECT " + COLUMNS + " FROM account WHERE id = :id")
        Optional<Account> find(@Bind("id") String id);

        @SqlQuery("SELECT " + COLUMNS + " FROM account WHERE username = :username")
        Optional<Account> findByUsername(@Bind("username") String username);

        @SqlQuery("SELECT " + COLUMNS + " FROM account ORDER BY username LIMIT :limit")
        List<Account> first(@Bind("limit") int limit);

        @SqlQuery("SELECT " + COLUMNS + " FROM account WHERE username > :after ORDER BY username LIMIT :limit")
        List<Account> after(@Bind("after") String after, @Bind("limit") int limit);

        @SqlQuery("SELECT created_by FROM account WHERE id = :id AND created_by IS NOT NULL")
        Optional<String> creatorOf(@Bind("id") String id);

        @SqlUpdate("UPDATE account SET display_name = :row.displayName, email = :row.email, "
                + "password_hash = :row.passwordHash, enabled = :row.enabled, updated_at = :row.updatedAt, "
                + "version = :row.version WHERE id = :row.id AND version = :expectedVersion")
        int update(@BindMethods("row") Row row, @Bind("expectedVersion") long expectedVersion);
    }
}
