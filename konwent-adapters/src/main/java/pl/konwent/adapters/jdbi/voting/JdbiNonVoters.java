package pl.konwent.adapters.jdbi.voting;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.domain.voting.NonVoters;

/**
 * The electors of a vote or election without a row in {@code ballot_cast}. It never reads a choice (named or
 * sealed), only who voted, which the ballot box keeps anyway to refuse a second ballot (V1, V3).
 */
public final class JdbiNonVoters implements NonVoters {
    private final Jdbi jdbi;

    public JdbiNonVoters(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Elector> of(String voteId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT e.member_id, m.name FROM vote_elector e "
                        + "JOIN member m ON m.id = e.member_id WHERE e.vote_id = :vote AND NOT EXISTS ("
                        + "SELECT 1 FROM ballot_cast b WHERE b.vote_id = e.vote_id AND b.member_id = e.member_id) "
                        + "ORDER BY m.name, m.id")
                .bind("vote", voteId)
                .map((rs, ctx) -> new Elector(rs.getString("member_id"), rs.getString("name")))
                .list());
    }
}
