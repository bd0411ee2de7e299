package pl.konwent.domain.voting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Votes and their ballots (outgoing port). Exactly-once voting is the database's job, not a check-then-insert. */
public interface Votes {
    /** What storing a ballot came to. */
    enum CastOutcome { COUNTED, ALREADY_VOTED, NOT_AN_ELECTOR, NOT_OPEN }

    /**
     * A named ballot of an open vote, published with its result; {@code castUnder} when it was cast under an
     * authorisation (V4), else null.
     */
    record NamedBallot(String memberId, String memberName, Choice choice, CastUnder castUnder) {
    }

    /** V4: the ballot was cast by a substitute, or by the proxy who represents {@code holderMemberId}. */
    record CastUnder(Authorisation.Kind kind, String holderMemberId, String holderMemberName) {
    }

    void add(Vote vote);

    Optional<Vote> find(KonwentId konwent, String id);

    /** A konwent, and its resolution vote of that id if it has one. */
    record InKonwent(Konwent konwent, Optional<Vote> vote) {
    }

    /** The konwent and its vote {@code id} in one read (a ballot's, issue 20); empty when there is no such konwent. */
    Optional<InKonwent> findWithKonwent(KonwentId konwent, String id);

    /** Votes newest first, optionally only those in {@code state}. */
    Page<Vote> list(KonwentId konwent, Vote.State state, PageRequest page);

    boolean replace(Vote revised, long expectedVersion);

    /**
     * The first step of closing: from now on no ballot of this open vote is taken (a cast answers NOT_OPEN), though
     * it stays OPEN until counted. Short, so that on a cluster it is certified ahead of ballots still arriving through
     * other nodes; repeating it changes nothing.
     */
    void stopBallots(String voteId, Instant at);

    /** The votes held at a meeting, oldest first. */
    List<Vote> ofMeeting(KonwentId konwent, String meetingId);

    /** Deletes a vote that is still a draft; false when it is not (any more). */
    boolean deleteDraft(KonwentId konwent, String id);

    /**
     * Opens the vote if it is still a draft and records its electors: the konwent's current members at this
     * moment. Returns the number of electors, or -1 when the vote was no longer a draft.
     */
    int open(Vote opened, long expectedVersion);

    /**
     * Records an open (named) vote's ballot: that the member voted and what it chose, in one transaction. The
     * member must be an elector, the vote open, and the member not have voted (V1); a database key guarantees the
     * last on any number of instances. A secret vote's ballots go through {@link SecretBallots} instead (V3).
     */
    CastOutcome cast(Vote vote, String memberId, Choice choice);

    boolean hasVoted(String voteId, String memberId);

    /** An open vote's counts, by aggregation in the database (a secret vote's are its opened totals, V3). */
    Tally tally(Vote vote);

    /** How many ballots were cast so far (turnout). */
    long turnout(String voteId);

    /** Each member's choice in an open (named) vote; empty for a secret one. */
    List<NamedBallot> namedBallots(Vote vote);
}
