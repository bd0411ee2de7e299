package pl.konwent.adapters.jdbi.documents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.documents.ArchiveChain;
import pl.konwent.domain.documents.ChainRecord;
import pl.konwent.domain.documents.ChainRecords;
import pl.konwent.domain.documents.DocumentKind;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * D3: the archive chains in {@code archive_record} and their heads in {@code archive_chain_head}. The head row is
 * locked with SELECT … FOR UPDATE, a locking read that sees the latest committed head on every engine and isolation
 * level; the primary key (konwent, sequence) and the unique (konwent, previous hash) refuse a fork even so.
 */
public final class JdbiChainRecords implements ChainRecords {
    private static final String COLUMNS = "konwent_id, sequence_no, document_id, document_version, record_action, "
            + "kind, title, recorded_at, content_sha256, previous_hash, record_hash";
    private static final RowMapper<ChainRecord> MAPPER = (rs, ctx) -> new ChainRecord(
            new KonwentId(rs.getString("konwent_id")), rs.getLong("sequence_no"), rs.getString("document_id"),
            rs.getLong("document_version"), ChainRecord.Action.valueOf(rs.getString("record_action")),
            DocumentKind.valueOf(rs.getString("kind")), rs.getString("title"),
            ArchiveChain.recordedAt(Instant.ofEpochMilli(rs.getLong("recorded_at"))), rs.getString("content_sha256"),
            rs.getString("previous_hash"), rs.getString("record_hash"));
    private static final RowMapper<ArchiveChain.Head> HEAD = (rs, ctx) -> new ArchiveChain.Head(
            rs.getLong("sequence_no"), rs.getString("record_hash"));

    private final Jdbi jdbi;

    public JdbiChainRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ArchiveChain.Head> lockHead(KonwentId konwent) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT sequence_no, record_hash FROM archive_chain_head "
                + "WHERE konwent_id = :konwent FOR UPDATE").bind("konwent", konwent.value()).map(HEAD).findOne());
    }

    @Override
    public boolean start(KonwentId konwent) {
        try {
            // no stamp: a chain started at its genesis shows the head an unstarted one shows (Head.EMPTY)
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO archive_chain_head (konwent_id, sequence_no, "
                            + "record_hash) VALUES (:konwent, 0, :genesis)")
                    .bind("konwent", konwent.value()).bind("genesis", ArchiveChain.GENESIS).execute());
            return true;
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void append(ChainRecord r) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO archive_record ("
                        + COLUMNS + ") VALUES (:konwent, :sequence, :document, :version, :action, :kind, :title, "
                        + ":recordedAt, :content, :previous, :hash)")
                .bind("konwent", r.konwent().value()).bind("sequence", r.sequence()).bind("document", r.documentId())
                .bind("version", r.documentVersion()).bind("action", r.action().name()).bind("kind", r.kind().name())
                .bind("title", r.title()).bind("recordedAt", Instant.parse(r.recordedAt()).toEpochMilli())
                .bind("content", r.contentSha256()).bind("previous", r.previousHash()).bind("hash", r.hash())
                .execute()), "The archive chain of konwent '" + r.konwent() + "' moved on meanwhile; try again");
        int moved = PublicStamps.writing(jdbi, r.konwent().value(), PublicStamps.Scope.FEED, handle -> handle
                .createUpdate("UPDATE archive_chain_head SET sequence_no = "
                        + ":sequence, record_hash = :hash WHERE konwent_id = :konwent AND sequence_no = :before "
                        + "AND record_hash = :previous")
                .bind("konwent", r.konwent().value()).bind("sequence", r.sequence()).bind("hash", r.hash())
                .bind("before", r.sequence() - 1).bind("previous", r.previousHash()).execute());
        if (moved != 1) {
            throw new DomainException.Conflict("The archive chain of konwent '" + r.konwent()
                    + "' moved on meanwhile; try again");
        }
    }

    @Override
    public Optional<ChainRecord> latestFor(KonwentId konwent, String documentId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM archive_record "
                        + "WHERE konwent_id = :konwent AND document_id = :document ORDER BY sequence_no DESC LIMIT 1")
                .bind("konwent", konwent.value()).bind("document", documentId).map(MAPPER).findOne());
    }

    @Override
    public Optional<ArchiveChain.Head> head(KonwentId konwent) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT sequence_no, record_hash FROM archive_chain_head "
                + "WHERE konwent_id = :konwent").bind("konwent", konwent.value()).map(HEAD).findOne());
    }

    @Override
    public Page<ChainRecord> list(KonwentId konwent, String documentId, PageRequest page) {
        long after = 0;
        if (page.after() != null) {
            try {
                after = Long.parseLong(page.after());
            } catch (NumberFormatException e) {
                throw DomainException.InvalidInput.of("cursor", "is not a cursor of this list");
            }
        }
        String byDocument = documentId == null ? "" : " AND document_id = :document";
        long from = after;
        List<ChainRecord> rows = jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT " + COLUMNS + " FROM archive_record WHERE konwent_id = :konwent"
                            + byDocument + " AND sequence_no > :after ORDER BY sequence_no LIMIT :limit")
                    .bind("konwent", konwent.value()).bind("after", from).bind("limit", page.limit() + 1);
            if (documentId != null) {
                query.bind("document", documentId);
            }
            return query.map(MAPPER).list();
        });
        return Page.fromOverfetch(rows, page.limit(), r -> String.valueOf(r.sequence()));
    }

    @Override
    public List<ChainRecord> all(KonwentId konwent) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM archive_record "
                        + "WHERE konwent_id = :konwent ORDER BY sequence_no")
                .bind("konwent", konwent.value()).map(MAPPER).list());
    }

    @Override
    public List<String> publicDocumentIds(KonwentId konwent) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM document WHERE konwent_id = :konwent "
                        + "AND visibility = 'PUBLIC' ORDER BY COALESCE(published_at, updated_at), id")
                .bind("konwent", konwent.value()).mapTo(String.class).list());
    }

    @Override
    public List<KonwentId> unstarted() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT k.id FROM konwent k WHERE NOT EXISTS "
                        + "(SELECT 1 FROM archive_chain_head h WHERE h.konwent_id = k.id) ORDER BY k.id")
                .map((rs, ctx) -> new KonwentId(rs.getString("id"))).list());
    }
}
