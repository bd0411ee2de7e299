package pl.konwent.domain.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing of the API's times, dates and links, reporting into {@link FieldErrors}. */
public final class Times {
    private Times() {
    }

    /** An RFC 3339 date-time with its offset ("2031-03-12T10:00:00+01:00"); null when absent and optional. */
    public static Instant instant(FieldErrors errors, String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            errors.check(!required, field, "is required");
            return null;
        }
        return errors.parse(field, () -> {
            try {
                return OffsetDateTime.parse(raw.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidValue("must be an RFC 3339 date-time with an offset, like 2031-03-12T10:00:00+01:00");
            }
        });
    }

    /** A calendar date YYYY-MM-DD. */
    public static LocalDate date(FieldErrors errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            errors.check(false, field, "is required");
            return null;
        }
        return errors.parse(field, () -> {
            try {
                return LocalDate.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidValue("must be a date YYYY-MM-DD");
            }
        });
    }

    /** An absolute http(s) link, at most {@code maxLength} characters; null when absent. */
    public static String link(FieldErrors errors, String field, String raw, int maxLength) {
        String text = errors.optionalText(field, raw, maxLength);
        if (text == null) {
            return null;
        }
        return errors.parse(field, () -> {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                    throw new InvalidValue("must be an absolute http or https link");
                }
                return text;
            } catch (URISyntaxException e) {
                throw new InvalidValue("must be an absolute http or https link");
            }
        });
    }
}
