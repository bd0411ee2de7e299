package pl.konwent.adapters.jdbi;

import pl.konwent.domain.shared.DomainException;

/** A position in a newest-first list ordered by (time, id): the page key "millis/id". */
public record NewestFirst(long at, String id) {

    public static String keyOf(long at, String id) {
        return at + "/" + id;
    }

    /** The position a page key names, or null for the first page. */
    public static NewestFirst parse(String key) {
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
