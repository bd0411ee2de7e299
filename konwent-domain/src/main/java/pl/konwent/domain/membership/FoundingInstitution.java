package pl.konwent.domain.membership;

/** The institution that runs the CIS or KIS (instytucja tworząca). */
public record FoundingInstitution(String name, Address address, String phone, String email) {
}
