package pl.konwent.adapters.web.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * Reads {@code ?limit=} and {@code ?cursor=} the same way on every list and writes {@code {items, next}}.
 * A cursor is the list's keyset position, encoded so clients treat it as opaque.
 */
public final class Paging {
    private static final String CURSOR_PREFIX = "k1:";

    private Paging() {
    }

    public static PageRequest request(String limit, String cursor) {
        FieldErrors errors = new FieldErrors();
        Integer size = limit == null ? Integer.valueOf(PageRequest.DEFAULT_LIMIT)
                : errors.parse("limit", () -> parseLimit(limit));
        String after = cursor == null ? null : errors.parse("cursor", () -> decode(cursor));
        errors.throwIfAny();
        return new PageRequest(size, after);
    }

    public static <D, V> PageView<V> view(Page<D> page, Function<D, V> toView) {
        return new PageView<>(page.items().stream().map(toView).toList(),
                page.nextAfter() == null ? null : encode(page.nextAfter()));
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static int parseLimit(String raw) {
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= PageRequest.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like any other out-of-range value
        }
        throw new InvalidValue("must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
    }

    private static String decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                return decoded.substring(CURSOR_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw new InvalidValue("is not a cursor this API issued; use the 'next' value of the previous page");
    }

}
