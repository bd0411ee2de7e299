package pl.konwent.domain.membership;

import java.util.List;

/** The part of a member its representatives keep up to date: seat, phone, e-mail, founder and representatives. */
public record Contact(Address address, String phone, String email, FoundingInstitution foundingInstitution,
                      List<Representative> representatives) {
    public Contact {
        representatives = List.copyOf(representatives);
    }

    /**
     * What the public view of a member shows of its contact (M5): the seat and the founder's name. Nothing personal
     * is in it, so a member read with this contact alone cannot leak phone, e-mail or representatives.
     */
    public static Contact publicPart(Address address, String founderName) {
        return new Contact(address, null, null, new FoundingInstitution(founderName, null, null, null), List.of());
    }

    /** The same contact without one representative (GDPR erasure). */
    public Contact without(String representativeId) {
        return new Contact(address, phone, email, foundingInstitution,
                representatives.stream().filter(r -> !r.id().equals(representativeId)).toList());
    }
}
