package pl.konwent.domain.voting;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Account;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Accounts;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrants;
import pl.konwent.domain.documents.Archive;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentFile;
import pl.konwent.domain.documents.DocumentKind;
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
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * V4, substitutes and proxies: the member's REPRESENTATIVE submits a written authorisation (its file kept INTERNAL
 * in the archive), the council or the secretariat accepts or rejects it with a reason, the member's REPRESENTATIVE
 * may revoke it until a ballot is cast under it. Ballots under it go through {@link VotingService#cast}. Who may read
 * one: the konwent's DEPARTMENT, COUNCIL and SECRETARIAT, the member's REPRESENTATIVE and the holder; to anyone else
 * it does not exist (the signer's name is personal data).
 */
public final class AuthorisationService {
    public static final int MAX_SIGNED_BY = 200;
    public static final int MAX_REASON = 2000;
    private static final Role[] READERS = {Role.DEPARTMENT, Role.COUNCIL, Role.SECRETARIAT};

    private final Authorisations authorisations;
    private final Accounts accounts;
    private final RoleGrants grants;
    private final Members members;
    private final Votes votes;
    private final MeetingAttendance meetings;
    private final KonwentService konwents;
    private final Archive archive;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;

    public AuthorisationService(Authorisations authorisations, Accounts accounts, RoleGrants grants, Members members,
                                Votes votes, MeetingAttendance meetings, KonwentService konwents, Archive archive,
                                UnitOfWork unitOfWork, IdSource ids, Clock clock) {
        this.authorisations = authorisations;
        this.accounts = accounts;
        this.grants = grants;
        this.members = members;
        this.votes = votes;
        this.meetings = meetings;
        this.konwents = konwents;
        this.archive = archive;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** The member's REPRESENTATIVE submits; the written authorisation's file follows with {@link #attachFile}. */
    public Authorisation submit(Optional<Caller> caller, String konwentId, AuthorisationInput input) {
        Caller submitter = Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        String memberId = errors.requireText("memberId", input.memberId(), 64);
        Authorisation.Kind kind = errors.parse("kind", () -> Enums.parse(Authorisation.Kind.class, input.kind()));
        String holderId = errors.requireText("holderAccountId", input.holderAccountId(), 64);
        String signedBy = errors.requireText("signedBy", input.signedBy(), MAX_SIGNED_BY);
        errors.check((input.meetingId() == null) != (input.voteId() == null), "meetingId",
                "give exactly one of meetingId (every vote at that meeting) and voteId (that one vote)");
        errors.check(kind != Authorisation.Kind.PROXY || input.holderMemberId() != null, "holderMemberId",
                "is required for a PROXY: the member whose REPRESENTATIVE the holder is");
        errors.check(kind != Authorisation.Kind.SUBSTITUTE || input.holderMemberId() == null
                || input.holderMemberId().equals(input.memberId()), "holderMemberId",
                "a SUBSTITUTE acts within the authorising member; leave it out");
        errors.throwIfAny();
        if (!submitter.represents(konwent.id(), memberId)) {
            throw new DomainException.Forbidden("Only the REPRESENTATIVE of member '" + memberId
                    + "' authorises someone to cast its ballot");
        }
        Member member = members.find(konwent.id(), memberId).filter(Member::isActive).orElse(null);
        errors.check(member != null, "memberId", "is not a current member of this konwent");
        errors.check(kind != Authorisation.Kind.PROXY || members.find(konwent.id(), input.holderMemberId())
                .filter(Member::isActive).isPresent(), "holderMemberId", "is not a current member of this konwent");
        if (input.meetingId() != null) {
            errors.check(meetings.sitting(konwent.id(), input.meetingId()).isPresent(), "meetingId",
                    "is not a meeting of konwent '" + konwent.id() + "'");
        } else {
            Optional<Vote> vote = votes.find(konwent.id(), input.voteId());
            errors.check(vote.isPresent(), "voteId", "is not a vote of konwent '" + konwent.id() + "'");
            errors.check(vote.map(v -> v.state() != Vote.State.CLOSED).orElse(true), "voteId", "is closed");
        }
        Caller holder = holder(holderId);
        errors.check(holder != null, "holderAccountId", "is not an account");
        errors.throwIfAny();
        String holderMemberId = kind == Authorisation.Kind.PROXY ? input.holderMemberId() : memberId;
        ProxyRules.proxiesAllowedByTheCharter(konwent.charter(), kind);
        ProxyRules.holderActsForTheMember(holder, konwent.id(), memberId, kind, holderMemberId);
        Instant now = now();
        String id = ids.newId().toString();
        return unitOfWork.inTransaction(() -> {
            Document document = archive.archiveInternal(konwent.id(), new Archive.Entry(
                    "Pełnomocnictwo: " + member.name(), DocumentKind.OTHER,
                    now.atZone(PolishTime.ZONE).toLocalDate(),
                    (kind == Authorisation.Kind.PROXY ? "Pełnomocnictwo" : "Upoważnienie zastępcy") + " członka "
                            + member.name() + (input.meetingId() != null ? " na posiedzenie " + input.meetingId()
                            : " do głosowania " + input.voteId()) + ".",
                    new Document.Source(Document.Source.Type.AUTHORISATION, id)));
            Authorisation authorisation = new Authorisation(id, konwent.id(), memberId, kind, holder.id(),
                    holderMemberId, input.meetingId(), input.voteId(), signedBy, document.id(), null,
                    Authorisation.State.SUBMITTED, null, now, null, null, 1);
            authorisations.add(authorisation);
            return authorisation;
        });
    }

    /** The signed authorisation's file (PDF, DOCX or ODT, as its bytes show), while it is SUBMITTED. */
    public DocumentFile attachFile(Optional<Caller> caller, String konwentId, String id, String fileName,
                                   InputStream bytes) {
        Konwent konwent = konwents.get(konwentId);
        Authorisation current = visible(caller, konwent, id);
        requireRepresentativeOf(Access.authenticated(caller), current);
        requireState(current, Authorisation.State.SUBMITTED, "take a file");
        DocumentFile file = archive.attachInternal(konwent.id(), current.documentId(), fileName, bytes);
        unitOfWork.inTransaction(() -> {
            Authorisation now = find(konwent, id);
            requireState(now, Authorisation.State.SUBMITTED, "take a file");
            if (!authorisations.replace(now.withFile(file.id()), now.version())) {
                throw new DomainException.Conflict("Authorisation '" + id + "' was changed meanwhile");
            }
            return null;
        });
        return file;
    }

    /**
     * The council or the secretariat accepts or rejects, with a reason; accepting needs the written authorisation's
     * file and checks the charter again (V4: proxies allowed, how many members the holder carries).
     */
    public Authorisation decide(Optional<Caller> caller, String konwentId, String id, String outcome, String reason) {
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.COUNCIL, Role.SECRETARIAT);
        FieldErrors errors = new FieldErrors();
        Authorisation.State decided = errors.parse("outcome", () -> Enums.parse(Authorisation.State.class, outcome));
        errors.check(decided == null || decided == Authorisation.State.ACCEPTED
                || decided == Authorisation.State.REJECTED, "outcome", "must be ACCEPTED or REJECTED");
        String why = errors.requireText("reason", reason, MAX_REASON);
        errors.throwIfAny();
        boolean accepted = decided == Authorisation.State.ACCEPTED;
        return unitOfWork.inTransaction(() -> {
            Authorisation current = authorisations.lock(konwent.id(), id).orElseThrow(() -> notFound(konwent, id));
            requireState(current, Authorisation.State.SUBMITTED, "be decided");
            if (accepted) {
                if (current.fileId() == null) {
                    throw new DomainException.RuleViolation("V4", "An authorisation is accepted on its written "
                            + "form: upload the signed file first");
                }
                ProxyRules.proxiesAllowedByTheCharter(konwent.charter(), current.kind());
                Caller holder = holder(current.holder().value());
                if (holder == null) {
                    throw new DomainException.RuleViolation("V4", "The holder's account no longer exists");
                }
                ProxyRules.holderActsForTheMember(holder, konwent.id(), current.memberId(), current.kind(),
                        current.holderMemberId());
                List<Authorisation> others = authorisations.lockAcceptedProxiesOf(konwent.id(), current.holder(),
                        current.id());
                ProxyRules.holderCarriesNoMoreThanTheCharterAllows(konwent.charter(), current, others,
                        voteId -> votes.find(konwent.id(), voteId).map(v -> v.question().meetingId()).orElse(null));
            }
            Authorisation result = current.decided(accepted, why, now());
            if (!authorisations.replace(result, current.version())) {
                throw new DomainException.Conflict("Authorisation '" + id + "' was decided meanwhile");
            }
            return result;
        });
    }

    /** The member's REPRESENTATIVE revokes, until a ballot is cast under the authorisation (then 409, V4). */
    public Authorisation revoke(Optional<Caller> caller, String konwentId, String id, String reason) {
        Konwent konwent = konwents.get(konwentId);
        Caller known = Access.authenticated(caller);
        FieldErrors errors = new FieldErrors();
        String why = errors.optionalText("reason", reason, MAX_REASON);
        errors.throwIfAny();
        requireRepresentativeOf(known, visible(caller, konwent, id));
        return unitOfWork.inTransaction(() -> {
            Authorisation current = authorisations.lock(konwent.id(), id).orElseThrow(() -> notFound(konwent, id));
            ProxyRules.revocableUntilUsed(current, authorisations.used(id));
            Authorisation result = current.revoked(why, now());
            if (!authorisations.replace(result, current.version())) {
                throw new DomainException.Conflict("Authorisation '" + id + "' was changed meanwhile");
            }
            return result;
        });
    }

    public Authorisation get(Optional<Caller> caller, String konwentId, String id) {
        return visible(caller, konwents.get(konwentId), id);
    }

    /**
     * Newest first. The DEPARTMENT, COUNCIL and SECRETARIAT see all (filtered by {@code memberId}, {@code state});
     * anyone else sees those of the members it represents ({@code memberId} required) or, with {@code held}, those
     * it holds.
     */
    public Page<Authorisation> list(Optional<Caller> caller, String konwentId, String memberId, String state,
                                    boolean held, PageRequest page) {
        Caller known = Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        Authorisation.State filter = errors.parseOptional("state", state,
                () -> Enums.parse(Authorisation.State.class, state));
        errors.throwIfAny();
        AccountId holder = held ? known.id() : null;
        if (!held && !Access.holdsAny(caller, konwent.id(), READERS)) {
            if (memberId == null || !known.represents(konwent.id(), memberId)) {
                throw new DomainException.Forbidden("List the authorisations of a member you represent (memberId), "
                        + "or those you hold (held=true)");
            }
        }
        return authorisations.list(konwent.id(), new Authorisations.Filter(memberId, holder, filter), page);
    }

    private Authorisation visible(Optional<Caller> caller, Konwent konwent, String id) {
        Caller known = Access.authenticated(caller);
        Authorisation authorisation = find(konwent, id);
        boolean reader = Access.holdsAny(caller, konwent.id(), READERS)
                || known.represents(konwent.id(), authorisation.memberId())
                || known.id().equals(authorisation.holder());
        if (!reader) {
            throw notFound(konwent, id);
        }
        return authorisation;
    }

    private static void requireRepresentativeOf(Caller caller, Authorisation authorisation) {
        if (!caller.represents(authorisation.konwent(), authorisation.memberId())) {
            throw new DomainException.Forbidden("Only the REPRESENTATIVE of member '" + authorisation.memberId()
                    + "' acts on its authorisations");
        }
    }

    private static void requireState(Authorisation authorisation, Authorisation.State state, String what) {
        if (authorisation.state() != state) {
            throw new DomainException.Conflict("Authorisation '" + authorisation.id() + "' is "
                    + authorisation.state() + "; only a " + state + " one can " + what);
        }
    }

    /** The holder's account with its roles as they stand now, or null when there is no such account. */
    private Caller holder(String accountId) {
        AccountId id;
        try {
            id = new AccountId(accountId);
        } catch (RuntimeException e) {
            return null;
        }
        return accounts.find(id).filter(Account::enabled)
                .map(account -> new Caller(account.id(), account.username(), grants.of(account.id())))
                .orElse(null);
    }

    private Authorisation find(Konwent konwent, String id) {
        return authorisations.find(konwent.id(), id).orElseThrow(() -> notFound(konwent, id));
    }

    private static DomainException notFound(Konwent konwent, String id) {
        return new DomainException.NotFound("No authorisation '" + id + "' in konwent '" + konwent.id() + "'");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
