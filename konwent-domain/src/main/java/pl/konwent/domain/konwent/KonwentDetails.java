package pl.konwent.domain.konwent;

import java.time.LocalDate;
import pl.konwent.domain.shared.Voivodeship;

/** The settable part of a konwent, already validated. */
public record KonwentDetails(String name, String description, Voivodeship voivodeship, Charter charter,
                             LocalDate declarationDeadline) {
}
