package pl.konwent.adapters.jdbi;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * Lists ordered newest first by (time, id), paged by keyset: the page key is "millis/id" of the last row shown.
 * One way to page every such list (declarations, votes, the audit trail).
 */
public record NewestFirst(long at, String id) {

    /**
     * One page of {@code select} (a SELECT … FROM … WHERE …, bound with {@code binds}) ordered by
     * {@code timeColumn} then {@code id}, both descending.
     */
    public static <T> Page<T> page(Jdbi jdbi, String select, Map<String, Object> binds, String timeColumn,
                                   PageRequest page, RowMapper<T> mapper, ToLongFunction<T> timeOf,
                                   Function<T, String> idOf) {
        NewestFirst after = parse(page.after());
        String sql = select
                + (after == null ? "" : " AND (" + timeColumn + " < :afterAt OR (" + timeColumn + " = :afterAt "
                + "AND id < :afterId))")
                + " ORDER BY " + timeColumn + " DESC, id DESC LIMIT :limit";
        List<T> rows = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql).bindMap(binds).bind("limit", page.limit() + 1);
            if (after != null) {
                query.bind("afterAt", after.at()).bind("afterId", after.id());
            }
            return query.map(mapper).list();
        });
        return Page.fromOverfetch(rows, page.limit(), row -> timeOf.applyAsLong(row) + "/" + idOf.apply(row));
    }

    static NewestFirst parse(String key) {
        if (key == null) {
            return null;
        }
        int slash = key.indexOf('/');
        try {
            return new NewestFirst(Long.parseLong(key.substring(0, Math.max(slash, 0))), key.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw DomainException.InvalidInput.of("cursor", "is not a cursor of this list");
        }
    }
}
