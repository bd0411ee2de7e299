package pl.konwent.domain.konwent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import pl.konwent.domain.shared.Voivodeship;

/**
 * One convention hosted by this installation: the national konwent, a regional one, or the forum of regional
 * konwents. Everything else belongs to exactly one konwent. {@code voivodeship} is set for a regional one.
 * {@code declarationDeadline}, when set, is the last day (Polish time) declarations are taken (M3).
 * {@code version} grows with every change and backs the resource's ETag.
 */
public record Konwent(KonwentId id, String name, String description, Voivodeship voivodeship, Charter charter,
                      LocalDate declarationDeadline, Instant createdAt, Instant updatedAt, long version) {
    public Konwent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(charter, "charter");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Konwent revised(KonwentDetails details, Instant at) {
        return new Konwent(id, details.name(), details.description(), details.voivodeship(), details.charter(),
                details.declarationDeadline(), createdAt, at, version + 1);
    }
}
