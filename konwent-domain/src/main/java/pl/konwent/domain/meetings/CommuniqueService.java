package pl.konwent.domain.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.documents.Archive;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentKind;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Mail;
import pl.konwent.domain.shared.Outbox;
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.shared.UnitOfWork;
import pl.konwent.domain.voting.Authorisation;
import pl.konwent.domain.voting.Votes;
import pl.konwent.domain.voting.VotingService;

/**
 * O2, D1: after a meeting is held its organiser writes the communiqué, sends it to the department and publishes
 * it. It reports the resolutions adopted at the meeting with their results: the votes held at it that were
 * closed and adopted (by the time of publication, once published).
 */
public final class CommuniqueService {
    /** A communiqué with the resolutions it reports, and whether this call created it. */
    public record View(Communique communique, List<VotingService.Result> resolutions, boolean created) {
    }

    private static final Role[] READERS = {Role.SECRETARIAT, Role.DEPARTMENT, Role.COUNCIL};

    private final Communiques communiques;
    private final MeetingService meetings;
    private final VotingService voting;
    private final Recipients recipients;
    private final KonwentService konwents;
    private final Outbox outbox;
    private final Archive archive;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CommuniqueService(Communiques communiques, MeetingService meetings, VotingService voting,
                             Recipients recipients, KonwentService konwents, Outbox outbox, Archive archive,
                             UnitOfWork unitOfWork, Clock clock) {
        this.communiques = communiques;
        this.meetings = meetings;
        this.voting = voting;
        this.recipients = recipients;
        this.konwents = konwents;
        this.outbox = outbox;
        this.archive = archive;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** O2: the organiser writes (or rewrites) the communiqué of a held meeting until it is published. */
    public View write(Optional<Caller> caller, String konwentId, String meetingId, String title, String text,
                      OptionalLong expectedVersion) {
        Konwent konwent = secretariatOf(caller, konwentId);
        FieldErrors errors = new FieldErrors();
        String validTitle = errors.requireText("title", title, 300);
        String validText = errors.requireText("text", text, 100_000);
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Meeting meeting = meetings.find(konwent, meetingId);
            if (meeting.state() != Meeting.State.HELD) {
                throw new DomainException.Conflict("Meeting '" + meetingId + "' is " + meeting.state()
                        + "; the communiqué is written after the meeting is held");
            }
            Instant now = now();
            Optional<Communique> existing = communiques.find(meetingId);
            if (existing.isEmpty()) {
                if (expectedVersion.isPresent()) {
                    throw new DomainException.StaleVersion("Meeting '" + meetingId + "' has no communiqué yet");
                }
                Communique written = new Communique(meetingId, konwent.id(), validTitle, validText, now, now, null,
                        0, null, 1);
                communiques.add(written);
                return view(konwent, written, true);
            }
            Communique current = existing.get();
            requireVersion(current, expectedVersion);
            requireUnpublished(current);
            Communique rewritten = current.rewritten(validTitle, validText, now);
            replace(rewritten, current);
            return view(konwent, rewritten, false);
        });
    }

    /** O2: the organiser sends the communiqué to the department (to each DEPARTMENT account's e-mail). */
    public View send(Optional<Caller> caller, String konwentId, String meetingId) {
        Konwent konwent = secretariatOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Communique current = find(konwent, meetingId);
            requireUnpublished(current);
            List<String> addresses = recipients.department(konwent.id());
            if (addresses.isEmpty()) {
                throw new DomainException.Conflict("Konwent '" + konwent.id() + "' has no DEPARTMENT account with "
                        + "an e-mail address to send the communiqué to");
            }
            View report = view(konwent, current, false);
            String body = current.text() + "\n\n" + resolutionsText(report.resolutions());
            outbox.enqueue(addresses.stream().map(to -> new Mail(to, "Komunikat: " + current.title(), body))
                    .toList());
            Communique sent = current.sent(now(), addresses.size());
            replace(sent, current);
            return view(konwent, sent, false);
        });
    }

    /**
     * D1: the organiser publishes the communiqué the department has received; it is public from then on, and the
     * archive keeps it as a public COMMUNIQUE document with the resolutions it reports.
     */
    public View publish(Optional<Caller> caller, String konwentId, String meetingId) {
        Konwent konwent = secretariatOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Communique current = find(konwent, meetingId);
            requireUnpublished(current);
            if (!current.departmentHasCurrentText()) {
                throw new DomainException.Conflict("Send the communiqué to the department first"
                        + (current.sentAt() == null ? "" : ": it was changed after it was sent") + " (O2)");
            }
            Communique published = current.published(now());
            replace(published, current);
            View view = view(konwent, published, false);
            archive.archivePublic(konwent.id(), new Archive.Entry(published.title(), DocumentKind.COMMUNIQUE,
                    published.publishedAt().atZone(PolishTime.ZONE).toLocalDate(),
                    published.text() + "\n\n" + resolutionsText(view.resolutions()),
                    new Document.Source(Document.Source.Type.MEETING, published.meetingId())));
            return view;
        });
    }

    /** Public once published; before that, for the organiser, the department and the council. */
    public View get(Optional<Caller> caller, String konwentId, String meetingId) {
        Konwent konwent = konwents.get(konwentId);
        Communique communique = find(konwent, meetingId);
        if (communique.publishedAt() == null && !Access.holdsAny(caller, konwent.id(), READERS)) {
            throw notFound(meetingId);
        }
        return view(konwent, communique, false);
    }

    private View view(Konwent konwent, Communique communique, boolean created) {
        Instant until = communique.publishedAt();
        List<VotingService.Result> adopted = voting.closedAtMeeting(konwent, communique.meetingId()).stream()
                .filter(r -> r.tally().adopted(r.majority(), r.quorum()))
                .filter(r -> until == null || !r.vote().closedAt().isAfter(until))
                .toList();
        return new View(communique, adopted, created);
    }

    private static String resolutionsText(List<VotingService.Result> resolutions) {
        if (resolutions.isEmpty()) {
            return "Na posiedzeniu nie podjęto uchwał w głosowaniu.";
        }
        StringBuilder text = new StringBuilder("Przyjęte na posiedzeniu:\n");
        for (VotingService.Result r : resolutions) {
            text.append("- ").append(r.vote().question().title()).append(" (").append(r.vote().question().kind())
                    .append("): za ").append(r.tally().forVotes()).append(", przeciw ").append(r.tally().against())
                    .append(", wstrzymało się ").append(r.tally().abstain()).append('\n');
            appendAuthorised(text, r);
        }
        return text.toString();
    }

    /** V4: in an open vote, the ballots cast by substitutes and proxies, each named; never in a secret one (V3). */
    private static void appendAuthorised(StringBuilder text, VotingService.Result result) {
        if (result.vote().question().secret()) {
            return;
        }
        for (Votes.NamedBallot ballot : result.named()) {
            Votes.CastUnder under = ballot.castUnder();
            if (under != null) {
                text.append("  ").append(ballot.memberName()).append(under.kind() == Authorisation.Kind.PROXY
                        ? ": głos oddany przez pełnomocnika, przedstawiciela " + under.holderMemberName()
                        : ": głos oddany przez zastępcę z delegacji").append('\n');
            }
        }
    }

    private Communique find(Konwent konwent, String meetingId) {
        meetings.find(konwent, meetingId);
        return communiques.find(meetingId).orElseThrow(() -> notFound(meetingId));
    }

    private static DomainException notFound(String meetingId) {
        return new DomainException.NotFound("Meeting '" + meetingId + "' has no communiqué");
    }

    private static void requireUnpublished(Communique communique) {
        if (communique.publishedAt() != null) {
            throw new DomainException.Conflict("The communiqué was published on " + communique.publishedAt()
                    + " and no longer changes");
        }
    }

    private static void requireVersion(Communique communique, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != communique.version()) {
            throw new DomainException.StaleVersion("The communiqué was changed since the version you sent");
        }
    }

    private void replace(Communique revised, Communique current) {
        if (!communiques.replace(revised, current.version())) {
            throw new DomainException.Conflict("The communiqué was changed meanwhile; try again");
        }
    }

    private Konwent secretariatOf(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.SECRETARIAT);
        return konwent;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
