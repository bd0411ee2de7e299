package pl.konwent.domain.membership;

import pl.konwent.domain.shared.Voivodeship;

/** A seat address; the voivodeship is required for a member's seat, optional for a founding institution's. */
public record Address(String street, String postalCode, String town, Voivodeship voivodeship) {
}
