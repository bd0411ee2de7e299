package pl.konwent.domain.council;

import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.DomainException;

/**
 * C4, wymienność reprezentacyjna (seed 003 §II.1 duty 3): in a calendar year the chair and the deputy come one
 * from a CIS and one from a KIS, and the kinds swap from one year to the next (a CIS chair in 2012 means a KIS
 * chair in 2013). A konwent whose charter switches alternation off (the forum of regional konwents) skips it.
 */
public final class Alternation {
    private Alternation() {
    }

    /**
     * Refuses officers that break C4.
     *
     * @param previousYear the officers of the year before, or null when there were none (the first term)
     */
    public static void require(Officers officers, Officers previousYear) {
        MemberKind chair = officers.chair().kind();
        MemberKind deputy = officers.deputy().kind();
        boolean oneOfEach = (chair == MemberKind.CIS && deputy == MemberKind.KIS)
                || (chair == MemberKind.KIS && deputy == MemberKind.CIS);
        if (!oneOfEach) {
            throw new DomainException.RuleViolation("C4", "The chair and the deputy must come one from a CIS and one "
                    + "from a KIS; here the chair is a " + chair + " and the deputy a " + deputy);
        }
        if (previousYear != null && previousYear.chair().kind() == chair) {
            throw new DomainException.RuleViolation("C4", "The kinds swap each year: last year's chair came from a "
                    + previousYear.chair().kind() + ", so this year's chair must come from a " + other(chair));
        }
    }

    /** C4 seen from the other side: officers chosen for a year must differ in kind from the next year's chair. */
    public static void requireSwapBefore(Officers officers, int nextYear, Officers next) {
        if (next.chair().kind() == officers.chair().kind()) {
            throw new DomainException.RuleViolation("C4", "The kinds swap each year: the chair of " + nextYear
                    + " comes from a " + next.chair().kind() + ", so the chair the year before must come from a "
                    + other(next.chair().kind()));
        }
    }

    private static MemberKind other(MemberKind kind) {
        return kind == MemberKind.CIS ? MemberKind.KIS : MemberKind.CIS;
    }
}
