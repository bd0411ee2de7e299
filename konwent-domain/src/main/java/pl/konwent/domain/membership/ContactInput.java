package pl.konwent.domain.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pl.konwent.domain.shared.Contacts;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Voivodeship;

/**
 * Contact data as a client sends it, raw, and its validation (M1): every field of the template checked, every
 * error reported at once under its JSON path. A representative needs a name and a phone or an e-mail.
 */
public record ContactInput(AddressInput address, String phone, String email, InstitutionInput foundingInstitution,
                           List<RepresentativeInput> representatives) {
    public static final int MAX_REPRESENTATIVES = 10;

    public record AddressInput(String street, String postalCode, String town, String voivodeship) {
    }

    public record InstitutionInput(String name, AddressInput address, String phone, String email) {
    }

    /** {@code id} names a representative already on record, kept on an update; null for a new one. */
    public record RepresentativeInput(String id, String name, String phone, String email) {
    }

    public Contact validate(FieldErrors errors, Supplier<String> newIds) {
        Address seat = address(errors, "address", address, true);
        String validPhone = Contacts.phone(errors, "phone", phone, true);
        String validEmail = Contacts.email(errors, "email", email, true);
        FoundingInstitution founder = null;
        if (foundingInstitution == null) {
            errors.check(false, "foundingInstitution", "is required");
        } else {
            founder = new FoundingInstitution(
                    errors.requireText("foundingInstitution.name", foundingInstitution.name(), 300),
                    address(errors, "foundingInstitution.address", foundingInstitution.address(), false),
                    Contacts.phone(errors, "foundingInstitution.phone", foundingInstitution.phone(), false),
                    Contacts.email(errors, "foundingInstitution.email", foundingInstitution.email(), false));
        }
        List<Representative> people = new ArrayList<>();
        if (representatives == null || representatives.isEmpty()) {
            errors.check(false, "representatives", "must name at least one person who represents the member");
        } else if (representatives.size() > MAX_REPRESENTATIVES) {
            errors.check(false, "representatives", "must name at most " + MAX_REPRESENTATIVES + " persons");
        } else {
            for (int i = 0; i < representatives.size(); i++) {
                people.add(representative(errors, "representatives[" + i + "]", representatives.get(i), newIds));
            }
        }
        return new Contact(seat, validPhone, validEmail, founder, people);
    }

    private static Representative representative(FieldErrors errors, String field, RepresentativeInput input,
                                                 Supplier<String> newIds) {
        if (input == null) {
            errors.check(false, field, "must be an object with name, phone and e-mail");
            return null;
        }
        String name = errors.requireText(field + ".name", input.name(), 200);
        String personPhone = Contacts.phone(errors, field + ".phone", input.phone(), false);
        String personEmail = Contacts.email(errors, field + ".email", input.email(), false);
        errors.check(input.phone() != null || input.email() != null, field,
                "needs a phone or an e-mail to reach the person");
        String id = input.id() == null ? newIds.get() : errors.requireText(field + ".id", input.id(), 36);
        return new Representative(id, name, personPhone, personEmail);
    }

    private static Address address(FieldErrors errors, String field, AddressInput input, boolean voivodeshipRequired) {
        if (input == null) {
            errors.check(false, field, "is required");
            return null;
        }
        String street = errors.requireText(field + ".street", input.street(), 200);
        String postalCode = Contacts.postalCode(errors, field + ".postalCode", input.postalCode());
        String town = errors.requireText(field + ".town", input.town(), 100);
        Voivodeship voivodeship = voivodeshipRequired || input.voivodeship() != null
                ? errors.parse(field + ".voivodeship", () -> Voivodeship.ofTeryt(input.voivodeship()))
                : null;
        return new Address(street, postalCode, town, voivodeship);
    }
}
