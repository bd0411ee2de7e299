package pl.konwent.domain.access;

import java.util.UUID;
import pl.konwent.domain.shared.InvalidValue;

/** An account's opaque id (a UUID). */
public record AccountId(String value) {
    public AccountId {
        try {
            if (value == null || !UUID.fromString(value).toString().equals(value)) {
                throw new InvalidValue("is not an account id");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("is not an account id");
        }
    }

    public static AccountId of(UUID uuid) {
        return new AccountId(uuid.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
