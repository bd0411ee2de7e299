package pl.konwent.domain.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Collectors;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrant;
import pl.konwent.domain.integration.EventType;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.InvalidValue;
import pl.konwent.domain.shared.Outbox;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.shared.Text;
import pl.konwent.domain.shared.Throttle;
import pl.konwent.domain.shared.UnitOfWork;
import pl.konwent.domain.shared.Voivodeship;

/** Use cases of membership: declarations (M1, M3), the decision (M2), the register (M5), leaving (M4), GDPR. */
public final class MembershipService {
    /** Dates of the rules (deadlines, "not in the future") are Polish dates. */

    /** What a caller may see of a member: the public view, or with personal data. */
    public enum View { PUBLIC, FULL }

    public record MemberRead(Member member, View view) {
    }

    private final Declarations declarations;
    private final Members members;
    private final CouncilPresence councils;
    private final KonwentService konwents;
    private final Events events;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;
    private final Throttle submissions;
    private final Delegations delegations;
    private final AnswerCopies answerCopies;
    private final Outbox outbox;
    private final Offices offices;
    private final ApplicationContacts applicationContacts;

    /**
     * The people's copies beyond the register: delegations, kept answers, e-mail to send or sent, council seats and
     * candidacies, contacts of competition applications.
     */
    public record PeopleCopies(Delegations delegations, AnswerCopies answerCopies, Outbox outbox, Offices offices,
                               ApplicationContacts applicationContacts) {
    }

    public MembershipService(Declarations declarations, Members members, CouncilPresence councils,
                             KonwentService konwents, Events events, UnitOfWork unitOfWork, IdSource ids,
                             Clock clock, Throttle submissions, PeopleCopies copies) {
        this.delegations = copies.delegations();
        this.answerCopies = copies.answerCopies();
        this.outbox = copies.outbox();
        this.offices = copies.offices();
        this.applicationContacts = copies.applicationContacts();
        this.declarations = declarations;
        this.members = members;
        this.councils = councils;
        this.konwents = konwents;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
        this.submissions = submissions;
    }

    /**
     * Anyone may declare (M1), within the konwent's declaration window (M3). Submissions from one address are
     * limited, so the register cannot be flooded (OWASP API6); the konwent's DEPARTMENT (entering paper
     * declarations) and ADMIN are not limited.
     */
    public Declaration submit(Optional<Caller> caller, String konwentId, DeclarationInput input, String address) {
        Konwent konwent = konwents.get(konwentId);
        boolean trusted = caller.filter(c -> c.isAdmin() || c.holds(konwent.id(), Role.DEPARTMENT)).isPresent();
        long wait = trusted ? 0 : submissions.waitSeconds(address);
        if (wait > 0) {
            throw new DomainException.TooManyAttempts("Too many declarations from this address; try again in "
                    + wait + " seconds", wait);
        }
        LocalDate today = PolishTime.today(clock);
        if (konwent.declarationDeadline() != null && today.isAfter(konwent.declarationDeadline())) {
            throw new DomainException.RuleViolation("M3", "Declarations to konwent '" + konwentId
                    + "' closed on " + konwent.declarationDeadline());
        }
        FieldErrors errors = new FieldErrors();
        DeclarationContent content = input.validate(errors, today, this::newId);
        errors.throwIfAny();
        if (!trusted) {
            submissions.record(address);
        }
        Declaration declaration = new Declaration(newId(), konwent.id(), content, Declaration.State.SUBMITTED, now(),
                null, null, 1);
        return unitOfWork.inTransaction(() -> {
            declarations.add(declaration);
            return declaration;
        });
    }

    public Page<Declaration> declarations(Optional<Caller> caller, String konwentId, String state, PageRequest page) {
        Konwent konwent = readable(caller, konwentId);
        Access.requireRole(caller, konwent.id(), Role.COUNCIL, Role.DEPARTMENT);
        FieldErrors errors = new FieldErrors();
        Declaration.State filter = errors.parseOptional("state", state,
                () -> Enums.parse(Declaration.State.class, state));
        errors.throwIfAny();
        return declarations.list(konwent.id(), filter, page);
    }

    public Declaration declaration(Optional<Caller> caller, String konwentId, String declarationId) {
        Konwent konwent = readable(caller, konwentId);
        Access.requireRole(caller, konwent.id(), Role.COUNCIL, Role.DEPARTMENT);
        return findDeclaration(konwent, declarationId);
    }

