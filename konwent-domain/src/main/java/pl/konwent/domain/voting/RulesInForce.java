package pl.konwent.domain.voting;

import java.util.Objects;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;

/**
 * V5: the rules a vote or an election is decided by, fixed when it opens from the charter then in force (and the
 * vote's own overrides); a later charter change does not touch them. {@code charterVersion} is the version of the
 * konwent (its ETag) whose charter they came from. A resolution vote has a majority, quorum, quorum basis and the
 * proxy rule (V4: whether proxies may cast ballots in it, how many members one holder may carry) and no tie rule; a
 * council election has a tie rule (C6) and none of the others. The proxy rule is null for rules fixed before it was.
 */
public record RulesInForce(long charterVersion, Majority majority, Quorum quorum, QuorumBasis quorumBasis,
                           TieBreak tieBreak, Boolean proxies, Integer proxiesPerHolder) {

    public RulesInForce {
        if (charterVersion < 1) {
            throw new IllegalArgumentException("a charter version is at least 1");
        }
    }

    /** Rules without a proxy rule: an election's, or a vote's fixed before the proxy rule was. */
    public RulesInForce(long charterVersion, Majority majority, Quorum quorum, QuorumBasis quorumBasis,
                        TieBreak tieBreak) {
        this(charterVersion, majority, quorum, quorumBasis, tieBreak, null, null);
    }

    /** V5: a resolution vote's rules as it opens: its own majority and quorum, else the charter's. */
    public static RulesInForce ofVote(Konwent konwent, Vote.Question question) {
        Charter charter = konwent.charter();
        return new RulesInForce(konwent.version(),
                question.majority() != null ? question.majority() : charter.defaultMajority(),
                question.quorum() != null ? question.quorum() : charter.defaultQuorum(),
                question.meetingId() != null ? QuorumBasis.ATTENDANCE : QuorumBasis.BALLOTS, null, charter.proxies(),
                charter.proxiesPerHolder());
    }

    /** V5, C6: a council election's rules as it opens: its own tie rule if it declared one, else the charter's. */
    public static RulesInForce ofElection(Konwent konwent, TieBreak override) {
        return new RulesInForce(konwent.version(), null, null, null,
                Objects.requireNonNullElse(override, konwent.charter().electionTieBreak()));
    }
}
