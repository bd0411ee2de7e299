package pl.konwent.adapters.jdbi.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.adapters.jdbi.Like;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentFile;
import pl.konwent.domain.documents.DocumentKind;
import pl.konwent.domain.documents.Documents;
import pl.konwent.domain.documents.FileType;
import pl.konwent.domain.documents.SearchWords;
import pl.konwent.domain.documents.Visibility;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * Documents in {@code document}, their files' metadata in {@code document_file}. {@code search_text} holds the
 * title and body in lower case ({@link SearchWords}); a search is one LIKE per word on it, in the same WHERE as
 * every other filter, so pages stay full and the cursor stays right. Listed newest date first, then by id; the
 * page key is "date/id".
 */
public final class JdbiDocuments implements Documents {
    private static final String COLUMNS = "id, konwent_id, title, kind, doc_date, language, body, visibility, "
            + "source_type, source_id, created_at, updated_at, published_at, version";
    private static final String FILE_COLUMNS = "id, document_id, name, content_type, size_bytes, sha256, uploaded_at";
    private static final RowMapper<Document> MAPPER = (rs, ctx) -> {
        String sourceType = rs.getString("source_type");
        return new Document(rs.getString("id"), new KonwentId(rs.getString("konwent_id")),
                new Document.Content(rs.getString("title"), DocumentKind.valueOf(rs.getString("kind")),
                        rs.getObject("doc_date", LocalDate.class), rs.getString("language"), rs.getString("body"),
                        Visibility.valueOf(rs.getString("visibility"))),
                sourceType == null ? null : new Document.Source(Document.Source.Type.valueOf(sourceType),
                        rs.getString("source_id")),
                List.of(), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"),
                rs.getLong("version"));
    };
    private static final RowMapper<DocumentFile> FILE_MAPPER = (rs, ctx) -> new DocumentFile(rs.getString("id"),
            rs.getString("document_id"), rs.getString("name"), FileType.ofMediaType(rs.getString("content_type")),
            rs.getLong("size_bytes"), rs.getString("sha256"), instant(rs, "uploaded_at"));

    private final Jdbi jdbi;

