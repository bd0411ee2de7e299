package pl.konwent.domain.council;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * C6: how a tie at the last seat was settled and the evidence a reader checks it by. {@code order} is the tied
 * candidates' ids in the order the rule ranked them, of which the first {@code seated} took the undecided seats.
 * For SENIORITY, {@code joinedAt} gives each tied candidate's member's joining instant (by candidate id). For LOT,
 * {@code commitment} is the SHA-256 published when the election opened and {@code seed} the seed revealed at
 * closing (both lowercase hex), from which {@link Lot#draw} recomputes {@code order}. RUN_OFF decides nothing here.
 */
public record TieDecision(TieBreak rule, List<String> order, int seated, Map<String, Instant> joinedAt,
                          String commitment, String seed) {
    public TieDecision {
        order = List.copyOf(order);
        joinedAt = joinedAt == null ? Map.of() : Map.copyOf(joinedAt);
    }

    public List<String> seatedCandidateIds() {
        return order.subList(0, seated);
    }
}
