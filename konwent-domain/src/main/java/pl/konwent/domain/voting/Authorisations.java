package pl.konwent.domain.voting;

import java.util.List;
import java.util.Optional;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** V4: members' authorisations and the ballots cast under them (outgoing port). */
public interface Authorisations {
    /** Which authorisations to list: every one of the konwent, or those of one member or one holder. */
    record Filter(String memberId, AccountId holder, Authorisation.State state) {
    }

    void add(Authorisation authorisation);

    Optional<Authorisation> find(KonwentId konwent, String id);

    /** Reads the authorisation and locks it until the transaction ends, so casting and revoking take turns. */
    Optional<Authorisation> lock(KonwentId konwent, String id);

    Page<Authorisation> list(KonwentId konwent, Filter filter, PageRequest page);

    boolean replace(Authorisation changed, long expectedVersion);

    /** The ACCEPTED authorisations of {@code memberId} that {@code holder} holds in the konwent. */
    List<Authorisation> acceptedFor(KonwentId konwent, String memberId, AccountId holder);

    /**
     * Locks the holder's ACCEPTED PROXY authorisations in the konwent other than {@code exceptId} and returns them,
     * so that two acceptances for one holder take turns (V4: how many members one holder may carry).
     */
    List<Authorisation> lockAcceptedProxiesOf(KonwentId konwent, AccountId holder, String exceptId);

    /** Records that the member's one ballot in the vote (already recorded, V1) was cast under the authorisation. */
    void recordBallot(String voteId, String memberId, String authorisationId);

    /** Whether any ballot was cast under the authorisation. */
    boolean used(String authorisationId);
}
