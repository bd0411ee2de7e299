package pl.konwent.domain.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * D2: what a regional portal shows of a konwent, newest first; for a forum of regional konwents, optionally
 * together with what its member konwents publish. A member of kind REGIONAL_KONWENT is linked by the forum's
 * DEPARTMENT to the konwent hosted here that it is.
 */
public final class FeedService {
    /** Entries a feed carries: enough for a portal polling every minute, small enough to build at once. */
    public static final int ENTRIES = 50;

    /** A konwent's feed: its entries and, when aggregated, theirs of its member konwents. */
    public record Feed(Konwent konwent, List<KonwentId> sources, List<FeedEntry> entries) {
        /** When anything in it last changed; the konwent's own change when it is empty. */
        public Instant updated() {
            return entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder())
                    .filter(at -> at.isAfter(konwent.updatedAt())).orElse(konwent.updatedAt());
        }
    }

    private final FeedSources sources;
    private final KonwentLinks links;
    private final Members members;
    private final KonwentService konwents;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public FeedService(FeedSources sources, KonwentLinks links, Members members, KonwentService konwents,
                       UnitOfWork unitOfWork, Clock clock) {
        this.sources = sources;
        this.links = links;
        this.members = members;
        this.konwents = konwents;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Feed feed(String konwentId, boolean withMemberKonwents) {
        Konwent konwent = konwents.get(konwentId);
        List<KonwentId> included = included(konwent, withMemberKonwents);
        return new Feed(konwent, included, sources.latest(included, ENTRIES));
    }

    /** Changes whenever the feed would: the ETag of a conditional poll, known without building the feed. */
    public String version(String konwentId, boolean withMemberKonwents) {
        Konwent konwent = konwents.get(konwentId);
        List<KonwentId> included = included(konwent, withMemberKonwents);
        return konwent.version() + "/" + included + "/" + sources.fingerprint(included, ENTRIES);
    }

    /**
     * Changes whenever the feed would, from one read (issue 20); empty when the konwent has no stamp or the id is
     * none, and then {@link #version} says it.
     */
    public Optional<String> stamp(String konwentId, boolean withMemberKonwents) {
        try {
            return sources.stamp(new KonwentId(konwentId), withMemberKonwents);
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    /** D2: the forum's DEPARTMENT says which hosted konwent its REGIONAL_KONWENT member is. */
    public KonwentId link(Optional<Caller> caller, String forumId, String memberId, String linkedId) {
        Access.authenticated(caller);
        Konwent forum = konwents.get(forumId);
        Access.requireRole(caller, forum.id(), Role.DEPARTMENT);
        Member member = currentMember(forum, memberId);
        FieldErrors errors = new FieldErrors();
        errors.requireText("konwentId", linkedId, 63);
        errors.throwIfAny();
        if (member.kind() != MemberKind.REGIONAL_KONWENT) {
            throw new DomainException.RuleViolation("D2", "Only a member of kind REGIONAL_KONWENT is a konwent; "
                    + "member '" + memberId + "' is a " + member.kind());
        }
        Konwent linked = hosted(linkedId.strip());
        if (linked.id().equals(forum.id())) {
            throw DomainException.InvalidInput.of("konwentId", "is the forum itself");
        }
        return unitOfWork.inTransaction(() -> {
            links.link(member.id(), forum.id(), linked.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return linked.id();
        });
    }

    public void unlink(Optional<Caller> caller, String forumId, String memberId) {
        Access.authenticated(caller);
        Konwent forum = konwents.get(forumId);
        Access.requireRole(caller, forum.id(), Role.DEPARTMENT);
        memberOf(forum, memberId);
        boolean removed = unitOfWork.inTransaction(() -> links.unlink(memberId));
        if (!removed) {
            throw new DomainException.NotFound("Member '" + memberId + "' is linked to no konwent");
        }
    }

    /** Public: which hosted konwent a member is. */
    public KonwentId linkOf(String forumId, String memberId) {
        Konwent forum = konwents.get(forumId);
        memberOf(forum, memberId);
        return links.of(memberId).orElseThrow(() -> new DomainException.NotFound("Member '" + memberId
                + "' is linked to no konwent"));
    }

    private Konwent hosted(String konwentId) {
        try {
            return konwents.get(konwentId);
        } catch (DomainException.NotFound | DomainException.InvalidInput e) {
            throw DomainException.InvalidInput.of("konwentId", "is not a konwent hosted here");
        }
    }

    private List<KonwentId> included(Konwent konwent, boolean withMemberKonwents) {
        List<KonwentId> included = new ArrayList<>(List.of(konwent.id()));
        if (withMemberKonwents) {
            links.linkedTo(konwent.id()).stream().filter(id -> !included.contains(id)).forEach(included::add);
        }
        return included;
    }

    private Member memberOf(Konwent forum, String memberId) {
        return members.find(forum.id(), memberId).orElseThrow(() -> new DomainException.NotFound("No member '"
                + memberId + "' in konwent '" + forum.id() + "'"));
    }

    private Member currentMember(Konwent forum, String memberId) {
        Member member = memberOf(forum, memberId);
        if (!member.isActive()) {
            throw new DomainException.Conflict("Member '" + memberId + "' has withdrawn");
        }
        return member;
    }
}
