package pl.konwent.domain.membership;

import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Membership declarations (outgoing port). */
public interface Declarations {
    /** Stores a new declaration; a pending one of the same organisation in the konwent is a {@code Conflict}. */
    void add(Declaration declaration);

    Optional<Declaration> find(KonwentId konwent, String id);

    /** Declarations newest first, optionally only those in {@code state}. */
    Page<Declaration> list(KonwentId konwent, Declaration.State state, PageRequest page);

    /** Replaces the declaration if its stored version is still {@code expectedVersion}. */
    boolean replace(Declaration revised, long expectedVersion);
}
