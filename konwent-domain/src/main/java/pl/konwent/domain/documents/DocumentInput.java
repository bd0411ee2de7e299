package pl.konwent.domain.documents;

import java.time.LocalDate;
import java.util.Locale;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Times;

/** A document as the department sends it, unchecked; {@link #validate} reports every bad field at once. */
public record DocumentInput(String title, String kind, String date, String language, String body,
                            String visibility) {
    public static final String DEFAULT_LANGUAGE = "pl";

    public Document.Content validate(FieldErrors errors) {
        String validTitle = errors.requireText("title", title, 300);
        DocumentKind validKind = errors.parse("kind", () -> Enums.parse(DocumentKind.class, kind));
        LocalDate validDate = Times.date(errors, "date", date);
        String validLanguage = language(errors);
        String validBody = body == null || body.isBlank() ? "" : errors.optionalText("body", body, 200_000);
        Visibility validVisibility = visibility == null ? Visibility.INTERNAL
                : errors.parse("visibility", () -> Enums.parse(Visibility.class, visibility));
        if (!errors.isEmpty()) {
            return null;
        }
        return new Document.Content(validTitle, validKind, validDate, validLanguage, validBody, validVisibility);
    }

    /** A BCP 47 language tag ("pl", "en", "uk", "de-AT"), Polish when not given. */
    private String language(FieldErrors errors) {
        if (language == null || language.isBlank()) {
            return DEFAULT_LANGUAGE;
        }
        String tag = language.strip();
        String canonical = Locale.forLanguageTag(tag).toLanguageTag();
        boolean valid = tag.length() <= 35 && tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
                && canonical.equalsIgnoreCase(tag);
        errors.check(valid, "language", "must be a BCP 47 language tag like pl, en or de-AT");
        return valid ? canonical : null;
    }
}
