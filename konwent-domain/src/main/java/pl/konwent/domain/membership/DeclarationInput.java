package pl.konwent.domain.membership;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.InvalidValue;

/** A declaration as a client sends it (seed 003 §V), raw; {@link #validate} checks all of it at once (M1). */
public record DeclarationInput(String memberName, String kind, ContactInput contact, String signedBy,
                               String signedOn) {

    public DeclarationContent validate(FieldErrors errors, LocalDate today, Supplier<String> newIds) {
        String name = errors.requireText("memberName", memberName, 300);
        MemberKind validKind = errors.parse("kind", () -> Enums.parse(MemberKind.class, kind));
        Contact validContact = contact.validate(errors, newIds);
        String signer = errors.requireText("signedBy", signedBy, 200);
        LocalDate signed = errors.parse("signedOn", () -> date(signedOn));
        errors.check(signed == null || !signed.isAfter(today), "signedOn", "must not be in the future");
        return new DeclarationContent(name, validKind, validContact, signer, signed);
    }

    private static LocalDate date(String raw) {
        if (raw == null) {
            throw new InvalidValue("is required");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("must be a date YYYY-MM-DD");
        }
    }
}
