package pl.konwent.domain.shared;

/**
 * Thrown by a value type's constructor when the raw value cannot be that type. {@link FieldErrors} turns it
 * into a field error, so a command reports every bad field at once.
 */
public final class InvalidValue extends IllegalArgumentException {
    public InvalidValue(String message) {
        super(message, null);
    }
}
