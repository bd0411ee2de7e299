package pl.konwent.domain.access;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normal form of a username, used for creating accounts, looking them up at login and throttling failed
 * logins: Unicode NFC, no leading or trailing white space, lower case (Locale.ROOT). So "Anna", " anna" and
 * "anna   " are one user and one throttle key on every database, whatever its collation does with case or with
 * trailing spaces (issue 19: MariaDB's PAD SPACE let "name   " slip past the throttle of "name").
 */
public final class Usernames {
    private Usernames() {
    }

    public static String normal(String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }
}
