package pl.konwent.domain.meetings;

import java.util.Optional;

/** Communiqués (outgoing port): at most one per meeting. */
public interface Communiques {
    void add(Communique communique);

    Optional<Communique> find(String meetingId);

    boolean replace(Communique revised, long expectedVersion);
}
