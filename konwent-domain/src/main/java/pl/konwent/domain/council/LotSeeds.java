package pl.konwent.domain.council;

import java.util.Optional;

/**
 * The seeds of elections settled by lot (outgoing port, C6). Until the election closes only the commitment may be
 * readable: the seed is kept sealed so that whoever reads the database cannot learn the draw in advance (and so
 * time a withdrawal or a ballot to it); revealing stores it in the clear for everyone to recompute the draw.
 */
public interface LotSeeds {
    /** The published side of an election's lot: the commitment, and the seed once revealed (null before). */
    record Published(String commitment, String seed) {
    }

    /** Keeps the seed sealed with its commitment; called once, when the election opens. */
    void commit(String electionId, byte[] seed, String commitment);

    /** Opens the sealed seed, stores it in the clear, and returns it; called when the election closes. */
    byte[] reveal(String electionId);

    Optional<Published> find(String electionId);
}
