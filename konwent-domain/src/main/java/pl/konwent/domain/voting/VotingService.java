package pl.konwent.domain.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleRules;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.documents.Archive;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentKind;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * Votes on resolutions (V1–V3). The council or the secretariat prepares, opens and closes them; each member's
 * REPRESENTATIVE casts the member's one ballot; the result is counted by the database.
 */
public final class VotingService {
    /**
     * A vote's result: during the vote only the turnout; after closing, the counts and the decision. {@code rules}
     * are those fixed when it opened (V5; for a draft, those it would open under now), and {@code majority} and
     * {@code quorum} are theirs.
     */
    public record Result(Vote vote, long turnout, Tally tally, Majority majority, Quorum quorum,
                         List<Votes.NamedBallot> named, RulesInForce rules) {
    }

    /** The options of a resolution vote, in the order a sealed ballot marks them (V3). */
    static final List<String> OPTIONS = Arrays.stream(Choice.values()).map(Choice::name).toList();

    private final Votes votes;
    private final SecretBallots secretBallots;
    private final MeetingAttendance meetings;
    private final KonwentService konwents;
    private final FixedRules fixedRules;
    private final Archive archive;
    private final Events events;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;
    private final Authorisations authorisations;

    public static final String CLOSED = "vote.closed";

    public VotingService(Votes votes, SecretBallots secretBallots, MeetingAttendance meetings,
                         KonwentService konwents, FixedRules fixedRules, Archive archive, Events events,
                         UnitOfWork unitOfWork, IdSource ids, Clock clock, Authorisations authorisations) {
        this.votes = votes;
        this.secretBallots = secretBallots;
        this.meetings = meetings;
        this.konwents = konwents;
        this.fixedRules = fixedRules;
        this.archive = archive;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.authorisations = authorisations;
    }

    public Vote create(Optional<Caller> caller, String konwentId, VoteInput input) {
        Konwent konwent = organiserOf(caller, konwentId);
        Vote.Question question = validate(konwent, input);
        Instant now = now();
        Vote vote = new Vote(ids.newId().toString(), konwent.id(), question, Vote.State.DRAFT, now, null, null, 0,
                null, 1);
        return unitOfWork.inTransaction(() -> {
            votes.add(vote);
            return vote;
        });
    }

    public Page<Vote> list(String konwentId, String state, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        Vote.State filter = errors.parseOptional("state", state, () -> Enums.parse(Vote.State.class, state));
        errors.throwIfAny();
        return votes.list(konwent.id(), filter, page);
    }

    public Vote get(String konwentId, String voteId) {
        return find(konwents.get(konwentId), voteId);
    }

