package pl.konwent.adapters.jdbi.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
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
 * konwent's term in office, the latest whose year has begun while its period lasts (C5: no COUNCIL by a lapsed
 * term; Poland's calendar); see {@code CouncilService} and {@code CouncilTerm#servesIn}.
 * Nor is the SECRETARIAT that comes with the award of an organiser competition (O1): the accounts of the konwent's
 * latest award hold it, id {@code secretariat-<competition id>}, until the next award.
 */
public final class JdbiRoleGrants implements RoleGrants {
    private static final String NONE = "";
    /** Ids of COUNCIL grants held through a seat: {@code council-<konwent>-<year>}. */
    public static final String COUNCIL_PREFIX = "council-";

    private final Jdbi jdbi;
    private final Dao dao;
    private final Clock clock;

    public JdbiRoleGrants(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
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

    /** Every request's caller is read with this: stored, council and awarded grants in one round trip. */
    @Override
    public List<RoleGrant> of(AccountId account) {
        List<RoleGrant> grants = new ArrayList<>();
        // a plain statement on the thread's handle: the on-demand SQL object's attach per call cost more than the read
        List<Map<String, Object>> rows = jdbi.withHandle(handle -> handle.createQuery("/* JdbiRoleGrants.all */ "
                        + Dao.ALL).bind("account", account.value()).bind("year", PolishTime.year(clock))
                .mapToMap().list());
        for (Map<String, Object> row : rows) {
            String source = (String) row.get("source");
            String konwent = (String) row.get("konwent_id");
            Instant at = Instant.ofEpochMilli(((Number) row.get("granted_at")).longValue());
            grants.add(switch (source) {
                case "1" -> new RoleGrant((String) row.get("id"), account, NONE.equals(konwent) ? null
                        : new KonwentId(konwent), Role.valueOf((String) row.get("role")),
                        NONE.equals(row.get("member_id")) ? null : (String) row.get("member_id"), at);
                case "2" -> new RoleGrant(COUNCIL_PREFIX + konwent + "-" + row.get("term_year"), account,
                        new KonwentId(konwent), Role.COUNCIL, null, at);
                default -> new RoleGrant(RoleGrant.AWARDED_SECRETARIAT_PREFIX + row.get("id"), account,
                        new KonwentId(konwent), Role.SECRETARIAT, null, at);
            });
        }
        return grants;
    }

    @Override
    public Optional<RoleGrant> find(AccountId account, String grantId) {
        return of(account).stream().filter(grant -> grant.id().equals(grantId)).findFirst();
    }

    @Override
    public void remove(String grantId) {
        dao.remove(grantId);
    }

    public interface Dao {
        String COLUMNS = "id, account_id, konwent_id, role, member_id, granted_at";

        @SqlUpdate("INSERT INTO role_grant (" + COLUMNS + ") VALUES (:id, :account, :konwent, :role, :member, :at)")
        void insert(@Bind("id") String id, @Bind("account") String account, @Bind("konwent") String konwent,
                    @Bind("role") String role, @Bind("member") String member, @Bind("at") long at);

        /**
         * 1: the stored grants; 2: COUNCIL in each konwent where one of the account's members has a seat in the
         * term in office (C5: the latest whose year has begun, and only while its end year has not passed; found by
         * the primary key); 3: SECRETARIAT of the konwent's latest competition award.
         */
        String ALL = "SELECT '1' AS source, id, konwent_id, role, member_id, granted_at, 0 AS term_year FROM role_grant "
                + "WHERE account_id = :account "
                + "UNION ALL SELECT DISTINCT '2', '', g.konwent_id, 'COUNCIL', '', t.installed_at, t.term_year "
                + "FROM role_grant g "
                + "JOIN council_term t ON t.konwent_id = g.konwent_id "
                + "JOIN council_seat s ON s.konwent_id = t.konwent_id AND s.term_year = t.term_year "
                + "AND s.member_id = g.member_id "
                + "WHERE g.account_id = :account AND g.role = 'REPRESENTATIVE' AND t.term_year = "
                + "(SELECT MAX(c.term_year) FROM council_term c WHERE c.konwent_id = g.konwent_id AND c.term_year <= :year) "
                + "AND t.end_year >= :year "
                + "UNION ALL SELECT '3', c.id, c.konwent_id, 'SECRETARIAT', '', c.awarded_at, 0 "
                + "FROM competition_award_account a JOIN organiser_competition c ON c.id = a.competition_id "
                + "WHERE a.account_id = :account AND c.awarded_at = (SELECT MAX(l.awarded_at) "
                + "FROM organiser_competition l WHERE l.konwent_id = c.konwent_id) "
                + "ORDER BY source, konwent_id, role, member_id";

        @SqlUpdate("DELETE FROM role_grant WHERE id = :id")
        void remove(@Bind("id") String id);
    }
}
