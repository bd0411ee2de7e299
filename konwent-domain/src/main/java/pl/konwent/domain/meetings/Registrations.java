package pl.konwent.domain.meetings;

import java.util.Optional;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Delegations registered to meetings (outgoing port); one per member and meeting, kept by a database key. */
public interface Registrations {
    void add(Registration registration);

    Optional<Registration> find(String meetingId, String memberId);

    /** Registrations newest first. */
    Page<Registration> list(String meetingId, PageRequest page);

    boolean replace(Registration revised, long expectedVersion);

    boolean remove(String meetingId, String memberId);
}
