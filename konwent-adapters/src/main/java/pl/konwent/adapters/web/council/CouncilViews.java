package pl.konwent.adapters.web.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import pl.konwent.adapters.web.voting.RulesView;
import pl.konwent.adapters.web.voting.VoteViews.NonVoterView;
import pl.konwent.domain.council.ApprovalCount;
import pl.konwent.domain.council.Candidate;
import pl.konwent.domain.council.CouncilService;
import pl.konwent.domain.council.CouncilTerm;
import pl.konwent.domain.council.Election;
import pl.konwent.domain.council.ElectionService;
import pl.konwent.domain.council.Seat;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.council.TieDecision;
import pl.konwent.domain.voting.Reminders;

/**
 * Council terms, elections, candidates and results as the API shows and takes them. Public views carry no
 * personal data beyond the names of the persons who hold or seek office.
 */
public final class CouncilViews {
    private CouncilViews() {
    }

    public record SeatRequest(String memberId, String holderName) {
    }

    public record AppointmentRequest(Integer year, List<SeatRequest> seats, String consultantName) {
        CouncilService.Appointment toInput() {
            return new CouncilService.Appointment(year, seats == null ? null : seats.stream()
                    .map(seat -> seat == null ? null : new CouncilService.SeatInput(seat.memberId(), seat.holderName()))
                    .toList(), consultantName);
        }
    }

    public record OfficersRequest(String chairMemberId, String deputyMemberId) {
    }

    public record SeatView(String memberId, String memberName, String memberKind, String holderName) {
        static SeatView of(Seat seat) {
            return seat == null ? null
                    : new SeatView(seat.memberId(), seat.memberName(), seat.kind().name(), seat.holderName());
        }
    }

    /** A term with its period (C5): it ends on {@code endsOn}; {@code expiring} flags one in office ending soon. */
    public record TermView(String konwentId, int year, LocalDate endsOn, String origin, String electionId,
                           boolean inOffice, boolean expiring, List<SeatView> seats, String consultantName,
                           SeatView chair, SeatView deputy, Instant installedAt) {
        static TermView of(CouncilService.TermView view) {
            CouncilTerm t = view.term();
            return new TermView(t.konwent().value(), t.year(), t.endsOn(), t.origin().name(), t.electionId(),
                    view.inOffice(), view.expiring(), t.seats().stream().map(SeatView::of).toList(),
                    t.consultantName(),
                    t.officers() == null ? null : SeatView.of(t.officers().chair()),
                    t.officers() == null ? null : SeatView.of(t.officers().deputy()), t.installedAt());
        }
    }

    public record ElectionRequest(Integer year, Integer seats, String tieBreak) {
    }

    public record ElectionView(String id, String konwentId, int year, int round, int seats, String runOffOf,
                               String state, String outcome, Instant createdAt, Instant openedAt, Instant closedAt,
                               Integer electorate, String tieBreak) {
        static ElectionView of(Election e) {
            return new ElectionView(e.id(), e.konwent().value(), e.year(), e.round(), e.seats(), e.runOffOf(),
                    e.state().name(), e.outcome() == null ? null : e.outcome().name(), e.createdAt(), e.openedAt(),
                    e.closedAt(), e.state() == Election.State.NOMINATING ? null : e.electorate(),
                    e.tieBreak() == null ? null : e.tieBreak().name());
        }
    }

    public record NominationRequest(String memberId, String personName, String nominatedBy) {
    }

    public record CandidateView(String id, String electionId, String memberId, String memberName, String memberKind,
                                String personName, String nominatedBy, String state, Instant nominatedAt) {
        static CandidateView of(Candidate c) {
            return new CandidateView(c.id(), c.electionId(), c.memberId(), c.memberName(), c.kind().name(),
                    c.personName(), c.nominatedBy(), c.state().name(), c.nominatedAt());
        }
    }

    public record ApprovalBallotRequest(String memberId, List<String> approve) {
    }

    public record ApprovalBallotView(String electionId, String memberId, boolean voted) {
    }

    public record RankedView(String candidateId, String memberId, String memberName, String personName,
                             long approvals, int rank, String standing) {
        static RankedView of(ApprovalCount.Ranked r) {
            Candidate c = r.candidate();
            return new RankedView(c.id(), c.memberId(), c.memberName(), c.personName(), r.approvals(), r.rank(),
                    r.standing().name());
        }
    }

    /**
     * An election's result. While it is not closed only {@code turnout} and {@code electorate} are given; the
     * ranking, the outcome and any undecided seats come with closing.
     */
    public record ElectionResultView(String electionId, String state, int seats, int electorate, long turnout,
                                     String outcome, Integer seatsUndecided, List<RankedView> ranking,
                                     String runOffId, RulesView rules, TieDecisionView tieDecision,
                                     LotView lot) {
        public static ElectionResultView of(ElectionService.Result r) {
            Election e = r.election();
            ApprovalCount count = r.count();
            return new ElectionResultView(e.id(), e.state().name(), e.seats(), e.electorate(), r.turnout(),
                    e.outcome() == null ? null : e.outcome().name(),
                    count == null ? null : count.seatsUndecided(),
                    count == null ? null : count.ranking().stream().map(RankedView::of).toList(), r.runOffId(),
                    RulesView.of(r.rules()), r.decision() == null ? null : TieDecisionView.of(r.decision()),
                    r.lot() == null ? null : new LotView(r.lot().commitment(), r.lot().seed()));
        }
    }

    /**
     * C6: how the tie at the last seat was settled. {@code order} ranks the tied candidates by the rule; the first
     * {@code seatedCandidateIds} took the seats. Evidence: for SENIORITY each tied candidate's member's joining
     * instant ({@code joinedAt}, by candidate id); for LOT the commitment and the revealed seed, from which the
     * documented draw recomputes {@code order}.
     */
    public record TieDecisionView(String rule, List<String> order, List<String> seatedCandidateIds,
                                  Map<String, Instant> joinedAt, String commitment, String seed) {
        static TieDecisionView of(TieDecision d) {
            return new TieDecisionView(d.rule().name(), d.order(), d.seatedCandidateIds(),
                    d.rule() == TieBreak.SENIORITY ? d.joinedAt() : null, d.commitment(), d.seed());
        }
    }

    /** C6: the published side of an election's lot: the commitment from opening, the seed once it closed. */
    public record LotView(String commitment, String seed) {
    }

    /** What a reminder to an open election's non-voters came to: the electors reminded and the e-mails queued. */
    public record ElectionReminderView(String electionId, Instant at, List<NonVoterView> reminded, int mails) {
        public static ElectionReminderView of(Reminders.Reminder reminder) {
            return new ElectionReminderView(reminder.ballotBoxId(), reminder.at(),
                    reminder.reminded().stream().map(NonVoterView::of).toList(), reminder.mails());
        }
    }
}
