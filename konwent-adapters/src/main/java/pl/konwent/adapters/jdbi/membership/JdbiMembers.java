package pl.konwent.adapters.jdbi.membership;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import pl.konwent.adapters.jdbi.JsonColumns;
import pl.konwent.adapters.jdbi.Like;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.Address;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Text;
import pl.konwent.domain.shared.Voivodeship;

/**
 * The register in table {@code member}, ordered by name then id. Search and town filters compare folded text
 * (no case, no diacritics), so they behave the same on H2 and MySQL. The page key is the last member's
 * "id/name" (ids never contain '/').
 */
public final class JdbiMembers implements Members {
    private static final String COLUMNS = "id, konwent_id, name, kind, voivodeship, status, contact, joined_at, "
            + "withdrawn_at, withdrawal_reason, declaration_id, version";
    /**
     * What a register page reads for a member whose contacts the caller may not see: the columns of the public
     * view (issue 20: the {@code contact} JSON is most of a row's bytes and of a page's database and server CPU).
     * Public for {@code bench barepage}, which runs the same statement.
     */
    public static final String PUBLIC_COLUMNS = "id, konwent_id, name, kind, voivodeship, status, street, "
            + "postal_code, town, founder_name, joined_at, withdrawn_at, withdrawal_reason, declaration_id, version";
    /**
     * Register order, read from index {@code ix_member_konwent_name} (konwent_id, name, id) so that a page costs
     * the same in a register of any size. H2 needs all three hints: it prefers its own index of the foreign key
     * (konwent_id alone) unless told, and reads an index in order only when ORDER BY starts at the index's first
     * column; MySQL takes them as they are. The keyset condition opens with {@code name >= :afterName} so that
     * both engines start the range there instead of scanning from the start.
     */
    private static final String FROM = " FROM member USE INDEX (ix_member_konwent_name) WHERE ";
    private static final String ORDER = " ORDER BY konwent_id, name, id";
    private static final RowMapper<Member> MAPPER = (rs, ctx) -> {
        long withdrawnAt = rs.getLong("withdrawn_at");
        boolean withdrawn = !rs.wasNull();
        return new Member(rs.getString("id"), new KonwentId(rs.getString("konwent_id")), rs.getString("name"),
                MemberKind.valueOf(rs.getString("kind")), JsonColumns.read(rs.getString("contact"), Contact.class),
                Member.Status.valueOf(rs.getString("status")), Instant.ofEpochMilli(rs.getLong("joined_at")),
                withdrawn ? Instant.ofEpochMilli(withdrawnAt) : null, rs.getString("withdrawal_reason"),
                rs.getString("declaration_id"), rs.getLong("version"));
    };

    /** A row of {@link #PUBLIC_COLUMNS}, with column {@code contact} when the query read it for this member. */
    private static RowMapper<Member> listed(boolean contactRead) {
        return (rs, ctx) -> {
            String json = contactRead ? rs.getString("contact") : null;
            Contact contact = json != null ? JsonColumns.read(json, Contact.class) : Contact.publicPart(
                    new Address(rs.getString("street"), rs.getString("postal_code"), rs.getString("town"),
                            voivodeship(rs.getString("voivodeship"))), rs.getString("founder_name"));
            long withdrawnAt = rs.getLong("withdrawn_at");
            boolean withdrawn = !rs.wasNull();
            return new Member(rs.getString("id"), new KonwentId(rs.getString("konwent_id")), rs.getString("name"),
                    MemberKind.valueOf(rs.getString("kind")), contact, Member.Status.valueOf(rs.getString("status")),
                    Instant.ofEpochMilli(rs.getLong("joined_at")),
                    withdrawn ? Instant.ofEpochMilli(withdrawnAt) : null, rs.getString("withdrawal_reason"),
                    rs.getString("declaration_id"), rs.getLong("version"));
        };
    }

    private final Jdbi jdbi;

