package pl.konwent.domain.council;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleRules;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;
import pl.konwent.domain.voting.FixedRules;
import pl.konwent.domain.voting.RulesInForce;
import pl.konwent.domain.voting.SecretBallots;
import pl.konwent.domain.voting.Votes;

/**
 * Council elections (C2): the department or the outgoing council calls one for a year; members are nominated
 * and accept; each current member's REPRESENTATIVE casts one secret approval ballot (up to {@code seats}
 * candidates, none twice); closing counts the ballots and installs the new term, unless the last seat is tied,
 * which the rule declared before it opened decides (C6): a run-off among the tied candidates, membership seniority,
 * or a lot drawn from a seed committed at opening. The rules are fixed when it opens (V5).
 */
public final class ElectionService {
    /**
     * An election's result: while it is not closed only the turnout; after closing, the count. {@code rules} are
     * those fixed when it opened (V5; before it opens, those it would open under); {@code decision} says how a tie
     * at the last seat was settled, null when there was none or a run-off decides it; {@code lot} is the published
     * side of a lot (the commitment from opening, the seed from closing), null when the election draws none.
     */
    public record Result(Election election, long turnout, ApprovalCount count, String runOffId, RulesInForce rules,
                         TieDecision decision, LotSeeds.Published lot) {
    }

    private final Elections elections;
    private final SecretBallots secretBallots;
    private final CouncilTerms terms;
    private final Members members;
    private final KonwentService konwents;
    private final FixedRules fixedRules;
    private final LotSeeds lotSeeds;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;

