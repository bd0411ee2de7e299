package pl.konwent.domain.council;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * C6 by membership seniority: the tied candidates in the order their members joined the konwent (the acceptance
 * of their declarations), earliest first; members that joined at the same instant in the order of their ids.
 */
public final class Seniority {
    private Seniority() {
    }

    /** C6: the tied candidates, the most senior member's first; the first ones take the seats. */
    public static List<Candidate> order(List<Candidate> tied, Map<String, Instant> joinedAtByMember) {
        return tied.stream()
                .sorted(Comparator.comparing((Candidate c) -> joinedOf(c, joinedAtByMember))
                        .thenComparing(Candidate::memberId).thenComparing(Candidate::id))
                .toList();
    }

    private static Instant joinedOf(Candidate candidate, Map<String, Instant> joinedAtByMember) {
        Instant joined = joinedAtByMember.get(candidate.memberId());
        if (joined == null) {
            throw new IllegalArgumentException("no joining date for member " + candidate.memberId());
        }
        return joined;
    }
}
