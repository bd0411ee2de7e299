package pl.konwent.domain.konwent;

import java.util.regex.Pattern;
import pl.konwent.domain.shared.InvalidValue;

/** A konwent's slug: lowercase letters, digits and single hyphens, such as {@code krajowy} or {@code dolnoslaski}. */
public record KonwentId(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 63;

    public KonwentId {
        if (value == null || value.length() < 2 || value.length() > MAX_LENGTH || !SLUG.matcher(value).matches()) {
            throw new InvalidValue("must be a slug of 2 to " + MAX_LENGTH
                    + " lowercase letters, digits and single hyphens, such as 'krajowy' or 'dolnoslaski'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