    public JdbiMembers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Member m) {
        PublicStamps.writing(jdbi, m.konwent().value(), PublicStamps.Scope.REGISTER, handle -> handle.createUpdate(
                "INSERT INTO member (id, konwent_id, name, search_name, kind, "
                        + "town, search_town, voivodeship, street, postal_code, founder_name, status, contact, "
                        + "joined_at, changed_at, declaration_id, version) VALUES (:id, :konwent, :name, :searchName, "
                        + ":kind, :town, :searchTown, :voivodeship, :street, :postalCode, :founderName, :status, :contact, "
                        + ":joinedAt, :changedAt, :declarationId, :version)")
                .bind("id", m.id()).bind("konwent", m.konwent().value()).bind("name", m.name())
                .bind("searchName", Text.fold(m.name())).bind("kind", m.kind().name())
                .bind("town", m.contact().address().town()).bind("searchTown", Text.fold(m.contact().address().town()))
                .bind("voivodeship", teryt(m.contact().address().voivodeship()))
                .bind("street", m.contact().address().street()).bind("postalCode", m.contact().address().postalCode())
                .bind("founderName", m.contact().foundingInstitution().name())
                .bind("status", m.status().name()).bind("contact", JsonColumns.write(m.contact()))
                .bind("joinedAt", m.joinedAt().toEpochMilli()).bind("changedAt", changedAt(m))
                .bind("declarationId", m.declarationId())
                .bind("version", m.version())
                .execute());
    }

    @Override
    public Optional<Member> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM member "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id)
                .map(MAPPER).findOne());
    }

    @Override
    public Page<Member> list(KonwentId konwent, Filter filter, PageRequest page, ContactsOf contacts) {
        String after = page.after();
        int slash = after == null ? -1 : after.indexOf('/');
        if (after != null && slash < 1) {
            throw DomainException.InvalidInput.of("cursor", "is not a cursor of this list");
        }
        String keyset = after == null ? "" : " AND name >= :afterName AND (name > :afterName OR id > :afterId)";
        Where where = Where.of(konwent, filter);
        List<Member> rows = jdbi.withHandle(handle -> {
            boolean contactRead = contacts.everyone() || !contacts.memberIds().isEmpty();
            String contact = contacts.everyone() ? ", contact"
                    : contactRead ? ", CASE WHEN id IN (<contactsOf>) THEN contact END AS contact" : "";
            Query query = handle.createQuery("SELECT " + PUBLIC_COLUMNS + contact + FROM + where.sql() + keyset
                    + ORDER + " LIMIT :limit").bindMap(where.binds()).bind("limit", page.limit() + 1);
            if (!contacts.everyone() && contactRead) {
                query.bindList("contactsOf", List.copyOf(contacts.memberIds()));
            }
            if (after != null) {
                query.bind("afterId", after.substring(0, slash)).bind("afterName", after.substring(slash + 1));
            }
            return query.map(listed(contactRead)).list();
        });
        return Page.fromOverfetch(rows, page.limit(), m -> m.id() + "/" + m.name());
    }

    @Override
    public List<Member> all(KonwentId konwent, Filter filter) {
        Where where = Where.of(konwent, filter);
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + FROM + where.sql() + ORDER)
                .bindMap(where.binds()).map(MAPPER).list());
    }

    @Override
    public boolean replace(Member m, long expectedVersion) {
        return PublicStamps.writing(jdbi, m.konwent().value(), PublicStamps.Scope.REGISTER, handle -> handle
                .createUpdate("UPDATE member SET town = :town, "
                        + "search_town = :searchTown, voivodeship = :voivodeship, street = :street, "
                        + "postal_code = :postalCode, founder_name = :founderName, status = :status, "
                        + "contact = :contact, "
                        + "withdrawn_at = :withdrawnAt, changed_at = :changedAt, withdrawal_reason = :reason, "
                        + "version = :version "
                        + "WHERE id = :id AND version = :expected")
                .bind("town", m.contact().address().town()).bind("searchTown", Text.fold(m.contact().address().town()))
                .bind("voivodeship", teryt(m.contact().address().voivodeship()))
                .bind("street", m.contact().address().street()).bind("postalCode", m.contact().address().postalCode())
                .bind("founderName", m.contact().foundingInstitution().name())
                .bind("status", m.status().name()).bind("contact", JsonColumns.write(m.contact()))
                .bind("withdrawnAt", m.withdrawnAt() == null ? null : m.withdrawnAt().toEpochMilli())
                .bind("changedAt", changedAt(m)).bind("reason", m.withdrawalReason()).bind("version", m.version())
                .bind("id", m.id()).bind("expected", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public OptionalLong registerVersion(KonwentId konwent) {
        return PublicStamps.register(jdbi, konwent.value());
    }

    @Override
    public int countActive(KonwentId konwent) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM member WHERE konwent_id = :konwent AND status = :status")
                .bind("konwent", konwent.value()).bind("status", Member.Status.ACTIVE.name())
                .mapTo(Integer.class).one());
    }

    /** The WHERE clause of a register filter and the values it binds, built together. */
    private record Where(String sql, Map<String, Object> binds) {
        static Where of(KonwentId konwent, Filter filter) {
            StringBuilder sql = new StringBuilder("konwent_id = :konwent");
            Map<String, Object> binds = new HashMap<>(Map.of("konwent", konwent.value()));
            if (filter.kind() != null) {
                sql.append(" AND kind = :kind");
                binds.put("kind", filter.kind().name());
            }
            if (filter.voivodeship() != null) {
                sql.append(" AND voivodeship = :voivodeship");
                binds.put("voivodeship", filter.voivodeship().teryt());
            }
            if (filter.town() != null) {
                sql.append(" AND search_town = :town");
                binds.put("town", Text.fold(filter.town()));
            }
            if (filter.status() != null) {
                sql.append(" AND status = :status");
                binds.put("status", filter.status().name());
            }
            if (filter.nameContains() != null) {
                sql.append(" AND search_name LIKE :q" + Like.ESCAPE);
                binds.put("q", Like.containing(Text.fold(filter.nameContains())));
            }
            return new Where(sql.toString(), binds);
        }
    }

    /** Column changed_at: the member's latest change the public feed shows (joining, then leaving). */
    private static long changedAt(Member m) {
        return (m.withdrawnAt() != null ? m.withdrawnAt() : m.joinedAt()).toEpochMilli();
    }

    private static Voivodeship voivodeship(String teryt) {
        return teryt == null ? null : Voivodeship.ofTeryt(teryt);
    }

    private static String teryt(Voivodeship voivodeship) {
        return voivodeship == null ? null : voivodeship.teryt();
    }
}
