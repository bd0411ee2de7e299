package pl.konwent.domain.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the key to continue after, or {@code null} on the last page. */
public record Page<T>(List<T> items, String nextAfter) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from a query that fetched up to {@code limit + 1} rows: the extra row only tells
     * that another page exists.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int limit, Function<T, String> keyOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, keyOf.apply(items.get(limit - 1)));
    }

    /** The items that pass; the page may then be shorter than asked, and the key to continue stays the same. */
    public Page<T> filter(java.util.function.Predicate<T> keep) {
        return new Page<>(items.stream().filter(keep).toList(), nextAfter);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextAfter);
    }
}
