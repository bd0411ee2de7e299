package pl.konwent.adapters.jdbi.membership;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.JsonColumns;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.Declaration;
import pl.konwent.domain.membership.DeclarationContent;
import pl.konwent.domain.membership.Declarations;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Declarations in table {@code declaration}, newest first; keyset "millis/id". */
public final class JdbiDeclarations implements Declarations {
    private static final String COLUMNS = "id, konwent_id, state, content, submitted_at, decision_reason, decided_by, "
            + "decided_by_name, decided_at, member_id, version";
    private static final RowMapper<Declaration> MAPPER = (rs, ctx) -> {
        Declaration.State state = Declaration.State.valueOf(rs.getString("state"));
        Declaration.Decision decision = state == Declaration.State.SUBMITTED ? null : new Declaration.Decision(state,
                rs.getString("decision_reason"), new AccountId(rs.getString("decided_by")),
                rs.getString("decided_by_name"), Instant.ofEpochMilli(rs.getLong("decided_at")));
        return new Declaration(rs.getString("id"), new KonwentId(rs.getString("konwent_id")),
                JsonColumns.read(rs.getString("content"), DeclarationContent.class), state,
                Instant.ofEpochMilli(rs.getLong("submitted_at")), decision, rs.getString("member_id"),
                rs.getLong("version"));
    };

    private final Jdbi jdbi;

    public JdbiDeclarations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Declaration d) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO declaration "
                                + "(id, konwent_id, member_name, state, pending_key, content, submitted_at, version) "
                                + "VALUES (:id, :konwent, :name, :state, :pendingKey, :content, :submittedAt, :version)")
                        .bind("id", d.id()).bind("konwent", d.konwent().value())
                        .bind("name", d.content().memberName()).bind("state", d.state().name())
                        .bind("pendingKey", d.content().organisationKey())
                        .bind("content", JsonColumns.write(d.content()))
                        .bind("submittedAt", d.submittedAt().toEpochMilli()).bind("version", d.version())
                        .execute()),
                "'" + d.content().memberName() + "' in " + d.content().contact().address().town()
                        + " already has a declaration waiting for a decision");
    }

    @Override
    public Optional<Declaration> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM declaration "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id)
                .map(MAPPER).findOne());
    }

    @Override
    public Page<Declaration> list(KonwentId konwent, Declaration.State state, PageRequest page) {
        Map<String, Object> binds = new HashMap<>(Map.of("konwent", konwent.value()));
        if (state != null) {
            binds.put("state", state.name());
        }
        return NewestFirst.page(jdbi, "SELECT " + COLUMNS + " FROM declaration WHERE konwent_id = :konwent"
                        + (state == null ? "" : " AND state = :state"), binds, "submitted_at", page, MAPPER,
                d -> d.submittedAt().toEpochMilli(), Declaration::id);
    }

    @Override
    public boolean replace(Declaration d, long expectedVersion) {
        Declaration.Decision decision = d.decision();
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE declaration SET state = :state, "
                        + "pending_key = :pendingKey, content = :content, decision_reason = :reason, "
                        + "decided_by = :decidedBy, decided_by_name = :decidedByName, decided_at = :decidedAt, "
                        + "member_id = :memberId, version = :version WHERE id = :id AND version = :expected")
                .bind("state", d.state().name())
                .bind("pendingKey", d.state() == Declaration.State.SUBMITTED ? d.content().organisationKey() : null)
                .bind("content", JsonColumns.write(d.content()))
                .bind("reason", decision == null ? null : decision.reason())
                .bind("decidedBy", decision == null ? null : decision.decidedBy().value())
                .bind("decidedByName", decision == null ? null : decision.decidedByName())
                .bind("decidedAt", decision == null ? null : decision.decidedAt().toEpochMilli())
                .bind("memberId", d.memberId()).bind("version", d.version())
                .bind("id", d.id()).bind("expected", expectedVersion)
                .execute()) == 1;
    }
}
