package pl.konwent.domain.konwent;

import java.util.Objects;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;

/**
 * A konwent's own settings for the rules DOMAIN.md leaves open: the default majority and quorum of votes
 * (V2), whether the chair/deputy alternation applies (C4: off for a forum of regional konwents), the number
 * of council seats for member representatives (C1), the length of a council term in years (C2), and whether the
 * organiser (and so the SECRETARIAT role) comes from the department's competition (O1; A3: only where it does not
 * may the SECRETARIAT role be granted by hand), how a tie at the last seat of a council election is settled
 * (C6, {@code electionTieBreak}), and whether members may vote by proxy and how many members one proxy holder may
 * carry (V4).
 */
public record Charter(Majority defaultMajority, Quorum defaultQuorum, boolean alternation, int councilSize,
                      int termYears, boolean organiserCompetition, TieBreak electionTieBreak, boolean proxies,
                      int proxiesPerHolder) {
    public static final int MAX_COUNCIL_SIZE = 25;
    public static final int MAX_TERM_YEARS = 5;
    public static final int MAX_PROXIES_PER_HOLDER = 10;

    public Charter {
        Objects.requireNonNull(defaultMajority, "defaultMajority");
        Objects.requireNonNull(defaultQuorum, "defaultQuorum");
        Objects.requireNonNull(electionTieBreak, "electionTieBreak");
        if (councilSize < 1 || councilSize > MAX_COUNCIL_SIZE) {
            throw new InvalidValue("councilSize must be between 1 and " + MAX_COUNCIL_SIZE);
        }
        if (termYears < 1 || termYears > MAX_TERM_YEARS) {
            throw new InvalidValue("termYears must be between 1 and " + MAX_TERM_YEARS);
        }
        if (proxiesPerHolder < 1 || proxiesPerHolder > MAX_PROXIES_PER_HOLDER) {
            throw new InvalidValue("proxiesPerHolder must be between 1 and " + MAX_PROXIES_PER_HOLDER);
        }
    }

    /** A charter with V4's defaults: proxies allowed, one member per holder. */
    public Charter(Majority defaultMajority, Quorum defaultQuorum, boolean alternation, int councilSize,
                   int termYears, boolean organiserCompetition, TieBreak electionTieBreak) {
        this(defaultMajority, defaultQuorum, alternation, councilSize, termYears, organiserCompetition,
                electionTieBreak, true, 1);
    }

    /** A charter whose election ties go to a run-off (C6's default, the behaviour before the rule was declared). */
    public Charter(Majority defaultMajority, Quorum defaultQuorum, boolean alternation, int councilSize,
                   int termYears, boolean organiserCompetition) {
        this(defaultMajority, defaultQuorum, alternation, councilSize, termYears, organiserCompetition,
                TieBreak.RUN_OFF);
    }

    /**
     * The defaults of DOMAIN.md: simple majority, quorum of half, alternation on, five seats, yearly terms, the
     * organiser chosen by competition, ties at the last seat to a run-off, proxies allowed with one member per
     * holder (V4).
     */
    public static Charter defaults() {
        return new Charter(Majority.SIMPLE, Quorum.HALF, true, 5, 1, true, TieBreak.RUN_OFF, true, 1);
    }
}
