package pl.konwent.domain.council;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Counting an approval election (issue 7, C2): candidates are ranked by the number of ballots approving them and
 * the first {@code seats} are elected. When the candidate at the last seat has as many approvals as the first one
 * below it, the seat is not given silently: every candidate with that count is TIED, those above are ELECTED, and
 * the seats left over are undecided until a run-off among the tied candidates.
 */
public record ApprovalCount(List<Ranked> ranking, int seats, int seatsUndecided) {

    public enum Standing { ELECTED, TIED, NOT_ELECTED }

    /** A candidate's place: {@code rank} is 1 for the most approvals; equal counts share a rank. */
    public record Ranked(Candidate candidate, long approvals, int rank, Standing standing) {
    }

    public ApprovalCount {
        ranking = List.copyOf(ranking);
    }

    /**
     * @param candidates the candidates on the ballot (ACCEPTED), at least {@code seats} of them
     * @param approvals  ballots approving each candidate, by candidate id; a candidate no ballot approved may be absent
     */
    public static ApprovalCount of(List<Candidate> candidates, Map<String, Long> approvals, int seats) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparingLong((Candidate c) -> -approvals.getOrDefault(c.id(), 0L))
                .thenComparing(Candidate::personName).thenComparing(Candidate::id));
        long cutoff = ordered.size() > seats ? approvalsOf(ordered.get(seats - 1), approvals) : -1;
        boolean tieAtLastSeat = ordered.size() > seats && approvalsOf(ordered.get(seats), approvals) == cutoff;
        List<Ranked> ranking = new ArrayList<>();
        int elected = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Candidate candidate = ordered.get(i);
            long count = approvalsOf(candidate, approvals);
            int rank = i > 0 && count == ranking.get(i - 1).approvals() ? ranking.get(i - 1).rank() : i + 1;
            Standing standing;
            if (tieAtLastSeat && count == cutoff) {
                standing = Standing.TIED;
            } else if (i < seats && (!tieAtLastSeat || count > cutoff)) {
                standing = Standing.ELECTED;
                elected++;
            } else {
                standing = Standing.NOT_ELECTED;
            }
            ranking.add(new Ranked(candidate, count, rank, standing));
        }
        return new ApprovalCount(ranking, seats, seats - elected);
    }

    /**
     * C6: the count once a declared rule settled the tie: the tied candidates in {@code seatedIds} are ELECTED, the
     * other tied ones NOT_ELECTED, and no seat is left undecided.
     */
    public ApprovalCount settled(Collection<String> seatedIds) {
        if (seatedIds.size() != seatsUndecided) {
            throw new IllegalArgumentException("a settled tie fills exactly the " + seatsUndecided + " undecided seats");
        }
        List<Ranked> settled = ranking.stream().map(r -> r.standing() != Standing.TIED ? r
                : new Ranked(r.candidate(), r.approvals(), r.rank(),
                        seatedIds.contains(r.candidate().id()) ? Standing.ELECTED : Standing.NOT_ELECTED)).toList();
        return new ApprovalCount(settled, seats, 0);
    }

    public boolean tieAtLastSeat() {
        return seatsUndecided > 0;
    }

    public List<Candidate> with(Standing standing) {
        return ranking.stream().filter(r -> r.standing() == standing).map(Ranked::candidate).toList();
    }

    private static long approvalsOf(Candidate candidate, Map<String, Long> approvals) {
        return approvals.getOrDefault(candidate.id(), 0L);
    }
}
