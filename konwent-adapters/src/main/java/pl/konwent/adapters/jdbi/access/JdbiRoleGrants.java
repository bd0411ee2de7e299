package pl.konwent.adapters.jdbi.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import pl.konwent.domain.shared.PolishTime;

/**
 * Role grants in table {@code role_grant}. "No konwent" and "no member" are stored as empty strings so that the
 * unique key (account, konwent, role, member) also holds for ADMIN (SQL NULLs never collide). The COUNCIL role is
 * never stored: an account holds it in a konwent while it is the REPRESENTATIVE of a member with a seat in the
 * konwent's term in office, the latest whose year has begun (Poland's calendar); see {@code CouncilService}.
 * Nor is the SECRETARIAT that comes with the award of an organiser competition (O1): the accounts of the konwent's
 * latest award hold it, id {@code secretariat-<competition id>}, until the next award.
 */
public final class JdbiRoleGrants implements RoleGrants {
    private static final String NONE = "";
    /** Ids of COUNCIL grants held through a seat: {@code council-<konwent>-<year>}. */
    public static final String COUNCIL_PREFIX = "council-";

    private final Dao dao;
    private final Clock clock;

    public JdbiRoleGrants(Jdbi jdbi, Clock clock) {
        this.dao = jdbi.onDemand(Dao.class);
        this.clock = clock;
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
        List<RoleGrant> all = new ArrayList<>(dao.of(account.value()));
        all.addAll(derived(account));
        return all;
    }

    /** The roles that follow from council seats and competition awards. */
    private List<RoleGrant> derived(AccountId account) {
        List<RoleGrant> derived = new ArrayList<>(councilSeats(account));
        for (Map<String, Object> row : dao.awards(account.value())) {
            derived.add(new RoleGrant(RoleGrant.AWARDED_SECRETARIAT_PREFIX + row.get("id"), account,
                    new KonwentId((String) row.get("konwent_id")), Role.SECRETARIAT, null,
                    Instant.ofEpochMilli(((Number) row.get("awarded_at")).longValue())));
        }
        return derived;
    }

    @Override
    public Optional<RoleGrant> find(AccountId account, String grantId) {
        return dao.find(account.value(), grantId)
                .or(() -> derived(account).stream().filter(grant -> grant.id().equals(grantId)).findFirst());
    }

    /** The COUNCIL grants that follow from the seats the account's members hold in terms in office. */
    private List<RoleGrant> councilSeats(AccountId account) {
        Map<String, RoleGrant> byKonwent = new LinkedHashMap<>();
        for (Map<String, Object> row : dao.councilSeats(account.value(), PolishTime.year(clock))) {
            String konwent = (String) row.get("konwent_id");
            int year = ((Number) row.get("term_year")).intValue();
            byKonwent.putIfAbsent(konwent, new RoleGrant(COUNCIL_PREFIX + konwent + "-" + year, account,
                    new KonwentId(konwent), Role.COUNCIL, null,
                    Instant.ofEpochMilli(((Number) row.get("installed_at")).longValue())));
        }
        return List.copyOf(byKonwent.values());
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

        @SqlQuery("SELECT DISTINCT g.konwent_id, t.term_year, t.installed_at FROM role_grant g "
                + "JOIN council_term t ON t.konwent_id = g.konwent_id "
                + "JOIN council_seat s ON s.konwent_id = t.konwent_id AND s.term_year = t.term_year "
                + "AND s.member_id = g.member_id "
                + "WHERE g.account_id = :account AND g.role = 'REPRESENTATIVE' AND t.term_year = "
                + "(SELECT MAX(c.term_year) FROM council_term c WHERE c.konwent_id = g.konwent_id AND c.term_year <= :year) "
                + "ORDER BY g.konwent_id")
        @RegisterRowMapper(org.jdbi.v3.core.mapper.MapMapper.class)
        List<Map<String, Object>> councilSeats(@Bind("account") String account, @Bind("year") int year);

        @SqlQuery("SELECT c.id, c.konwent_id, c.awarded_at FROM competition_award_account a "
                + "JOIN organiser_competition c ON c.id = a.competition_id "
                + "WHERE a.account_id = :account AND c.awarded_at = (SELECT MAX(l.awarded_at) "
                + "FROM organiser_competition l WHERE l.konwent_id = c.konwent_id) ORDER BY c.konwent_id")
        @RegisterRowMapper(org.jdbi.v3.core.mapper.MapMapper.class)
        List<Map<String, Object>> awards(@Bind("account") String account);

        @SqlUpdate("DELETE FROM role_grant WHERE id = :id")
        void remove(@Bind("id") String id);
    }
}
