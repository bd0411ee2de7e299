package pl.konwent.adapters.jdbi.voting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.voting.SecretBallotBox;
import pl.konwent.domain.voting.Votes.CastOutcome;

/**
 * Secret ballots of resolution votes and council elections: who voted in {@code ballot_cast} (through the
 * {@link BallotBox}), the sealed ballot in {@code sealed_ballot}, the totals opened at closing in
 * {@code ballot_total} (one row per option: a choice of a resolution vote or a candidate of an election).
 */
public final class JdbiSecretBallots implements SecretBallotBox {
    private final Jdbi jdbi;
    private final BallotBox box;

    public JdbiSecretBallots(Jdbi jdbi, IdSource ids) {
        this.jdbi = jdbi;
        this.box = new BallotBox(ids);
    }

    @Override
    public CastOutcome cast(String voteId, String memberId, byte[] sealed) {
        return jdbi.withHandle(handle -> box.castSealed(handle, voteId, memberId, sealed));
    }

    /**
     * Locks the vote row first: a ballot being stored holds a shared lock on it until it commits (the insert into
     * ballot_cast reads it), so once the lock is ours every ballot is committed and no new one can be. The locking
     * reads then see them all, whatever the transaction's snapshot.
     */
    @Override
    public Urn urn(String voteId) {
        return jdbi.withHandle(handle -> {
            handle.createQuery("SELECT id FROM vote WHERE id = :vote FOR UPDATE").bind("vote", voteId)
                    .mapTo(String.class).one();
            List<byte[]> sealed = handle.createQuery("SELECT sealed FROM sealed_ballot WHERE vote_id = :vote "
                            + "FOR UPDATE").bind("vote", voteId)
                    .map((rs, ctx) -> rs.getBytes(1)).list();
            long turnout = handle.createQuery("SELECT member_id FROM ballot_cast WHERE vote_id = :vote FOR UPDATE")
                    .bind("vote", voteId).mapTo(String.class).list().size();
            return new Urn(sealed, turnout);
        });
    }

    @Override
    public Map<String, Long> totals(String voteId) {
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT option_id, total FROM ballot_total WHERE vote_id = :vote "
                        + "ORDER BY option_id")
                .bind("vote", voteId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(entry -> totals.put(entry.getKey(), entry.getValue())));
        return totals;
    }

    @Override
    public void storeTotals(String voteId, Map<String, Long> totals) {
        jdbi.useHandle(handle -> {
            handle.createUpdate("DELETE FROM ballot_total WHERE vote_id = :vote").bind("vote", voteId).execute();
            totals.forEach((option, total) -> handle.createUpdate("INSERT INTO ballot_total (vote_id, option_id, "
                            + "total) VALUES (:vote, :option, :total)")
                    .bind("vote", voteId).bind("option", option).bind("total", total).execute());
        });
    }
}