    public ElectionService(Elections elections, SecretBallots secretBallots, CouncilTerms terms, Members members,
                           KonwentService konwents, FixedRules fixedRules, LotSeeds lotSeeds, UnitOfWork unitOfWork,
                           IdSource ids, Clock clock) {
        this.elections = elections;
        this.secretBallots = secretBallots;
        this.terms = terms;
        this.members = members;
        this.konwents = konwents;
        this.fixedRules = fixedRules;
        this.lotSeeds = lotSeeds;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * C2: elections follow an appointed first council; C1: they fill the charter's number of seats; C6: an election
     * may declare its own tie rule ({@code tieBreak}), else the charter's applies.
     */
    public Election create(Optional<Caller> caller, String konwentId, Integer year, Integer seats, String tieBreak) {
        Konwent konwent = organiserOf(caller, konwentId);
        FieldErrors errors = new FieldErrors();
        CouncilService.checkYear(errors, year);
        int size = konwent.charter().councilSize();
        errors.check(seats == null || seats == size, "seats", "must be " + size
                + ", the number of council seats in the konwent's charter (C1)");
        TieBreak rule = errors.parseOptional("tieBreak", tieBreak, () -> Enums.parse(TieBreak.class, tieBreak));
        errors.throwIfAny();
        Election election = Election.nominating(ids.newId().toString(), konwent.id(), year, 1, size, null, now(),
                rule);
        return unitOfWork.inTransaction(() -> {
            CouncilTerm latest = terms.latest(konwent.id()).orElseThrow(() -> new DomainException.RuleViolation("C2",
                    "The first council is appointed by the department; konwent '" + konwent.id()
                            + "' has none yet, so there is nothing to elect a successor to"));
            if (year <= latest.year()) {
                throw new DomainException.Conflict("Konwent '" + konwent.id() + "' already has a council for "
                        + latest.year() + "; an election is for a later year");
            }
            elections.add(election);
            return election;
        });
    }

    /** A run-off for the seats a tie left undecided, among the tied candidates only. */
    public Election runOff(Optional<Caller> caller, String konwentId, String electionId) {
        Konwent konwent = organiserOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Election tied = find(konwent, electionId);
            if (tied.outcome() != Election.Outcome.TIE_AT_LAST_SEAT) {
                throw new DomainException.Conflict("Election '" + electionId + "' has no tie to resolve");
            }
            ApprovalCount count = count(tied);
            Election runOff = Election.nominating(ids.newId().toString(), konwent.id(), tied.year(), tied.round() + 1,
                    count.seatsUndecided(), tied.id(), now(), tied.tieBreak());
            elections.add(runOff);
            for (Candidate candidate : count.with(ApprovalCount.Standing.TIED)) {
                elections.addCandidate(new Candidate(ids.newId().toString(), runOff.id(), candidate.memberId(),
                        candidate.memberName(), candidate.kind(), candidate.personName(), candidate.nominatedBy(),
                        Candidate.State.ACCEPTED, runOff.createdAt()));
            }
            return runOff;
        });
    }

    public Page<Election> list(String konwentId, PageRequest page) {
        return elections.list(konwents.get(konwentId).id(), page);
    }

    public Election get(String konwentId, String electionId) {
        return find(konwents.get(konwentId), electionId);
    }

    public Page<Candidate> candidates(String konwentId, String electionId, PageRequest page) {
        return elections.candidates(get(konwentId, electionId).id(), page);
    }

    public Candidate candidate(String konwentId, String electionId, String candidateId) {
        return findCandidate(get(konwentId, electionId), candidateId);
    }

    /**
     * A member nominates itself or another member through its REPRESENTATIVE; a member nominated by another
     * stands only once its own REPRESENTATIVE accepts.
     */
    public Candidate nominate(Optional<Caller> caller, String konwentId, String electionId, String memberId,
                              String personName, String nominatedBy) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        String member = errors.requireText("memberId", memberId, 64);
        String person = errors.requireText("personName", personName, CouncilService.MAX_NAME);
        String nominator = errors.requireText("nominatedBy", nominatedBy, 64);
        errors.throwIfAny();
        Access.requireRepresentativeOf(caller, konwent.id(), nominator);
        FieldErrors membership = new FieldErrors();
        Member nominee = CouncilService.currentMember(members, konwent.id(), member, "memberId", membership);
        CouncilService.currentMember(members, konwent.id(), nominator, "nominatedBy", membership);
        membership.throwIfAny();
        CouncilTerm.requireEligible(nominee.id(), nominee.kind(), konwent.charter());
        return unitOfWork.inTransaction(() -> {
            Election election = find(konwent, electionId);
            requireNominating(election);
            if (election.runOffOf() != null) {
                throw new DomainException.Conflict("A run-off's candidates are the ones tied in election '"
                        + election.runOffOf() + "'; no one else can be nominated");
            }
            Candidate candidate = new Candidate(ids.newId().toString(), election.id(), nominee.id(), nominee.name(),
                    nominee.kind(), person, nominator,
                    nominator.equals(nominee.id()) ? Candidate.State.ACCEPTED : Candidate.State.NOMINATED, now());
            elections.addCandidate(candidate);
            return candidate;
        });
    }

    /** The nominated member's REPRESENTATIVE accepts the nomination. */
    public Candidate accept(Optional<Caller> caller, String konwentId, String electionId, String candidateId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        return unitOfWork.inTransaction(() -> {
            Election election = find(konwent, electionId);
            Candidate candidate = findCandidate(election, candidateId);
            Access.requireRepresentativeOf(caller, konwent.id(), candidate.memberId());
            requireNominating(election);
            if (candidate.state() == Candidate.State.ACCEPTED) {
                return candidate;
            }
            if (candidate.state() == Candidate.State.WITHDRAWN) {
                throw new DomainException.Conflict("Candidate '" + candidateId + "' was withdrawn and stays withdrawn "
                        + "in this election");
            }
            return change(candidate, Candidate.State.NOMINATED, Candidate.State.ACCEPTED);
        });
    }

    /** The candidate declines or withdraws; so may the member that nominated it, or the election's organiser. */
    public Candidate withdraw(Optional<Caller> caller, String konwentId, String electionId, String candidateId) {
        Caller known = Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        return unitOfWork.inTransaction(() -> {
            Election election = find(konwent, electionId);
            Candidate candidate = findCandidate(election, candidateId);
            boolean allowed = known.isAdmin() || known.represents(konwent.id(), candidate.memberId())
                    || known.represents(konwent.id(), candidate.nominatedBy())
                    || known.holds(konwent.id(), Role.DEPARTMENT) || known.holds(konwent.id(), Role.COUNCIL);
            if (!allowed) {
                throw new DomainException.Forbidden("Only the candidate's or the nominator's REPRESENTATIVE, the "
                        + "DEPARTMENT or the COUNCIL may withdraw a candidate");
            }
            requireNominating(election);
            if (candidate.state() == Candidate.State.WITHDRAWN) {
                return candidate;
            }
            return change(candidate, candidate.state(), Candidate.State.WITHDRAWN);
        });
    }

    /** Opens the ballot: the accepted candidates stand, the konwent's current members are the electors. */
    public Election open(Optional<Caller> caller, String konwentId, String electionId) {
        Konwent konwent = organiserOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Election election = find(konwent, electionId);
            requireNominating(election);
            long standing = elections.allCandidates(election.id()).stream().filter(Candidate::onBallot).count();
            if (standing < election.seats()) {
                throw new DomainException.RuleViolation("C1", "Election '" + electionId + "' fills " + election.seats()
                        + " seats but only " + standing + " candidates have accepted");
            }
            Election opened = election.opened(now(), 0);
            int electors = elections.open(opened, election.version());
            if (electors < 0) {
                throw new DomainException.Conflict("Election '" + electionId + "' was opened meanwhile");
            }
            secretBallots.opened(election.id());
            RulesInForce rules = RulesInForce.ofElection(konwent, election.tieBreak());
            fixedRules.fix(election.id(), rules); // V5
            if (rules.tieBreak() == TieBreak.LOT) {
                byte[] seed = ids.secretBytes(Lot.SEED_BYTES); // C6: committed now, revealed at closing
                lotSeeds.commit(election.id(), seed, Lot.commitment(seed));
            }
            return election.opened(opened.openedAt(), electors);
        });
    }

    /**
     * V1, V3: one secret approval ballot per member, approving at most {@code seats} candidates, none twice; sealed
     * as a 0/1 mark for every candidate on the ballot before it is stored.
     */
    public void cast(Optional<Caller> caller, String konwentId, String electionId, String memberId,
                     List<String> approve) {
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        String member = errors.requireText("memberId", memberId, 64);
        errors.check(approve != null, "approve", "is required (an empty list is a blank ballot)");
        errors.throwIfAny();
        RoleRules.onlyTheMembersOwnPeopleVote(Access.authenticated(caller), konwent.id(), member); // V6
        Election election = find(konwent, electionId);
        Set<String> onBallot = new LinkedHashSet<>();
        elections.allCandidates(election.id()).stream().filter(Candidate::onBallot).forEach(c -> onBallot.add(c.id()));
        Set<String> approved = new LinkedHashSet<>();
        for (int i = 0; i < approve.size(); i++) {
            String candidateId = approve.get(i);
            String field = "approve[" + i + "]";
            errors.check(candidateId != null && onBallot.contains(candidateId), field,
                    "is not a candidate on this ballot");
            errors.check(candidateId == null || approved.add(candidateId), field, "approves the same candidate twice");
        }
        errors.check(approve.size() <= election.seats(), "approve", "approves " + approve.size()
                + " candidates; a ballot approves at most " + election.seats() + ", the number of seats");
        errors.throwIfAny();
        Votes.CastOutcome outcome = election.state() != Election.State.OPEN ? Votes.CastOutcome.NOT_OPEN
                : secretBallots.cast(election.id(), member, options(onBallot), approved);
        switch (outcome) {
            case COUNTED -> { }
            case ALREADY_VOTED -> throw new DomainException.Conflict("Member '" + member + "' has already voted");
            case NOT_OPEN -> throw new DomainException.Conflict("Election '" + electionId + "' is not open");
            case NOT_AN_ELECTOR -> throw new DomainException.RuleViolation("V1", "Member '" + member
                    + "' was not a current member when the election opened, so it has no vote in it");
        }
    }

    public boolean hasVoted(String konwentId, String electionId, String memberId) {
        return elections.hasVoted(get(konwentId, electionId).id(), memberId);
    }

    /**
     * Counts the ballots. With every seat filled the new term is installed at once (a run-off's together with the
     * seats its tied election filled); a tie at the last seat closes the election undecided, for a run-off.
     */
    public Result close(Optional<Caller> caller, String konwentId, String electionId) {
        Konwent konwent = organiserOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Election election = find(konwent, electionId);
            if (election.state() != Election.State.OPEN) {
                throw new DomainException.Conflict("Election '" + electionId + "' is " + election.state()
                        + ", not OPEN");
            }
            secretBallots.count(election.id(), options(onBallot(election).stream().map(Candidate::id).toList()),
                    false);
            RulesInForce rules = rulesOf(konwent, election);
            if (rules.tieBreak() == TieBreak.LOT) {
                lotSeeds.reveal(election.id());
            }
            ApprovalCount count = count(election);
            TieDecision decision = decide(konwent, election, rules, count);
            if (decision != null) {
                count = count.settled(decision.seatedCandidateIds());
            }
            Election closed = election.closed(now(), count.tieAtLastSeat() ? Election.Outcome.TIE_AT_LAST_SEAT
                    : Election.Outcome.ELECTED);
            if (!elections.close(closed, election.version())) {
                throw new DomainException.Conflict("Election '" + electionId + "' was closed meanwhile");
            }
            if (!count.tieAtLastSeat()) {
                install(konwent, closed, count);
            }
            return new Result(closed, elections.turnout(closed.id()), count, null, rules, decision,
                    lotSeeds.find(closed.id()).orElse(null));
        });
    }

    public Result result(String konwentId, String electionId) {
        Konwent konwent = konwents.get(konwentId);
        Election election = find(konwent, electionId);
        long turnout = elections.turnout(election.id());
        RulesInForce rules = rulesOf(konwent, election);
        LotSeeds.Published lot = lotSeeds.find(election.id()).orElse(null);
        if (election.state() != Election.State.CLOSED) {
            return new Result(election, turnout, null, null, rules, null, lot);
        }
        String runOff = election.outcome() == Election.Outcome.TIE_AT_LAST_SEAT
                ? elections.runOffOf(election.id()).map(Election::id).orElse(null) : null;
        ApprovalCount count = count(election);
        TieDecision decision = decide(konwent, election, rules, count);
        return new Result(election, turnout, decision == null ? count : count.settled(decision.seatedCandidateIds()),
                runOff, rules, decision, lot);
    }

    /**
     * V5: the rules fixed when the election opened; before it opens, those it would open under now. An election
     * opened before rules were fixed at opening knew only run-offs.
     */
    private RulesInForce rulesOf(Konwent konwent, Election election) {
        return fixedRules.of(election.id()).orElseGet(() -> RulesInForce.ofElection(konwent,
                election.state() == Election.State.NOMINATING ? election.tieBreak() : TieBreak.RUN_OFF));
    }

    /**
     * C6: settles a tie at the last seat by the declared rule; null when there is no tie or a run-off decides it.
     * Recomputed from stored facts on every read (members' joining instants; the revealed seed), as a reader would.
     */
    private TieDecision decide(Konwent konwent, Election election, RulesInForce rules, ApprovalCount count) {
        if (!count.tieAtLastSeat()) {
            return null;
        }
        List<Candidate> tied = count.with(ApprovalCount.Standing.TIED);
        return switch (rules.tieBreak()) {
            case RUN_OFF -> null;
            case SENIORITY -> {
                Map<String, Instant> joined = new LinkedHashMap<>();
                for (Candidate candidate : tied) {
                    joined.put(candidate.memberId(), members.find(konwent.id(), candidate.memberId())
                            .map(Member::joinedAt).orElseThrow(() -> new IllegalStateException(
                                    "candidate's member " + candidate.memberId() + " is gone")));
                }
                List<String> order = Seniority.order(tied, joined).stream().map(Candidate::id).toList();
                Map<String, Instant> byCandidate = new LinkedHashMap<>();
                tied.forEach(c -> byCandidate.put(c.id(), joined.get(c.memberId())));
                yield new TieDecision(TieBreak.SENIORITY, order, count.seatsUndecided(), byCandidate, null, null);
            }
            case LOT -> {
                LotSeeds.Published lot = lotSeeds.find(election.id()).filter(p -> p.seed() != null).orElseThrow(() ->
                        new IllegalStateException("election " + election.id() + " was settled by lot without a seed"));
                List<String> order = Lot.draw(HexFormat.of().parseHex(lot.seed()),
                        tied.stream().map(Candidate::id).toList());
                yield new TieDecision(TieBreak.LOT, order, count.seatsUndecided(), null, lot.commitment(),
                        lot.seed());
            }
        };
    }

    /** The elections closed from {@code from} to {@code to} with their results: what a meeting's minutes report. */
    public List<Result> closedBetween(Konwent konwent, Instant from, Instant to) {
        return elections.closedBetween(konwent.id(), from, to).stream()
                .map(election -> result(konwent.id().value(), election.id()))
                .toList();
    }

    private void install(Konwent konwent, Election closed, ApprovalCount count) {
        List<Seat> seats = new ArrayList<>();
        String tiedId = closed.runOffOf();
        while (tiedId != null) {
            Election tied = find(konwent, tiedId);
            count(tied).with(ApprovalCount.Standing.ELECTED).forEach(c -> seats.add(c.seat()));
            tiedId = tied.runOffOf();
        }
        count.with(ApprovalCount.Standing.ELECTED).forEach(c -> seats.add(c.seat()));
        CouncilTerm previous = terms.before(konwent.id(), closed.year()).orElseThrow(() ->
                new DomainException.RuleViolation("C2", "An elected council follows an appointed one"));
        CouncilTerm term = CouncilTerm.of(konwent.id(), closed.year(), CouncilTerm.Origin.ELECTED, closed.id(), seats,
                previous.consultantName(), konwent.charter(), closed.closedAt());
        terms.add(term);
    }

    /** C6 on the totals opened at closing (V3). */
    private ApprovalCount count(Election election) {
        return ApprovalCount.of(onBallot(election), secretBallots.totals(election.id()), election.seats());
    }

    private List<Candidate> onBallot(Election election) {
        return elections.allCandidates(election.id()).stream().filter(Candidate::onBallot).toList();
    }

    /** V3: the options a sealed ballot marks, in a fixed order: every candidate on the ballot, by id. */
    private static List<String> options(Collection<String> candidateIds) {
        return candidateIds.stream().sorted().toList();
    }

    private Candidate change(Candidate candidate, Candidate.State from, Candidate.State to) {
        Candidate changed = candidate.in(to);
        if (!elections.replaceCandidate(changed, from)) {
            throw new DomainException.Conflict("Candidate '" + candidate.id() + "' was changed meanwhile");
        }
        return changed;
    }

    private static void requireNominating(Election election) {
        if (election.state() != Election.State.NOMINATING) {
            throw new DomainException.Conflict("Election '" + election.id() + "' is " + election.state()
                    + "; candidates change only while it is NOMINATING");
        }
    }

    private Konwent organiserOf(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.DEPARTMENT, Role.COUNCIL);
        return konwent;
    }

    private Election find(Konwent konwent, String electionId) {
        return elections.find(konwent.id(), electionId).orElseThrow(() -> new DomainException.NotFound(
                "No election '" + electionId + "' in konwent '" + konwent.id() + "'"));
    }

    private Candidate findCandidate(Election election, String candidateId) {
        return elections.findCandidate(election.id(), candidateId).orElseThrow(() -> new DomainException.NotFound(
                "No candidate '" + candidateId + "' in election '" + election.id() + "'"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
