package pl.konwent.adapters.web.voting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pl.konwent.domain.voting.NonVoters;
import pl.konwent.domain.voting.Reminders;
import pl.konwent.domain.voting.Tally;
import pl.konwent.domain.voting.Vote;
import pl.konwent.domain.voting.VoteInput;
import pl.konwent.domain.voting.VotingService;
import pl.konwent.domain.voting.Votes;

/** Votes, ballots and results as the API shows and takes them. */
public final class VoteViews {
    private VoteViews() {
    }

    public record VoteRequest(String title, String kind, String text, Boolean secret, String majority,
                              BigDecimal quorum, String meetingId) {
        VoteInput toInput() {
            return new VoteInput(title, kind, text, secret, majority, quorum, meetingId);
        }
    }

    public record VoteView(String id, String konwentId, String title, String kind, String text, boolean secret,
                           String majority, BigDecimal quorum, String meetingId, String state, Instant createdAt,
                           Instant openedAt, Instant closedAt, Integer electorate) {
        public static VoteView of(Vote v) {
            Vote.Question q = v.question();
            return new VoteView(v.id(), v.konwent().value(), q.title(), q.kind().name(), q.text(), q.secret(),
                    q.majority() == null ? null : q.majority().name(), q.quorum() == null ? null : q.quorum().fraction(),
                    q.meetingId(), v.state().name(), v.createdAt(), v.openedAt(), v.closedAt(),
                    v.state() == Vote.State.DRAFT ? null : v.electorate());
        }
    }

    public record BallotRequest(String memberId, String choice) {
    }

    public record BallotView(String voteId, String memberId, boolean voted) {
    }

    /** The counts, named as the choices are: {@code for}, {@code against}, {@code abstain}. */
    public static Map<String, Long> countsOf(Tally t) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("for", t.forVotes());
        counts.put("against", t.against());
        counts.put("abstain", t.abstain());
        return counts;
    }

    /** {@code castUnder}: V4, the ballot was cast by a substitute or a proxy; null when by the member's own. */
    public record NamedBallotView(String memberId, String memberName, String choice, CastUnderView castUnder) {
        static NamedBallotView of(Votes.NamedBallot b) {
            return new NamedBallotView(b.memberId(), b.memberName(), b.choice().name(), b.castUnder() == null ? null
                    : new CastUnderView(b.castUnder().kind().name(), b.castUnder().holderMemberId(),
                    b.castUnder().holderMemberName()));
        }
    }

    public record CastUnderView(String kind, String holderMemberId, String holderMemberName) {
    }

    /**
     * A vote's result. While the vote is not closed only {@code turnout} and {@code electorate} are given; the
     * counts, the quorum and the decision come with closing. {@code quorumBasis} says who the quorum counts: the
     * members present at the meeting the vote is held at ({@code present}, as attendance stood at closing), or
     * the members who voted.
     */
    public record ResultView(String voteId, String state, boolean secret, int electorate, long turnout,
                             String majority, BigDecimal quorum, String quorumBasis, Integer present,
                             Map<String, Long> counts, Boolean quorumReached, Boolean adopted,
                             List<NamedBallotView> ballots, RulesView rules) {
        public static ResultView of(VotingService.Result r) {
            Vote v = r.vote();
            Tally t = r.tally();
            boolean closed = t != null;
            return new ResultView(v.id(), v.state().name(), v.question().secret(), v.electorate(), r.turnout(),
                    r.majority().name(), r.quorum().fraction(), r.rules().quorumBasis().name(),
                    v.present(), closed ? countsOf(t) : null,
                    closed ? t.quorumReached(r.quorum()) : null, closed ? t.adopted(r.majority(), r.quorum()) : null,
                    closed && !v.question().secret() ? r.named().stream().map(NamedBallotView::of).toList() : null,
                    RulesView.of(r.rules()));
        }
    }

    /** An elector that has not voted yet (never a choice). */
    public record NonVoterView(String memberId, String memberName) {
        public static NonVoterView of(NonVoters.Elector elector) {
            return new NonVoterView(elector.memberId(), elector.memberName());
        }
    }

    /** What a reminder came to: the electors reminded and the e-mails queued for them. */
    public record ReminderView(String voteId, Instant at, List<NonVoterView> reminded, int mails) {
        public static ReminderView of(Reminders.Reminder reminder) {
            return new ReminderView(reminder.ballotBoxId(), reminder.at(),
                    reminder.reminded().stream().map(NonVoterView::of).toList(), reminder.mails());
        }
    }
}