    public JdbiDocuments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Document d) {
        String konwent = d.konwent().value();
        boolean shown = d.isPublic();
        SqlErrors.uniqueAsConflict(() -> PublicStamps.writing(jdbi, konwent, PublicStamps.Scope.FEED, h -> shown,
                handle -> handle.createUpdate("INSERT INTO document ("
                        + COLUMNS + ", search_text) VALUES (:id, :konwent, :title, :kind, :date, :language, :body, "
                        + ":visibility, :sourceType, :sourceId, :createdAt, :updatedAt, :publishedAt, :version, "
                        + ":search)")
                .bindMap(values(d))
                .bind("konwent", d.konwent().value())
                .bind("sourceType", d.source() == null ? null : d.source().type().name())
                .bind("sourceId", d.source() == null ? null : d.source().id())
                .bind("createdAt", d.createdAt().toEpochMilli())
                .execute()), "A document from " + d.source() + " is already archived");
    }

    @Override
    public Optional<Document> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM document "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id).map(MAPPER).findOne()
                .map(document -> withFiles(handle, List.of(document)).get(0)));
    }

    @Override
    public Optional<Document> findBySource(KonwentId konwent, Document.Source source) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM document "
                        + "WHERE konwent_id = :konwent AND source_type = :type AND source_id = :source")
                .bind("konwent", konwent.value()).bind("type", source.type().name()).bind("source", source.id())
                .map(MAPPER).findOne()
                .map(document -> withFiles(handle, List.of(document)).get(0)));
    }

    @Override
    public Page<Document> list(KonwentId konwent, Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM document WHERE konwent_id = :konwent");
        Map<String, Object> binds = new HashMap<>(Map.of("konwent", konwent.value()));
        if (filter.publicOnly()) {
            sql.append(" AND visibility = 'PUBLIC'");
        }
        if (filter.visibility() != null) {
            sql.append(" AND visibility = :visibility");
            binds.put("visibility", filter.visibility().name());
        }
        if (filter.kind() != null) {
            sql.append(" AND kind = :kind");
            binds.put("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            sql.append(" AND doc_date >= :from");
            binds.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND doc_date <= :to");
            binds.put("to", filter.to());
        }
        for (int i = 0; i < filter.words().size(); i++) {
            sql.append(" AND search_text LIKE :word").append(i).append(Like.ESCAPE);
            binds.put("word" + i, Like.containing(filter.words().get(i)));
        }
        String[] after = page.after() == null ? null : parseKey(page.after());
        if (after != null) {
            sql.append(" AND (doc_date < :afterDate OR (doc_date = :afterDate AND id < :afterId))");
            binds.put("afterDate", LocalDate.parse(after[0]));
            binds.put("afterId", after[1]);
        }
        sql.append(" ORDER BY doc_date DESC, id DESC LIMIT :limit");
        List<Document> rows = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bindMap(binds).bind("limit", page.limit() + 1);
            return withFiles(handle, query.map(MAPPER).list());
        });
        return Page.fromOverfetch(rows, page.limit(), d -> d.content().date() + "/" + d.id());
    }

    @Override
    public boolean replace(Document d, long expectedVersion) {
        // the feed changes when the document was public or now is
        return PublicStamps.writing(jdbi, d.konwent().value(), PublicStamps.Scope.FEED, h -> d.isPublic()
                        || h.createQuery("SELECT visibility FROM document WHERE id = :id")
                        .bind("id", d.id()).mapTo(String.class).findOne().filter("PUBLIC"::equals).isPresent(),
                handle -> handle.createUpdate("UPDATE document SET title = :title, kind = :kind, "
                        + "doc_date = :date, language = :language, body = :body, visibility = :visibility, "
                        + "updated_at = :updatedAt, published_at = :publishedAt, version = :version, "
                        + "search_text = :search WHERE id = :id AND version = :expected")
                .bindMap(values(d)).bind("expected", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public boolean delete(Document d, long expectedVersion) {
        return PublicStamps.writing(jdbi, d.konwent().value(), PublicStamps.Scope.FEED,
                h -> d.isPublic(), handle -> {
            handle.createUpdate("DELETE FROM document_file WHERE document_id = :id").bind("id", d.id()).execute();
            return handle.createUpdate("DELETE FROM document WHERE id = :id AND version = :expected")
                    .bind("id", d.id()).bind("expected", expectedVersion).execute();
        }) == 1;
    }

    @Override
    public void addFile(DocumentFile f) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO document_file (" + FILE_COLUMNS + ") VALUES (:id, "
                        + ":document, :name, :contentType, :size, :sha256, :uploadedAt)")
                .bind("id", f.id()).bind("document", f.documentId()).bind("name", f.name())
                .bind("contentType", f.type().mediaType()).bind("size", f.size()).bind("sha256", f.sha256())
                .bind("uploadedAt", f.uploadedAt().toEpochMilli())
                .execute());
    }

    @Override
    public boolean deleteFile(String documentId, String fileId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM document_file "
                        + "WHERE document_id = :document AND id = :id")
                .bind("document", documentId).bind("id", fileId).execute()) == 1;
    }

    /** The documents with their files, read in one query for all of them, oldest upload first. */
    private static List<Document> withFiles(Handle handle, List<Document> documents) {
        if (documents.isEmpty()) {
            return documents;
        }
        Map<String, List<DocumentFile>> byDocument = new LinkedHashMap<>();
        documents.forEach(d -> byDocument.put(d.id(), new ArrayList<>()));
        handle.createQuery("SELECT " + FILE_COLUMNS + " FROM document_file WHERE document_id IN (<ids>) "
                        + "ORDER BY uploaded_at, id")
                .bindList("ids", List.copyOf(byDocument.keySet()))
                .map(FILE_MAPPER)
                .forEach(file -> byDocument.get(file.documentId()).add(file));
        return documents.stream().map(d -> new Document(d.id(), d.konwent(), d.content(), d.source(),
                byDocument.get(d.id()), d.createdAt(), d.updatedAt(), d.publishedAt(), d.version())).toList();
    }

    private static Map<String, Object> values(Document d) {
        Document.Content c = d.content();
        Map<String, Object> values = new HashMap<>();
        values.put("id", d.id());
        values.put("title", c.title());
        values.put("kind", c.kind().name());
        values.put("date", c.date());
        values.put("language", c.language());
        values.put("body", c.body());
        values.put("visibility", c.visibility().name());
        values.put("updatedAt", d.updatedAt().toEpochMilli());
        values.put("publishedAt", d.publishedAt() == null ? null : d.publishedAt().toEpochMilli());
        values.put("version", d.version());
        values.put("search", SearchWords.searchable(c.title(), c.body()));
        return values;
    }

    private static String[] parseKey(String key) {
        int slash = key.indexOf('/');
        try {
            if (slash > 0) {
                LocalDate.parse(key.substring(0, slash));
                return new String[] {key.substring(0, slash), key.substring(slash + 1)};
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw DomainException.InvalidInput.of("cursor", "is not a cursor of this list");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
