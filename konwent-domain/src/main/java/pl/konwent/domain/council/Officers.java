package pl.konwent.domain.council;

import java.util.Objects;

/** The chair of the konwent's meetings and the deputy, elected by the council from its seats (C3). */
public record Officers(Seat chair, Seat deputy) {
    public Officers {
        Objects.requireNonNull(chair, "chair");
        Objects.requireNonNull(deputy, "deputy");
    }
}
