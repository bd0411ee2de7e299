package pl.konwent.domain.publication;

import java.util.List;
import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;

/** Which konwent hosted here a REGIONAL_KONWENT member of a forum is (outgoing port). */
public interface KonwentLinks {
    Optional<KonwentId> of(String memberId);

    void link(String memberId, KonwentId forum, KonwentId linked, java.time.Instant at);

    boolean unlink(String memberId);

    /** The konwents linked to the forum's current members, in id order. */
    List<KonwentId> linkedTo(KonwentId forum);
}
