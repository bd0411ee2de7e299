package pl.konwent.domain.shared;

/**
 * A slice of a list in keyset order: at most {@code limit} items after the key {@code after}
 * (null for the first page). The key's meaning belongs to the list being read.
 */
public record PageRequest(int limit, String after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
