package pl.konwent.adapters.jdbi.voting;

import org.jdbi.v3.core.Handle;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.voting.Votes.CastOutcome;

/**
 * The one ballot box of resolution votes and council elections, over a row of table {@code vote}: the electors
 * fixed at opening ({@code vote_elector}); who has voted ({@code ballot_cast}, whose primary key (vote, member) is
 * V1's "one member, one vote" on any number of instances); what was chosen: for an open vote, named, in
 * {@code ballot_choice}; for a secret one (V3), sealed, in {@code sealed_ballot} (ciphertexts under the vote's key,
 * keyed by a random id, no member, no time): even paired with its voter by page order or log position, a sealed
 * ballot shows nothing. The caller's unit of work makes each method one transaction.
 */
public final class BallotBox {
    private final IdSource ids;

    public BallotBox(IdSource ids) {
        this.ids = ids;
    }

    /** Opens the vote row if it is still a draft and makes the konwent's current members its electors; -1 if not. */
    public int open(Handle handle, String voteId, String konwentId, long openedAt) {
        int changed = handle.createUpdate("UPDATE vote SET state = 'OPEN', opened_at = :at "
                        + "WHERE id = :id AND state = 'DRAFT'")
                .bind("at", openedAt).bind("id", voteId).execute();
        if (changed != 1) {
            return -1;
        }
        int electors = handle.createUpdate("INSERT INTO vote_elector (vote_id, member_id) "
                        + "SELECT :vote, id FROM member WHERE konwent_id = :konwent AND status = 'ACTIVE'")
                .bind("vote", voteId).bind("konwent", konwentId).execute();
        handle.createUpdate("UPDATE vote SET electorate = :electors WHERE id = :id")
                .bind("electors", electors).bind("id", voteId).execute();
        return electors;
    }

    /** Records that the member voted in an open (named) vote and, with its name, what it chose. */
    public CastOutcome castNamed(Handle handle, String voteId, String memberId, String choice) {
        CastOutcome refused = recordVoter(handle, voteId, memberId);
        if (refused != null) {
            return refused;
        }
        handle.createUpdate("INSERT INTO ballot_choice (id, vote_id, choice, member_id) "
                        + "VALUES (:id, :vote, :choice, :member)")
                .bind("id", ids.newId().toString()).bind("vote", voteId).bind("choice", choice)
                .bind("member", memberId)
                .execute();
        return CastOutcome.COUNTED;
    }

    /**
     * V3: records that the member voted and, apart from it, the sealed ballot: a row with a random id, the vote and
     * ciphertexts only, so neither the row, its order in the pages nor the statement shows the choice.
     */
    public CastOutcome castSealed(Handle handle, String voteId, String memberId, byte[] sealed) {
        CastOutcome refused = recordVoter(handle, voteId, memberId);
        if (refused != null) {
            return refused;
        }
        handle.createUpdate("INSERT INTO sealed_ballot (id, vote_id, sealed) VALUES (:id, :vote, :sealed)")
                .bind("id", ids.newId().toString()).bind("vote", voteId).bind("sealed", sealed)
                .execute();
        return CastOutcome.COUNTED;
    }

    /** V1: the member's one row in ballot_cast, or why there cannot be one (null when recorded). */
    private static CastOutcome recordVoter(Handle handle, String voteId, String memberId) {
        int counted;
        try {
            counted = handle.createUpdate("INSERT INTO ballot_cast (vote_id, member_id) "
                            + "SELECT e.vote_id, e.member_id FROM vote_elector e JOIN vote v ON v.id = e.vote_id "
                            + "WHERE e.vote_id = :vote AND e.member_id = :member AND v.state = 'OPEN' "
                            + "AND v.ballots_stopped_at IS NULL")
                    .bind("vote", voteId).bind("member", memberId)
                    .execute();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return CastOutcome.ALREADY_VOTED;
            }
            throw e;
        }
        return counted == 0 ? whyNotCounted(handle, voteId, memberId) : null;
    }

    public long turnout(Handle handle, String voteId) {
        return handle.createQuery("SELECT COUNT(*) FROM ballot_cast WHERE vote_id = :vote")
                .bind("vote", voteId).mapTo(Long.class).one();
    }

    public boolean hasVoted(Handle handle, String voteId, String memberId) {
        return handle.createQuery("SELECT COUNT(*) FROM ballot_cast WHERE vote_id = :vote AND member_id = :member")
                .bind("vote", voteId).bind("member", memberId).mapTo(Integer.class).one() > 0;
    }

    private static CastOutcome whyNotCounted(Handle handle, String voteId, String memberId) {
        String state = handle.createQuery("SELECT CASE WHEN ballots_stopped_at IS NULL THEN state ELSE 'CLOSING' "
                        + "END FROM vote WHERE id = :vote").bind("vote", voteId)
                .mapTo(String.class).one();
        if (!"OPEN".equals(state)) {
            return CastOutcome.NOT_OPEN;
        }
        boolean elector = handle.createQuery(
                        "SELECT COUNT(*) FROM vote_elector WHERE vote_id = :vote AND member_id = :member")
                .bind("vote", voteId).bind("member", memberId).mapTo(Integer.class).one() > 0;
        return elector ? CastOutcome.ALREADY_VOTED : CastOutcome.NOT_AN_ELECTOR;
    }
}
