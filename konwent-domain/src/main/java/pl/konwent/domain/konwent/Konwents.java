package pl.konwent.domain.konwent;

import java.util.Optional;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** The konwents of this installation (outgoing port). */
public interface Konwents {
    /** Stores a new konwent; a konwent with the same id already there is a {@code Conflict}. */
    void add(Konwent konwent);

    Optional<Konwent> find(KonwentId id);

    /** Konwents ordered by id. */
    Page<Konwent> list(PageRequest page);

    /**
     * Replaces the konwent if its stored version is still {@code expectedVersion}.
     *
     * @return false when another change came first
     */
    boolean replace(Konwent revised, long expectedVersion);
}
