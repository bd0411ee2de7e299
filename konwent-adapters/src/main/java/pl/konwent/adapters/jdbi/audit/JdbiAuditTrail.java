package pl.konwent.adapters.jdbi.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.Like;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.audit.AuditEntry;
import pl.konwent.domain.audit.AuditTrail;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * The audit trail in table {@code audit_entry}, newest first (paged by {@link NewestFirst}).
 */
public final class JdbiAuditTrail implements AuditTrail {
    private static final RowMapper<AuditEntry> MAPPER = (rs, ctx) -> new AuditEntry(rs.getString("id"),
            Instant.ofEpochMilli(rs.getLong("at")),
            rs.getString("actor_id") == null ? null : new AccountId(rs.getString("actor_id")),
            rs.getString("actor_name"), new KonwentId(rs.getString("konwent_id")), rs.getString("action"),
            rs.getString("resource"), rs.getInt("status"), AuditEntry.Outcome.valueOf(rs.getString("outcome")),
            rs.getString("reason"));

    private final Jdbi jdbi;

    public JdbiAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AuditEntry e) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO audit_entry (id, at, actor_id, actor_name, "
                        + "konwent_id, action, resource, status, outcome, reason) VALUES (:id, :at, :actorId, "
                        + ":actorName, :konwent, :action, :resource, :status, :outcome, :reason)")
                .bind("id", e.id()).bind("at", e.at().toEpochMilli())
                .bind("actorId", e.actorId() == null ? null : e.actorId().value())
                .bind("actorName", e.actorName())
                .bind("konwent", e.konwent() == null ? null : e.konwent().value())
                .bind("action", truncate(e.action(), 200)).bind("resource", truncate(e.resource(), 500))
                .bind("status", e.status()).bind("outcome", e.outcome().name())
                .bind("reason", e.reason())
                .execute());
    }

    @Override
    public Page<AuditEntry> list(KonwentId konwent, Query query, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor_id, actor_name, konwent_id, action, resource, "
                + "status, outcome, reason FROM audit_entry WHERE konwent_id = :konwent");
        Map<String, Object> binds = new HashMap<>(Map.of("konwent", konwent.value()));
        if (query.from() != null) {
            sql.append(" AND at >= :from");
            binds.put("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND at < :to");
            binds.put("to", query.to().toEpochMilli());
        }
        if (query.actorName() != null) {
            sql.append(" AND actor_name = :actor");
            binds.put("actor", query.actorName());
        }
        if (query.resourcePrefix() != null) {
            sql.append(" AND resource LIKE :resource" + Like.ESCAPE);
            binds.put("resource", Like.prefix(query.resourcePrefix()));
        }
        return NewestFirst.page(jdbi, sql.toString(), binds, "at", page, MAPPER, entry -> entry.at().toEpochMilli(),
                AuditEntry::id);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
