package pl.konwent.domain.shared;

import java.util.regex.Pattern;

/** The checks every contact field shares: e-mail addresses, Polish phone numbers and postal codes. */
public final class Contacts {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{9,20}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{2}-[0-9]{3}");

    private Contacts() {
    }

    public static String email(FieldErrors errors, String field, String raw, boolean required) {
        String email = required ? errors.requireText(field, raw, 254) : errors.optionalText(field, raw, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.check(false, field, "must be an e-mail address such as biuro@cis.example.pl");
            return null;
        }
        return email;
    }

    public static String phone(FieldErrors errors, String field, String raw, boolean required) {
        String phone = required ? errors.requireText(field, raw, 30) : errors.optionalText(field, raw, 30);
        if (phone != null && (!PHONE.matcher(phone).matches() || digits(phone) < 9 || digits(phone) > 15)) {
            errors.check(false, field, "must be a phone number of 9 to 15 digits, such as +48 61 000 00 00");
            return null;
        }
        return phone;
    }

    public static String postalCode(FieldErrors errors, String field, String raw) {
        String code = errors.requireText(field, raw, 6);
        if (code != null && !POSTAL_CODE.matcher(code).matches()) {
            errors.check(false, field, "must be a Polish postal code NN-NNN, such as 62-045");
            return null;
        }
        return code;
    }

    private static long digits(String phone) {
        return phone.chars().filter(Character::isDigit).count();
    }
}
