package pl.konwent.adapters.jdbi.voting;

import java.util.List;
import org.jdbi.v3.core.Handle;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.voting.Votes.CastOutcome;

/**
 * The one ballot box of resolution votes and council elections, over a row of table {@code vote}: the electors
 * fixed at opening ({@code vote_elector}); who has voted ({@code ballot_cast}, whose primary key (vote, member) is
 * V1's "one member, one vote" on any number of instances); what was chosen ({@code ballot_choice}, keyed by a
 * random id). For a secret vote (V3) "who" and "what" share nothing but the vote: no member, no time, no
 * sequence, and rows are clustered by the random key, so their order tells nothing either. The caller's unit of
 * work makes each method one transaction.
 */
public final class BallotBox {
    /** One row of what a ballot chose: a FOR/AGAINST/ABSTAIN, or an APPROVE of a candidate. */
    public record Mark(String choice, String candidateId) {
    }

    public static final String APPROVE = "APPROVE";

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

    /**
     * Records that the member voted and, apart from it, each mark of its ballot. {@code named} keeps the member on
     * the marks (an open vote); a secret one stores none.
     */
    public CastOutcome cast(Handle handle, String voteId, String memberId, List<Mark> marks, boolean named) {
        int counted;
        try {
            counted = handle.createUpdate("INSERT INTO ballot_cast (vote_id, member_id) "
                            + "SELECT e.vote_id, e.member_id FROM vote_elector e JOIN vote v ON v.id = e.vote_id "
                            + "WHERE e.vote_id = :vote AND e.member_id = :member AND v.state = 'OPEN'")
                    .bind("vote", voteId).bind("member", memberId)
                    .execute();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return CastOutcome.ALREADY_VOTED;
            }
            throw e;
        }
        if (counted == 0) {
            return whyNotCounted(handle, voteId, memberId);
        }
        for (Mark mark : marks) {
            handle.createUpdate("INSERT INTO ballot_choice (id, vote_id, choice, member_id, candidate_id) "
                            + "VALUES (:id, :vote, :choice, :member, :candidate)")
                    .bind("id", ids.newId().toString()).bind("vote", voteId).bind("choice", mark.choice())
                    .bind("member", named ? memberId : null).bind("candidate", mark.candidateId())
                    .execute();
        }
        return CastOutcome.COUNTED;
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
        String state = handle.createQuery("SELECT state FROM vote WHERE id = :vote").bind("vote", voteId)
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
