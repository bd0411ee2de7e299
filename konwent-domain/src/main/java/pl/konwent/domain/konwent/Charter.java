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
 * may the SECRETARIAT role be granted by hand), and how a tie at the last seat of a council election is settled
 * (C6, {@code electionTieBreak}).
 */
public record Charter(Majority defaultMajority, Quorum defaultQuorum, boolean alternation, int councilSize,
                      int termYears, boolean organiserCompetition, TieBreak electionTieBreak) {
    public static final int MAX_COUNCIL_SIZE = 25;
    public static final int MAX_TERM_YEARS = 5;

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
    }

    /** A charter whose election ties go to a run-off (C6's default, the behaviour before the rule was declared). */
    public Charter(Majority defaultMajority, Quorum defaultQuorum, boolean alternation, int councilSize,
                   int termYears, boolean organiserCompetition) {
        this(defaultMajority, defaultQuorum, alternation, councilSize, termYears, organiserCompetition,
                TieBreak.RUN_OFF);
    }

    /**
     * The defaults of DOMAIN.md: simple majority, quorum of half, alternation on, five seats, yearly terms, the
     * organiser chosen by competition, ties at the last seat to a run-off.
     */
    public static Charter defaults() {
        return new Charter(Majority.SIMPLE, Quorum.HALF, true, 5, 1, true, TieBreak.RUN_OFF);
    }
}
