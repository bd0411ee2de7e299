package pl.konwent.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the field errors of one command so that all of them are reported together.
 * Values are parsed with {@link #parse}; a failed parse records the error and yields {@code null}.
 */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    public <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValue e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** Parses an optional value: {@code null} raw input stays {@code null} without an error. */
    public <T> T parseOptional(String field, Object raw, Supplier<T> parser) {
        return raw == null ? null : parse(field, parser);
    }

    public String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return checkLength(field, value.strip(), maxLength);
    }

    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checkLength(field, value.strip(), maxLength);
    }

    public void check(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(new FieldError(field, message));
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput(errors);
        }
    }

    private String checkLength(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return value;
    }
}
