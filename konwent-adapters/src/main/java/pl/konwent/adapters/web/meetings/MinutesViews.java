package pl.konwent.adapters.web.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pl.konwent.adapters.web.council.CouncilViews.ElectionResultView;
import pl.konwent.adapters.web.council.CouncilViews.RankedView;
import pl.konwent.adapters.web.voting.VoteViews.ResultView;
import pl.konwent.domain.council.Election;
import pl.konwent.domain.council.ElectionService;
import pl.konwent.domain.meetings.MinutesService;
import pl.konwent.domain.voting.Vote;
import pl.konwent.domain.voting.VotingService;

/** The results of a meeting's votes and elections, as JSON and as CSV rows. */
public final class MinutesViews {
    /** One row per vote, then one per election candidate; the columns a vote does not use stay empty. */
    static final List<String> CSV_HEADER = List.of("record", "id", "title", "kind", "secret", "majority", "quorum",
            "electorate", "present", "for", "against", "abstain", "cast", "quorumReached", "outcome", "closedAt",
            "year", "round", "seats", "candidateId", "memberName", "personName", "approvals", "rank", "standing");

    private MinutesViews() {
    }

    public record MeetingVoteView(String voteId, String title, String kind, String text, Instant closedAt,
                                  ResultView result) {
        static MeetingVoteView of(VotingService.Result r) {
            Vote v = r.vote();
            return new MeetingVoteView(v.id(), v.question().title(), v.question().kind().name(), v.question().text(),
                    v.closedAt(), ResultView.of(r));
        }
    }

    public record MeetingElectionView(String electionId, int year, int round, Instant closedAt,
                                      ElectionResultView result) {
        static MeetingElectionView of(ElectionService.Result r) {
            Election e = r.election();
            return new MeetingElectionView(e.id(), e.year(), e.round(), e.closedAt(), ElectionResultView.of(r));
        }
    }

    public record MeetingResultsView(String meetingId, String konwentId, String title, Instant startsAt,
                                     List<MeetingVoteView> votes, List<MeetingElectionView> elections) {
        static MeetingResultsView of(MinutesService.Results results) {
            return new MeetingResultsView(results.meeting().id(), results.meeting().konwent().value(),
                    results.meeting().details().title(), results.meeting().details().startsAt(),
                    results.votes().stream().map(MeetingVoteView::of).toList(),
                    results.elections().stream().map(MeetingElectionView::of).toList());
        }

        /** V3: a secret vote's row has its counts only; no row ever names how a member voted. */
        List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            for (MeetingVoteView v : votes) {
                ResultView r = v.result();
                Map<String, Long> counts = r.counts();
                rows.add(List.of("VOTE", v.voteId(), v.title(), v.kind(), String.valueOf(r.secret()), r.majority(),
                        r.quorum().toPlainString(), String.valueOf(r.electorate()), text(r.present()),
                        text(counts.get("for")), text(counts.get("against")), text(counts.get("abstain")),
                        String.valueOf(r.turnout()), text(r.quorumReached()),
                        Boolean.TRUE.equals(r.adopted()) ? "ADOPTED" : "NOT_ADOPTED", text(v.closedAt()),
                        "", "", "", "", "", "", "", "", ""));
            }
            for (MeetingElectionView e : elections) {
                ElectionResultView r = e.result();
                for (RankedView c : r.ranking() == null ? List.<RankedView>of() : r.ranking()) {
                    rows.add(List.of("ELECTION_CANDIDATE", e.electionId(), "", "", "true", "", "",
                            String.valueOf(r.electorate()), "", "", "", "", String.valueOf(r.turnout()), "",
                            text(r.outcome()), text(e.closedAt()), String.valueOf(e.year()),
                            String.valueOf(e.round()), String.valueOf(r.seats()), c.candidateId(), c.memberName(),
                            c.personName(), String.valueOf(c.approvals()), String.valueOf(c.rank()), c.standing()));
                }
            }
            return rows;
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }
    }
}
