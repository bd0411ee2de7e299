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
        return checkText(field, value.strip(), maxLength);
    }

    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return checkText(field, value.strip(), maxLength);
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

    /**
     * Every text field passes here. Besides length and control characters it refuses what would be stored
     * differently from what was sent, or shown as nothing: an unpaired UTF-16 surrogate (a lone escaped surrogate
     * in JSON, which the database would keep as {@code ?}) and a value made only of invisible characters (a name
     * of zero-width spaces looks empty in every list: spoofing, unreadable records).
     */
    private String checkText(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        if (hasUnpairedSurrogate(value)) {
            errors.add(new FieldError(field, "must be valid Unicode text (it holds an unpaired UTF-16 surrogate)"));
            return null;
        }
        if (value.codePoints().allMatch(FieldErrors::isInvisible)) {
            errors.add(new FieldError(field, "must contain visible characters, not only spaces or invisible ones"));
            return null;
        }
        return value;
    }

    private static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pairStarts = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairStarts) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whitespace, format characters (Cf: zero-width space and joiners, direction marks, the BOM, tags) and the
     * other code points Unicode calls default-ignorable or that render blank (combining grapheme joiner, Hangul
     * fillers, Mongolian and other variation selectors, the blank Braille pattern).
     */
    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.CONTROL || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4
                || c == 0x17B5 || c >= 0x180B && c <= 0x180F || c == 0x2800 || c == 0x3164
                || c >= 0xFE00 && c <= 0xFE0F || c == 0xFFA0 || c >= 0xE0100 && c <= 0xE01EF;
    }
}
