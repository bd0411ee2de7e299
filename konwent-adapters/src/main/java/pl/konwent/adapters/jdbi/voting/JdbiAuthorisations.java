package pl.konwent.adapters.jdbi.voting;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.voting.Authorisation;
import pl.konwent.domain.voting.Authorisations;

/**
 * V4: authorisations in table {@code authorisation}; the ballots cast under them in {@code proxy_ballot}, one row
 * per ballot_cast row (vote, member), so a proxy ballot is the member's one ballot (V1) and nothing more: never the
 * choice, which stays named in ballot_choice (open vote) or sealed apart from any member (secret vote, V3).
 */
public final class JdbiAuthorisations implements Authorisations {
    private static final String COLUMNS = "id, konwent_id, member_id, kind, holder_account_id, holder_member_id, "
            + "meeting_id, vote_id, signed_by, document_id, file_id, state, reason, submitted_at, decided_at, "
            + "revoked_at, version";
    private static final RowMapper<Authorisation> MAPPER = (rs, ctx) -> new Authorisation(rs.getString("id"),
            new KonwentId(rs.getString("konwent_id")), rs.getString("member_id"),
            Authorisation.Kind.valueOf(rs.getString("kind")), new AccountId(rs.getString("holder_account_id")),
            rs.getString("holder_member_id"), rs.getString("meeting_id"), rs.getString("vote_id"),
            rs.getString("signed_by"), rs.getString("document_id"), rs.getString("file_id"),
            Authorisation.State.valueOf(rs.getString("state")), rs.getString("reason"),
            instant(rs.getObject("submitted_at")), instant(rs.getObject("decided_at")),
            instant(rs.getObject("revoked_at")), rs.getLong("version"));

    private final Jdbi jdbi;

    public JdbiAuthorisations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Authorisation a) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO authorisation (" + COLUMNS + ") VALUES (:id, "
                        + ":konwent, :member, :kind, :holder, :holderMember, :meeting, :vote, :signedBy, :document, "
                        + ":file, :state, :reason, :submittedAt, :decidedAt, :revokedAt, :version)")
                .bindMap(values(a)).execute());
    }

    @Override
    public Optional<Authorisation> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM authorisation "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Optional<Authorisation> lock(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM authorisation "
                        + "WHERE konwent_id = :konwent AND id = :id FOR UPDATE")
                .bind("konwent", konwent.value()).bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Page<Authorisation> list(KonwentId konwent, Filter filter, PageRequest page) {
        Map<String, Object> binds = new HashMap<>(Map.of("konwent", konwent.value()));
        StringBuilder where = new StringBuilder(" WHERE konwent_id = :konwent");
        if (filter.memberId() != null) {
            where.append(" AND member_id = :member");
            binds.put("member", filter.memberId());
        }
        if (filter.holder() != null) {
            where.append(" AND holder_account_id = :holder");
            binds.put("holder", filter.holder().value());
        }
        if (filter.state() != null) {
            where.append(" AND state = :state");
            binds.put("state", filter.state().name());
        }
        return NewestFirst.page(jdbi, "SELECT " + COLUMNS + " FROM authorisation" + where, binds, "submitted_at",
                page, MAPPER, a -> a.submittedAt().toEpochMilli(), Authorisation::id);
    }

    @Override
    public boolean replace(Authorisation a, long expectedVersion) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE authorisation SET file_id = :file, "
                        + "state = :state, reason = :reason, decided_at = :decidedAt, revoked_at = :revokedAt, "
                        + "version = :version WHERE id = :id AND version = :expected")
                .bindMap(values(a)).bind("expected", expectedVersion).execute()) == 1;
    }

    @Override
    public List<Authorisation> acceptedFor(KonwentId konwent, String memberId, AccountId holder) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM authorisation "
                        + "WHERE holder_account_id = :holder AND state = 'ACCEPTED' AND konwent_id = :konwent "
                        + "AND member_id = :member ORDER BY submitted_at, id")
                .bind("holder", holder.value()).bind("konwent", konwent.value()).bind("member", memberId)
                .map(MAPPER).list());
    }

    @Override
    public List<Authorisation> lockAcceptedProxiesOf(KonwentId konwent, AccountId holder, String exceptId) {
        return jdbi.withHandle(handle -> {
            // the holder's account row is the one lock every acceptance for this holder takes first
            handle.createQuery("SELECT id FROM account WHERE id = :holder FOR UPDATE")
                    .bind("holder", holder.value()).mapTo(String.class).findOne();
            return handle.createQuery("SELECT " + COLUMNS + " FROM authorisation WHERE holder_account_id = :holder "
                            + "AND state = 'ACCEPTED' AND kind = 'PROXY' AND konwent_id = :konwent AND id <> :except "
                            + "FOR UPDATE")
                    .bind("holder", holder.value()).bind("konwent", konwent.value()).bind("except", exceptId)
                    .map(MAPPER).list();
        });
    }

    @Override
    public void recordBallot(String voteId, String memberId, String authorisationId) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO proxy_ballot (vote_id, member_id, authorisation_id) "
                        + "VALUES (:vote, :member, :authorisation)")
                .bind("vote", voteId).bind("member", memberId).bind("authorisation", authorisationId).execute());
    }

    /** A locking read, so a revocation waiting on the authorisation's lock sees a ballot just committed under it. */
    @Override
    public boolean used(String authorisationId) {
        return !jdbi.withHandle(handle -> handle.createQuery("SELECT vote_id FROM proxy_ballot "
                        + "WHERE authorisation_id = :authorisation FOR UPDATE")
                .bind("authorisation", authorisationId).mapTo(String.class).list()).isEmpty();
    }

    private static Map<String, Object> values(Authorisation a) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", a.id());
        values.put("konwent", a.konwent().value());
        values.put("member", a.memberId());
        values.put("kind", a.kind().name());
        values.put("holder", a.holder().value());
        values.put("holderMember", a.holderMemberId());
        values.put("meeting", a.meetingId());
        values.put("vote", a.voteId());
        values.put("signedBy", a.signedBy());
        values.put("document", a.documentId());
        values.put("file", a.fileId());
        values.put("state", a.state().name());
        values.put("reason", a.reason());
        values.put("submittedAt", millis(a.submittedAt()));
        values.put("decidedAt", millis(a.decidedAt()));
        values.put("revokedAt", millis(a.revokedAt()));
        values.put("version", a.version());
        return values;
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
