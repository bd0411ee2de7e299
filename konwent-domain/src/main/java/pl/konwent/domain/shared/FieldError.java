package pl.konwent.domain.shared;

import java.util.Objects;

/** One invalid field of a command: a dotted path as the client sent it ({@code charter.councilSize}) and why. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