    /** A draft's question may change; an open or closed vote's may not. */
    public Vote revise(Optional<Caller> caller, String konwentId, String voteId, VoteInput input,
                       OptionalLong expectedVersion) {
        Konwent konwent = organiserOf(caller, konwentId);
        Vote.Question question = validate(konwent, input);
        return unitOfWork.inTransaction(() -> {
            Vote current = find(konwent, voteId);
            requireDraft(current, "changed");
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new DomainException.StaleVersion("Vote '" + voteId + "' was changed since the version you sent");
            }
            Vote revised = current.revised(question, now());
            if (!votes.replace(revised, current.version())) {
                throw new DomainException.StaleVersion("Vote '" + voteId + "' was changed meanwhile");
            }
            return revised;
        });
    }

    public void delete(Optional<Caller> caller, String konwentId, String voteId) {
        Konwent konwent = organiserOf(caller, konwentId);
        unitOfWork.inTransaction(() -> {
            requireDraft(find(konwent, voteId), "deleted");
            if (!votes.deleteDraft(konwent.id(), voteId)) {
                throw new DomainException.Conflict("Vote '" + voteId + "' is no longer a draft");
            }
            return null;
        });
    }

    /**
     * Opens a draft; the members current at this moment are its electors (only they may vote), and the charter's
     * rules in force now, with the vote's own overrides, are the ones it will be decided by (V5).
     */
    public Vote open(Optional<Caller> caller, String konwentId, String voteId) {
        Konwent konwent = organiserOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Vote current = find(konwent, voteId);
            requireDraft(current, "opened");
            if (current.atMeeting() && !sitting(konwent, current).takesPlace()) {
                throw new DomainException.Conflict("Vote '" + voteId + "' is held at meeting '"
                        + current.question().meetingId() + "', which has not been invited to or was cancelled");
            }
            Vote opened = current.opened(now(), 0);
            int electors = votes.open(opened, current.version());
            if (electors < 0) {
                throw new DomainException.Conflict("Vote '" + voteId + "' was opened meanwhile");
            }
            if (current.question().secret()) {
                secretBallots.opened(current.id());
            }
            fixedRules.fix(current.id(), RulesInForce.ofVote(konwent, current.question())); // V5
            return current.opened(opened.openedAt(), electors);
        });
    }

    /**
     * Closes an open vote and counts it: ballots are stopped first (a vote whose closing was interrupted there takes
     * no ballot and is closed by the next closing), then, in one transaction, it is closed and counted, the result
     * announced ({@code vote.closed}) and an adopted resolution archived as a public document (D1).
     */
    public Vote close(Optional<Caller> caller, String konwentId, String voteId) {
        Konwent konwent = organiserOf(caller, konwentId);
        Vote open = find(konwent, voteId);
        if (open.state() == Vote.State.OPEN) {
            // ballots stop first, in a short transaction of their own: on a cluster, a closing that also counted had
            // to be certified ahead of every ballot arriving through other nodes, and lost while they kept coming
            unitOfWork.inTransaction(() -> {
                votes.stopBallots(open.id(), now());
                return null;
            });
        }
        return unitOfWork.inTransaction(() -> {
            Vote current = find(konwent, voteId);
            if (current.state() != Vote.State.OPEN) {
                throw new DomainException.Conflict("Vote '" + voteId + "' is " + current.state() + ", not OPEN");
            }
            Vote closed = current.closed(now(), current.atMeeting() ? sitting(konwent, current).present() : null);
            if (!votes.replace(closed, current.version())) {
                throw new DomainException.Conflict("Vote '" + voteId + "' was closed meanwhile");
            }
            if (closed.question().secret()) {
                secretBallots.count(closed.id(), OPTIONS, true);
            }
            Result result = result(konwent, closed);
            boolean adopted = result.tally().adopted(result.majority(), result.quorum());
            events.publish(new Events.Event(CLOSED, konwent.id().value(), closed.id(), closed.closedAt(),
                    closedFacts(closed, result.tally(), adopted)));
            if (adopted) {
                archive.archivePublic(konwent.id(), resolution(closed, result.tally()));
            }
            return closed;
        });
    }

    /**
     * V1: the member's REPRESENTATIVE casts the member's one ballot; a second one is a conflict. V3: a secret
     * ballot is sealed before it is stored. V4: the holder of an accepted authorisation covering the vote casts it
     * instead, as the same one ballot of the member.
     */
    public void cast(Optional<Caller> caller, String konwentId, String voteId, String memberId, String choice) {
        cast(caller, konwentId, voteId, memberId, choice, () -> { });
    }

    /**
     * The same, with {@code withTheBallot} run in the ballot's own transaction once the ballot is counted (the
     * command's audit entry): it is stored with the ballot or not at all, in one commit. Every read of the ballot
     * and its transaction share one connection (issue 20).
     */
    public void cast(Optional<Caller> caller, String konwentId, String voteId, String memberId, String choice,
                     Runnable withTheBallot) {
        unitOfWork.onOneConnection(() -> {
            castOnOneConnection(caller, konwentId, voteId, memberId, choice, withTheBallot);
            return null;
        });
    }

    private void castOnOneConnection(Optional<Caller> caller, String konwentId, String voteId, String memberId,
                                     String choice, Runnable withTheBallot) {
        Votes.InKonwent found = konwents.get(konwentId, id -> votes.findWithKonwent(id, voteId));
        Konwent konwent = found.konwent();
        FieldErrors errors = new FieldErrors();
        String member = errors.requireText("memberId", memberId, 64);
        Choice valid = errors.parse("choice", () -> Enums.parse(Choice.class, choice));
        errors.throwIfAny();
        Caller voter = Access.authenticated(caller);
        List<Authorisation> held = voter.represents(konwent.id(), member) ? List.of()
                : authorisations.acceptedFor(konwent.id(), member, voter.id());
        if (held.isEmpty() || voter.isAdmin() || voter.holds(konwent.id(), Role.DEPARTMENT)) {
            RoleRules.onlyTheMembersOwnPeopleVote(voter, konwent.id(), member); // V6
        }
        Vote vote = found.vote().orElseThrow(() -> noSuchVote(konwent, voteId));
        BallotGuard guard = (held.isEmpty() ? BallotGuard.NONE : underAuthorisation(konwent, vote, member, held))
                .andOnCounted(withTheBallot);
        Votes.CastOutcome outcome;
        if (vote.state() != Vote.State.OPEN) {
            outcome = Votes.CastOutcome.NOT_OPEN;
        } else if (vote.question().secret()) {
            outcome = secretBallots.cast(vote.id(), member, OPTIONS, Set.of(valid.name()), guard);
        } else {
            outcome = unitOfWork.inTransaction(() -> guard.around(() -> votes.cast(vote, member, valid)));
        }
        switch (outcome) {
            case COUNTED -> { }
            case ALREADY_VOTED -> throw new DomainException.Conflict("Member '" + member + "' has already voted");
            case NOT_OPEN -> throw new DomainException.Conflict("Vote '" + voteId + "' is not open");
            case NOT_AN_ELECTOR -> throw new DomainException.RuleViolation("V1", "Member '" + member
                    + "' was not a current member when the vote opened, so it has no vote in it");
        }
    }

    /**
     * V4: the ballot of a holder: the authorisation is locked and must still be accepted (revoking takes turns with
     * it), the holder recorded present when the vote is at a meeting, and the counted ballot is marked as cast
     * under it, in the ballot's own transaction.
     */
    private BallotGuard underAuthorisation(Konwent konwent, Vote vote, String member, List<Authorisation> held) {
        Authorisation authorisation = held.stream().filter(a -> ProxyRules.usableIn(a, vote)).findFirst()
                .orElseThrow(() -> new DomainException.Forbidden("V4: none of your accepted authorisations of member '"
                        + member + "' covers vote '" + vote.id() + "'"));
        ProxyRules.proxiesAllowedWhenTheVoteOpened(fixedRules.of(vote.id())
                .orElseGet(() -> RulesInForce.ofVote(konwent, vote.question())), authorisation.kind()); // V5
        return new BallotGuard() {
            @Override
            public void admit() {
                Authorisation current = authorisations.lock(vote.konwent(), authorisation.id())
                        .filter(a -> ProxyRules.usableIn(a, vote))
                        .orElseThrow(() -> new DomainException.Conflict("Authorisation '" + authorisation.id()
                                + "' was revoked meanwhile"));
                ProxyRules.holderPresentAtTheMeeting(vote, !vote.atMeeting()
                        || meetings.present(vote.question().meetingId(), current.holderMemberId()));
            }

            @Override
            public void counted() {
                authorisations.recordBallot(vote.id(), member, authorisation.id());
            }
        };
    }

    public boolean hasVoted(String konwentId, String voteId, String memberId) {
        Vote vote = find(konwents.get(konwentId), voteId);
        return votes.hasVoted(vote.id(), memberId);
    }

    /** During the vote only the turnout is known; after closing, the counts and whether it was adopted (V2). */
    public Result result(String konwentId, String voteId) {
        Konwent konwent = konwents.get(konwentId);
        return result(konwent, find(konwent, voteId));
    }

    /**
     * V5: counted under the rules fixed when the vote opened. A draft, or a vote opened before rules were fixed at
     * opening, shows the charter's rules as they are now.
     */
    private Result result(Konwent konwent, Vote vote) {
        RulesInForce rules = fixedRules.of(vote.id()).orElseGet(() -> RulesInForce.ofVote(konwent, vote.question()));
        if (vote.state() != Vote.State.CLOSED) {
            return new Result(vote, votes.turnout(vote.id()), null, rules.majority(), rules.quorum(), List.of(),
                    rules);
        }
        Tally tally = vote.question().secret() ? secretTally(vote) : votes.tally(vote);
        return new Result(vote, tally.cast(), tally, rules.majority(), rules.quorum(), votes.namedBallots(vote),
                rules);
    }

    /** V3: a closed secret vote's counts are the totals opened when it closed. */
    private Tally secretTally(Vote vote) {
        Map<String, Long> totals = secretBallots.totals(vote.id());
        return new Tally(totals.getOrDefault(Choice.FOR.name(), 0L), totals.getOrDefault(Choice.AGAINST.name(), 0L),
                totals.getOrDefault(Choice.ABSTAIN.name(), 0L), vote.electorate(), vote.present());
    }

    /** A vote of the konwent with its result so far, if it exists. */
    public Optional<Result> findResult(Konwent konwent, String voteId) {
        return votes.find(konwent.id(), voteId).map(vote -> result(konwent, vote));
    }

    /** The closed votes held at a meeting, oldest first, with their results: what its communiqué reports. */
    public List<Result> closedAtMeeting(Konwent konwent, String meetingId) {
        return votes.ofMeeting(konwent.id(), meetingId).stream()
                .filter(vote -> vote.state() == Vote.State.CLOSED)
                .map(vote -> result(konwent, vote))
                .toList();
    }

    private static Map<String, Object> closedFacts(Vote vote, Tally tally, boolean adopted) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("voteId", vote.id());
        data.put("title", vote.question().title());
        data.put("kind", vote.question().kind().name());
        data.put("adopted", adopted);
        data.put("counts", Map.of("for", tally.forVotes(), "against", tally.against(), "abstain", tally.abstain()));
        return data;
    }

    /** D1: the adopted resolution as the archive keeps it: its text and the result, dated the day it closed. */
    private static Archive.Entry resolution(Vote vote, Tally tally) {
        String body = vote.question().text() + "\n\nPrzyjęto w głosowaniu: za " + tally.forVotes() + ", przeciw "
                + tally.against() + ", wstrzymało się " + tally.abstain() + ".";
        return new Archive.Entry(vote.question().title(), documentKind(vote.question().kind()),
                vote.closedAt().atZone(PolishTime.ZONE).toLocalDate(), body,
                new Document.Source(Document.Source.Type.VOTE, vote.id()));
    }

    private static DocumentKind documentKind(ResolutionKind kind) {
        return switch (kind) {
            case POSITION -> DocumentKind.POSITION;
            case MOTION -> DocumentKind.MOTION;
            case POSTULATE -> DocumentKind.POSTULATE;
            case WORK_PLAN -> DocumentKind.WORK_PLAN;
            case OTHER -> DocumentKind.OTHER;
        };
    }

    private MeetingAttendance.Sitting sitting(Konwent konwent, Vote vote) {
        return meetings.sitting(konwent.id(), vote.question().meetingId()).orElseThrow(() ->
                new DomainException.Conflict("Meeting '" + vote.question().meetingId() + "' no longer exists"));
    }

    private Konwent organiserOf(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.COUNCIL, Role.SECRETARIAT);
        return konwent;
    }

    /** The question, and the meeting it names, if any, must be one of this konwent's. */
    private Vote.Question validate(Konwent konwent, VoteInput input) {
        FieldErrors errors = new FieldErrors();
        Vote.Question question = input.validate(errors);
        if (question != null && question.meetingId() != null) {
            errors.check(meetings.sitting(konwent.id(), question.meetingId()).isPresent(), "meetingId",
                    "is not a meeting of konwent '" + konwent.id() + "'");
        }
        errors.throwIfAny();
        return question;
    }

    private static void requireDraft(Vote vote, String what) {
        if (vote.state() != Vote.State.DRAFT) {
            throw new DomainException.Conflict("Vote '" + vote.id() + "' is " + vote.state()
                    + "; only a draft can be " + what);
        }
    }

    private Vote find(Konwent konwent, String voteId) {
        return votes.find(konwent.id(), voteId).orElseThrow(() -> noSuchVote(konwent, voteId));
    }

    private static DomainException.NotFound noSuchVote(Konwent konwent, String voteId) {
        return new DomainException.NotFound("No vote '" + voteId + "' in konwent '" + konwent.id() + "'");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
