package pl.konwent.domain.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.council.Election;
import pl.konwent.domain.council.Elections;
import pl.konwent.domain.integration.EventType;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.Mail;
import pl.konwent.domain.shared.Outbox;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * Who has not voted in an open vote or council election, and reminding them (issue 22). Those who run it read the
 * electors without a ballot, never a choice: the COUNCIL and the SECRETARIAT for a vote, the DEPARTMENT and the
 * COUNCIL for an election. This holds for secret ballots too: V3 hides how a member voted, not whether it did (the
 * system knows who voted, so nobody votes twice), and assemblies call out those who have not voted. A reminder
 * mails each of them (the member's address and its representatives') through the outbox and publishes
 * {@code vote.reminder} (with {@code voteId} or {@code electionId}), both in one transaction.
 */
public final class Reminders {
    /** What a reminder came to: the vote or election, the electors reminded and how many e-mails were queued. */
    public record Reminder(String ballotBoxId, List<NonVoters.Elector> reminded, int mails, Instant at) {
    }

    /** An open vote or election as a reminder speaks of it. */
    private record Box(String id, String idField, String title, String kind) {
    }

    private final Votes votes;
    private final Elections elections;
    private final NonVoters nonVoters;
    private final Members members;
    private final KonwentService konwents;
    private final Outbox outbox;
    private final Events events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public Reminders(Votes votes, Elections elections, NonVoters nonVoters, Members members, KonwentService konwents,
                     Outbox outbox, Events events, UnitOfWork unitOfWork, Clock clock) {
        this.votes = votes;
        this.elections = elections;
        this.nonVoters = nonVoters;
        this.members = members;
        this.konwents = konwents;
        this.outbox = outbox;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The electors of an open vote that have not voted yet, by name. */
    public List<NonVoters.Elector> notVoted(Optional<Caller> caller, String konwentId, String voteId) {
        Konwent konwent = runnerOf(caller, konwentId, Role.COUNCIL, Role.SECRETARIAT);
        return nonVoters.of(openVote(konwent, voteId).id());
    }

    /** Mails every elector of an open vote that has not voted yet and tells integrators ({@code vote.reminder}). */
    public Reminder remind(Optional<Caller> caller, String konwentId, String voteId) {
        Konwent konwent = runnerOf(caller, konwentId, Role.COUNCIL, Role.SECRETARIAT);
        return unitOfWork.inTransaction(() -> remind(konwent, box(openVote(konwent, voteId))));
    }

    /** The electors of an open council election that have not voted yet, by name. */
    public List<NonVoters.Elector> notVotedInElection(Optional<Caller> caller, String konwentId, String electionId) {
        Konwent konwent = runnerOf(caller, konwentId, Role.DEPARTMENT, Role.COUNCIL);
        return nonVoters.of(openElection(konwent, electionId).id());
    }

    /** The same reminder for an open council election. */
    public Reminder remindElection(Optional<Caller> caller, String konwentId, String electionId) {
        Konwent konwent = runnerOf(caller, konwentId, Role.DEPARTMENT, Role.COUNCIL);
        return unitOfWork.inTransaction(() -> remind(konwent, box(openElection(konwent, electionId))));
    }

    private Reminder remind(Konwent konwent, Box box) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<NonVoters.Elector> pending = nonVoters.of(box.id());
        List<Mail> mails = new ArrayList<>();
        for (NonVoters.Elector elector : pending) {
            Optional<Member> member = members.find(konwent.id(), elector.memberId());
            for (String address : member.map(Member::mailAddresses).orElse(Set.of())) {
                mails.add(new Mail(address, "Przypomnienie o głosowaniu: " + box.title(),
                        reminderText(konwent, box, elector)));
            }
        }
        outbox.enqueue(mails);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(box.idField(), box.id());
        data.put("title", box.title());
        data.put("memberIds", pending.stream().map(NonVoters.Elector::memberId).toList());
        data.put("count", pending.size());
        events.publish(new Events.Event(EventType.VOTE_REMINDER.wireName(), konwent.id().value(), box.id(), now, data));
        return new Reminder(box.id(), pending, mails.size(), now);
    }

    private static Box box(Vote vote) {
        return new Box(vote.id(), "voteId", vote.question().title(), "głosowanie");
    }

    private static Box box(Election election) {
        return new Box(election.id(), "electionId", "Wybory rady programowej na rok " + election.year()
                + (election.round() > 1 ? ", tura " + election.round() : ""), "wybory");
    }

    private static String reminderText(Konwent konwent, Box box, NonVoters.Elector elector) {
        return "Głosowanie „" + box.title() + "” w " + konwent.name() + " jest otwarte, a członek "
                + elector.memberName() + " jeszcze nie oddał głosu.\n\nGłos oddaje przedstawiciel członka w systemie "
                + "Konwent (" + box.kind() + " " + box.id() + ").\n";
    }

    private Election openElection(Konwent konwent, String electionId) {
        Election election = elections.find(konwent.id(), electionId).orElseThrow(() -> new DomainException.NotFound(
                "No election '" + electionId + "' in konwent '" + konwent.id() + "'"));
        if (election.state() != Election.State.OPEN) {
            throw new DomainException.Conflict("Election '" + electionId + "' is " + election.state()
                    + "; who has not voted is asked of an OPEN election");
        }
        return election;
    }

    private Vote openVote(Konwent konwent, String voteId) {
        Vote vote = votes.find(konwent.id(), voteId).orElseThrow(() -> new DomainException.NotFound("No vote '"
                + voteId + "' in konwent '" + konwent.id() + "'"));
        if (vote.state() != Vote.State.OPEN) {
            throw new DomainException.Conflict("Vote '" + voteId + "' is " + vote.state()
                    + "; who has not voted is asked of an OPEN vote");
        }
        return vote;
    }

    private Konwent runnerOf(Optional<Caller> caller, String konwentId, Role... runners) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), runners);
        return konwent;
    }
}
