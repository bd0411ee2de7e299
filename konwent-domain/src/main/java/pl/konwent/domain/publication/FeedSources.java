package pl.konwent.domain.publication;

import java.util.List;
import java.util.Optional;
import pl.konwent.domain.konwent.KonwentId;

/** Where the public facts of konwents come from (outgoing port). */
public interface FeedSources {
    /** The {@code limit} most recently updated public entries of these konwents, newest first. */
    List<FeedEntry> latest(List<KonwentId> konwents, int limit);

    /**
     * A text that changes whenever {@link #latest} with the same arguments would answer differently, computed
     * without building the entries: what makes a conditional poll cheap.
     */
    String fingerprint(List<KonwentId> konwents, int limit);

    /**
     * The feed's version stamp of a konwent, with those of its member konwents when {@code withMemberKonwents}: a text
     * that every writer of what the feed shows changes in its transaction, read at once (issue 20). Empty when the
     * konwent has no stamp.
     */
    Optional<String> stamp(KonwentId konwent, boolean withMemberKonwents);
}
