package pl.konwent.domain.voting;

import java.util.Optional;

/**
 * Where the rules fixed when a vote or election opened are kept (outgoing port, V5), by the id of its ballot box
 * (a resolution vote's or an election's id).
 */
public interface FixedRules {
    void fix(String voteId, RulesInForce rules);

    /** Empty for a vote not opened yet, or opened before rules were fixed at opening (then the charter's apply). */
    Optional<RulesInForce> of(String voteId);
}
