package pl.konwent.adapters.jdbi.voting;

import java.math.BigDecimal;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.voting.FixedRules;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;
import pl.konwent.domain.voting.QuorumBasis;
import pl.konwent.domain.voting.RulesInForce;

/** V5: the rules fixed when a vote or election opened, one row of {@code vote_rules} per ballot box. */
public final class JdbiFixedRules implements FixedRules {
    private static final RowMapper<RulesInForce> MAPPER = (rs, ctx) -> {
        String majority = rs.getString("majority");
        BigDecimal quorum = rs.getBigDecimal("quorum");
        String basis = rs.getString("quorum_basis");
        String tieBreak = rs.getString("tie_break");
        Boolean proxies = rs.getObject("proxies") == null ? null : rs.getBoolean("proxies");
        Integer perHolder = rs.getObject("proxies_per_holder") == null ? null : rs.getInt("proxies_per_holder");
        return new RulesInForce(rs.getLong("charter_version"), majority == null ? null : Majority.valueOf(majority),
                quorum == null ? null : new Quorum(quorum), basis == null ? null : QuorumBasis.valueOf(basis),
                tieBreak == null ? null : TieBreak.valueOf(tieBreak), proxies, perHolder);
    };

    private final Jdbi jdbi;

    public JdbiFixedRules(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void fix(String voteId, RulesInForce rules) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO vote_rules (vote_id, charter_version, majority, "
                        + "quorum, quorum_basis, tie_break, proxies, proxies_per_holder) VALUES (:vote, :version, "
                        + ":majority, :quorum, :basis, :tie, :proxies, :perHolder)")
                .bind("vote", voteId).bind("version", rules.charterVersion())
                .bind("majority", rules.majority() == null ? null : rules.majority().name())
                .bind("quorum", rules.quorum() == null ? null : rules.quorum().fraction())
                .bind("basis", rules.quorumBasis() == null ? null : rules.quorumBasis().name())
                .bind("tie", rules.tieBreak() == null ? null : rules.tieBreak().name())
                .bind("proxies", rules.proxies()).bind("perHolder", rules.proxiesPerHolder())
                .execute());
    }

    @Override
    public Optional<RulesInForce> of(String voteId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT charter_version, majority, quorum, quorum_basis, "
                        + "tie_break, proxies, proxies_per_holder FROM vote_rules WHERE vote_id = :vote")
                .bind("vote", voteId).map(MAPPER).findOne());
    }
}