    /**
     * The council accepts or rejects a declaration with a reason (M2); while the konwent has no council in office
     * (before the first, or after a term has lapsed with no successor, C5), the department decides. Accepting
     * makes the member in the same transaction. A declaration is decided once.
     */
    public Declaration decide(Optional<Caller> caller, String konwentId, String declarationId, String outcome,
                              String reason) {
        Konwent konwent = readable(caller, konwentId);
        Caller decider = councils.hasCouncil(konwent.id())
                ? Access.requireRole(caller, konwent.id(), Role.COUNCIL)
                : Access.requireRole(caller, konwent.id(), Role.DEPARTMENT, Role.COUNCIL);
        FieldErrors errors = new FieldErrors();
        Declaration.State decided = errors.parse("outcome", () -> Enums.parse(Declaration.State.class, outcome));
        errors.check(decided != Declaration.State.SUBMITTED, "outcome", "must be ACCEPTED or REJECTED");
        String why = errors.requireText("reason", reason, 2000);
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Declaration declaration = findDeclaration(konwent, declarationId);
            if (declaration.state() != Declaration.State.SUBMITTED) {
                throw new DomainException.Conflict("Declaration '" + declarationId + "' was already "
                        + declaration.state() + " on " + declaration.decision().decidedAt());
            }
            Instant at = now();
            String memberId = null;
            if (decided == Declaration.State.ACCEPTED) {
                DeclarationContent content = declaration.content();
                Member member = new Member(newId(), konwent.id(), content.memberName(), content.kind(),
                        content.contact(), Member.Status.ACTIVE, at, null, null, declaration.id(), 1);
                members.add(member);
                memberId = member.id();
                // public facts only: the representatives' personal data never leaves in an event
                events.publish(new Events.Event(EventType.MEMBER_ACCEPTED.wireName(), konwent.id().value(),
                        member.id(), at, Map.of("memberId", member.id(), "name", member.name(),
                        "kind", member.kind().name())));
            }
            Declaration result = declaration.decided(new Declaration.Decision(decided, why, decider.id(),
                    decider.username(), at), memberId);
            if (!declarations.replace(result, declaration.version())) {
                throw new DomainException.Conflict("Declaration '" + declarationId + "' was decided meanwhile");
            }
            return result;
        });
    }

    /** The register (M5): public, with personal data only for those who need it. */
    public Page<MemberRead> members(Optional<Caller> caller, String konwentId, String kind, String voivodeship,
                                    String town, String status, String nameContains, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        Members.Filter filter = filter(kind, voivodeship, town, status, nameContains);
        Members.ContactsOf contacts = contactsOf(caller, konwent.id());
        return members.list(konwent.id(), filter, page, contacts).map(member -> new MemberRead(member,
                contacts.covers(member.id()) ? View.FULL : View.PUBLIC));
    }

    /**
     * Changes whenever a register page this caller reads could: the konwent's register stamp and whose contacts the
     * caller may see (issue 20: a page's ETag, known from one read without reading the page). Empty when the konwent
     * has no stamp or the id is none; the page itself then says what is wrong.
     */
    public Optional<String> registerVersion(Optional<Caller> caller, String konwentId) {
        KonwentId id;
        try {
            id = new KonwentId(konwentId);
        } catch (InvalidValue e) {
            return Optional.empty();
        }
        OptionalLong stamp = members.registerVersion(id);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        Members.ContactsOf contacts = contactsOf(caller, id);
        return Optional.of(stamp.getAsLong() + "/" + (contacts.everyone() ? "*"
                : String.join(",", new TreeSet<>(contacts.memberIds()))));
    }

    /** The whole register with personal data, for export (M5): DEPARTMENT. */
    public List<Member> export(Optional<Caller> caller, String konwentId, String kind, String voivodeship, String town,
                               String status, String nameContains) {
        Konwent konwent = readable(caller, konwentId);
        Access.requireRole(caller, konwent.id(), Role.DEPARTMENT);
        return members.all(konwent.id(), filter(kind, voivodeship, town, status, nameContains));
    }

    public MemberRead member(Optional<Caller> caller, String konwentId, String memberId) {
        Member member = findMember(konwents.get(konwentId), memberId);
        return new MemberRead(member, viewOf(caller, member));
    }

    /** The member's REPRESENTATIVE keeps its contact data and representatives up to date. */
    public Member updateContact(Optional<Caller> caller, String konwentId, String memberId, ContactInput input,
                                OptionalLong expectedVersion) {
        Konwent konwent = readable(caller, konwentId);
        Access.requireRepresentativeOf(caller, konwent.id(), memberId);
        FieldErrors errors = new FieldErrors();
        Contact contact = input.validate(errors, this::newId);
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Member current = findMember(konwent, memberId);
            List<String> known = current.contact().representatives().stream().map(Representative::id).toList();
            for (int i = 0; i < contact.representatives().size(); i++) {
                String id = contact.representatives().get(i).id();
                boolean named = input.representatives().get(i).id() != null;
                errors.check(!named || known.contains(id), "representatives[" + i + "].id",
                        "names no representative of this member; leave it out for a new person");
            }
            errors.throwIfAny();
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw stale(memberId);
            }
            return replace(current, current.withContact(contact));
        });
    }

    /** A member leaves (M4): its history stays; it no longer counts among the current members. */
    public Member withdraw(Optional<Caller> caller, String konwentId, String memberId, String reason) {
        Konwent konwent = readable(caller, konwentId);
        Caller actor = Access.authenticated(caller);
        if (!actor.represents(konwent.id(), memberId)) {
            Access.requireRole(caller, konwent.id(), Role.DEPARTMENT, Role.COUNCIL);
        }
        FieldErrors errors = new FieldErrors();
        String why = errors.optionalText("reason", reason, 2000);
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Member current = findMember(konwent, memberId);
            if (!current.isActive()) {
                throw new DomainException.Conflict("Member '" + memberId + "' withdrew on " + current.withdrawnAt());
            }
            return replace(current, current.withdrawn(now(), why));
        });
    }

    /**
     * Everything personal kept about a member's people, for them (GDPR access): its REPRESENTATIVE, DEPARTMENT. The
     * member's contacts and representatives, its declaration, and the persons of its delegations to meetings.
     */
    public record PersonalData(Member member, List<Declaration> declarations,
                               List<Delegations.Delegation> delegations) {
    }

    public PersonalData personalData(Optional<Caller> caller, String konwentId, String memberId) {
        Konwent konwent = readable(caller, konwentId);
        requireRepresentativeOrDepartment(caller, konwent, memberId);
        Member member = findMember(konwent, memberId);
        return new PersonalData(member, member.declarationId() == null ? List.of()
                : declarations.find(konwent.id(), member.declarationId()).stream().toList(),
                delegations.ofMember(member.id()));
    }

    /** What an erased person's name becomes where a name must stay (a delegate's place, a declaration's signer). */
    public static final String ERASED_NAME = "[erased]";

    /**
     * Erases a representative's personal data (GDPR) from every place that kept it: the member's contact, its
     * declaration (the representative, and the signer if it was this person), the member's delegations to meetings
     * (the person's name, the delegate's place kept), the member's council seats and election candidacies held
     * through the person (the name; seat, candidacy, approvals and results kept), the signer's name on the
     * member's written authorisations (V4) if it is this person (the authorisation and its ballots kept), the
     * contact of the member's applications to organiser competitions if it is this person, e-mail to the person's
     * address (sent or waiting), and the kept first answers to requests about the member or its declaration. Every
     * result stays as it was: the member, its ballots, the register, the council, elections, delegation and
     * attendance counts, since none of them hold the person's data. The signed authorisation's file, an INTERNAL
     * document, is kept: it is the member's record of the authorisation.
     */
    public Member eraseRepresentative(Optional<Caller> caller, String konwentId, String memberId,
                                      String representativeId) {
        Konwent konwent = readable(caller, konwentId);
        requireRepresentativeOrDepartment(caller, konwent, memberId);
        return unitOfWork.inTransaction(() -> {
            Member current = findMember(konwent, memberId);
            Representative person = current.contact().representatives().stream()
                    .filter(r -> r.id().equals(representativeId)).findFirst()
                    .orElseThrow(() -> new DomainException.NotFound("No representative '" + representativeId
                            + "' of member '" + memberId + "'"));
            Member erased = replace(current, current.withContact(current.contact().without(person.id())));
            List<String> about = new java.util.ArrayList<>(List.of(current.id()));
            if (current.declarationId() != null) {
                about.add(current.declarationId());
                declarations.find(konwent.id(), current.declarationId()).ifPresent(declaration -> {
                    DeclarationContent content = declaration.content();
                    boolean signer = Text.fold(content.signedBy()).equals(Text.fold(person.name()));
                    DeclarationContent scrubbed = new DeclarationContent(content.memberName(), content.kind(),
                            content.contact().without(person.id()), signer ? ERASED_NAME : content.signedBy(),
                            content.signedOn());
                    declarations.replace(declaration.withContent(scrubbed), declaration.version());
                });
            }
            delegations.rename(current.id(), person.name(), ERASED_NAME);
            offices.rename(current.id(), person.name(), ERASED_NAME);
            applicationContacts.forget(current.id(), person.name(), person.email(), ERASED_NAME);
            if (person.email() != null) {
                outbox.forgetRecipient(person.email());
            }
            answerCopies.forgetAbout(about);
            return erased;
        });
    }

    private View viewOf(Optional<Caller> caller, Member member) {
        return contactsOf(caller, member.konwent()).covers(member.id()) ? View.FULL : View.PUBLIC;
    }

    /**
     * Whose personal data a caller may see in a konwent's register: ADMIN, DEPARTMENT and COUNCIL everyone's, a
     * REPRESENTATIVE its own member's, anyone else nobody's. Threat: the public learning members' phones, e-mails
     * and representatives; the register's read asks for no more than this, so nothing else is even read.
     */
    private static Members.ContactsOf contactsOf(Optional<Caller> caller, KonwentId konwent) {
        if (caller.isEmpty()) {
            return Members.ContactsOf.NOBODY;
        }
        Caller known = caller.get();
        if (known.isAdmin() || known.holds(konwent, Role.DEPARTMENT) || known.holds(konwent, Role.COUNCIL)) {
            return Members.ContactsOf.EVERYONE;
        }
        return Members.ContactsOf.only(known.grants().stream()
                .filter(grant -> grant.role() == Role.REPRESENTATIVE && grant.isIn(konwent))
                .map(RoleGrant::memberId).collect(Collectors.toSet()));
    }

    private void requireRepresentativeOrDepartment(Optional<Caller> caller, Konwent konwent, String memberId) {
        Caller actor = Access.authenticated(caller);
        if (!actor.represents(konwent.id(), memberId)) {
            Access.requireRole(caller, konwent.id(), Role.DEPARTMENT);
        }
    }

    /** Authenticates first, so that an anonymous caller learns nothing about which konwents exist. */
    private Konwent readable(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        return konwents.get(konwentId);
    }

    private static Members.Filter filter(String kind, String voivodeship, String town, String status,
                                         String nameContains) {
        FieldErrors errors = new FieldErrors();
        MemberKind validKind = errors.parseOptional("kind", kind, () -> Enums.parse(MemberKind.class, kind));
        Voivodeship region = errors.parseOptional("voivodeship", voivodeship, () -> Voivodeship.ofTeryt(voivodeship));
        Member.Status validStatus = errors.parseOptional("status", status,
                () -> Enums.parse(Member.Status.class, status));
        errors.check(town == null || town.length() <= 100, "town", "must be at most 100 characters");
        errors.check(nameContains == null || nameContains.length() <= 100, "q", "must be at most 100 characters");
        errors.throwIfAny();
        return new Members.Filter(validKind, region, blankToNull(town), validStatus, blankToNull(nameContains));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Declaration findDeclaration(Konwent konwent, String id) {
        return declarations.find(konwent.id(), id)
                .orElseThrow(() -> new DomainException.NotFound("No declaration '" + id + "' in konwent '"
                        + konwent.id() + "'"));
    }

    private Member findMember(Konwent konwent, String id) {
        return members.find(konwent.id(), id)
                .orElseThrow(() -> new DomainException.NotFound("No member '" + id + "' in konwent '"
                        + konwent.id() + "'"));
    }

    private Member replace(Member current, Member revised) {
        if (!members.replace(revised, current.version())) {
            throw stale(current.id());
        }
        return revised;
    }

    private static DomainException.StaleVersion stale(String memberId) {
        return new DomainException.StaleVersion("Member '" + memberId + "' was changed since the version you sent");
    }

    private String newId() {
        return ids.newId().toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
