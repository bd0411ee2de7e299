package pl.konwent.adapters.web.voting;

import java.math.BigDecimal;
import pl.konwent.domain.voting.RulesInForce;

/**
 * V5: the rules a vote or election is decided by, fixed when it opened, and the konwent version whose charter they
 * came from. A vote's have {@code majority}, {@code quorum} and {@code quorumBasis}; an election's {@code tieBreak}.
 */
public record RulesView(long charterVersion, String majority, BigDecimal quorum, String quorumBasis,
                        String tieBreak, Boolean proxies, Integer proxiesPerHolder) {
    public static RulesView of(RulesInForce rules) {
        return new RulesView(rules.charterVersion(), rules.majority() == null ? null : rules.majority().name(),
                rules.quorum() == null ? null : rules.quorum().fraction(),
                rules.quorumBasis() == null ? null : rules.quorumBasis().name(),
                rules.tieBreak() == null ? null : rules.tieBreak().name(), rules.proxies(), rules.proxiesPerHolder());
    }
}
