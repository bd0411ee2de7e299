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
 * Who has not voted in an open vote, and reminding them (issue 22). The COUNCIL and the SECRETARIAT that run the
 * vote read the electors without a ballot; never a choice. This holds for secret votes too: V3 hides how a member
 * voted, not whether it did (the system knows who voted, so nobody votes twice), and assemblies call out those who
 * have not voted. A reminder mails each of them (the member's address and its representatives') through the outbox
 * and publishes {@code vote.reminder}, both in one transaction.
 */
public final class Reminders {
    /** What a reminder came to: the electors reminded and how many e-mails were queued. */
    public record Reminder(Vote vote, List<NonVoters.Elector> reminded, int mails, Instant at) {
    }

    private final Votes votes;
    private final NonVoters nonVoters;
    private final Members members;
    private final KonwentService konwents;
    private final Outbox outbox;
    private final Events events;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public Reminders(Votes votes, NonVoters nonVoters, Members members, KonwentService konwents, Outbox outbox,
                     Events events, UnitOfWork unitOfWork, Clock clock) {
        this.votes = votes;
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
        Konwent konwent = organiserOf(caller, konwentId);
        return nonVoters.of(openVote(konwent, voteId).id());
    }

    /** Mails every elector that has not voted yet and tells integrators ({@code vote.reminder}). */
    public Reminder remind(Optional<Caller> caller, String konwentId, String voteId) {
        Konwent konwent = organiserOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Vote vote = openVote(konwent, voteId);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<NonVoters.Elector> pending = nonVoters.of(vote.id());
            List<Mail> mails = new ArrayList<>();
            for (NonVoters.Elector elector : pending) {
                Optional<Member> member = members.find(konwent.id(), elector.memberId());
                for (String address : member.map(Member::mailAddresses).orElse(Set.of())) {
                    mails.add(new Mail(address, "Przypomnienie o głosowaniu: " + vote.question().title(),
                            reminderText(konwent, vote, elector)));
                }
            }
            outbox.enqueue(mails);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("voteId", vote.id());
            data.put("title", vote.question().title());
            data.put("memberIds", pending.stream().map(NonVoters.Elector::memberId).toList());
            data.put("count", pending.size());
            events.publish(new Events.Event(EventType.VOTE_REMINDER.wireName(), konwent.id().value(), vote.id(), now,
                    data));
            return new Reminder(vote, pending, mails.size(), now);
        });
    }

    private static String reminderText(Konwent konwent, Vote vote, NonVoters.Elector elector) {
        return "Głosowanie „" + vote.question().title() + "” w " + konwent.name() + " jest otwarte, a członek "
                + elector.memberName() + " jeszcze nie oddał głosu.\n\nGłos oddaje przedstawiciel członka w systemie "
                + "Konwent (głosowanie " + vote.id() + ").\n";
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

    private Konwent organiserOf(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.COUNCIL, Role.SECRETARIAT);
        return konwent;
    }
}
