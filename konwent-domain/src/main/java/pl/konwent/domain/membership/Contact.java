package pl.konwent.domain.membership;

import java.util.List;

/** The part of a member its representatives keep up to date: seat, phone, e-mail, founder and representatives. */
public record Contact(Address address, String phone, String email, FoundingInstitution foundingInstitution,
                      List<Representative> representatives) {
    public Contact {
        representatives = List.copyOf(representatives);
    }

    /** The same contact without one representative (GDPR erasure). */
    public Contact without(String representativeId) {
        return new Contact(address, phone, email, foundingInstitution,
                representatives.stream().filter(r -> !r.id().equals(representativeId)).toList());
    }
}
