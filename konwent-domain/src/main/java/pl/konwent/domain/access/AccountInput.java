package pl.konwent.domain.access;

import java.util.regex.Pattern;
import pl.konwent.domain.shared.Contacts;
import pl.konwent.domain.shared.FieldErrors;

/** Rules for what a client may send about an account. */
public final class AccountInput {
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private AccountInput() {
    }

    /** The username in its normal form ({@link Usernames}: so "Anna " is stored as "anna"), if valid. */
    public static String username(FieldErrors errors, String raw) {
        String normal = Usernames.normal(raw);
        if (raw == null || !USERNAME.matcher(normal).matches()) {
            errors.check(false, "username", "must be 3 to 64 letters (taken in lower case), digits, '.', '_' or '-', "
                    + "starting with a letter or digit; leading and trailing spaces are dropped");
            return null;
        }
        return normal;
    }

    public static String password(FieldErrors errors, String field, String raw) {
        if (raw == null || raw.length() < MIN_PASSWORD || raw.length() > MAX_PASSWORD) {
            errors.check(false, field, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
            return null;
        }
        return raw;
    }

    public static String displayName(FieldErrors errors, String raw) {
        return errors.requireText("displayName", raw, 200);
    }

    public static String email(FieldErrors errors, String raw) {
        return Contacts.email(errors, "email", raw, false);
    }
}
