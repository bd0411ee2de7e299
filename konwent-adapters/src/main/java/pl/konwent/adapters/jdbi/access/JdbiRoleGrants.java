package pl.konwent.adapters.jdbi.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrant;
import pl.konwent.domain.access.RoleGrants;
import pl.konwent.domain.konwent.KonwentId;

/**
 * Role grants in table {@code role_grant}. "No konwent" and "no member" are stored as empty strings so that the
 * unique key (account, konwent, role, member) also holds for ADMIN (SQL NULLs never collide).
 */
public final class JdbiRoleGrants implements RoleGrants {
    private static final String NONE = "";

    private final Dao dao;

    public JdbiRoleGrants(Jdbi jdbi) {
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public void add(RoleGrant grant) {
        SqlErrors.uniqueAsConflict(() -> dao.insert(grant.id(), grant.account().value(),
                        grant.konwent() == null ? NONE : grant.konwent().value(), grant.role().name(),
                        grant.memberId() == null ? NONE : grant.memberId(), grant.grantedAt().toEpochMilli()),
                "The account already holds this role");
    }

    @Override
    public List<RoleGrant> of(AccountId account) {
        return dao.of(account.value());
    }

    @Override
    public Optional<RoleGrant> find(AccountId account, String grantId) {
        return dao.find(account.value(), grantId);
    }

    @Override
    public void remove(String grantId) {
        dao.remove(grantId);
    }

    public static final class GrantMapper implements RowMapper<RoleGrant> {
        @Override
        public RoleGrant map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            String konwent = rs.getString("konwent_id");
            String member = rs.getString("member_id");
            return new RoleGrant(rs.getString("id"), new AccountId(rs.getString("account_id")),
                    NONE.equals(konwent) ? null : new KonwentId(konwent), Role.valueOf(rs.getString("role")),
                    NONE.equals(member) ? null : member, Instant.ofEpochMilli(rs.getLong("granted_at")));
        }
    }

    @RegisterRowMapper(GrantMapper.class)
    public interface Dao {
        String COLUMNS = "id, account_id, konwent_id, role, member_id, granted_at";

        @SqlUpdate("INSERT INTO role_grant (" + COLUMNS + ") VALUES (:id, :account, :konwent, :role, :member, :at)")
        void insert(@Bind("id") String id, @Bind("account") String account, @Bind("konwent") String konwent,
                    @Bind("role") String role, @Bind("member") String member, @Bind("at") long at);

        @SqlQuery("SELECT " + COLUMNS + " FROM role_grant WHERE account_id = :account ORDER BY konwent_id, role, member_id")
        List<RoleGrant> of(@Bind("account") String account);

        @SqlQuery("SELECT " + COLUMNS + " FROM role_grant WHERE account_id = :account AND id = :id")
        Optional<RoleGrant> find(@Bind("account") String account, @Bind("id") String id);

        @SqlUpdate("DELETE FROM role_grant WHERE id = :id")
        void remove(@Bind("id") String id);
    }
}
