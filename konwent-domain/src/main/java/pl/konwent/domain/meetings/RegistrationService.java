package pl.konwent.domain.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * Delegations to meetings (O3): a member's REPRESENTATIVE (or the secretariat for it) registers who comes, within
 * the meeting's delegation limit and, for those coming in person, the venue's capacity; it may change or withdraw
 * the registration until the registration deadline. Every change locks the meeting first, so concurrent
 * registrations never overfill the venue.
 */
public final class RegistrationService {
    public record DelegateInput(String name, String participation) {
    }

    private final Registrations registrations;
    private final Meetings meetings;
    private final MeetingService meetingService;
    private final Members members;
    private final KonwentService konwents;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RegistrationService(Registrations registrations, Meetings meetings, MeetingService meetingService,
                               Members members, KonwentService konwents, UnitOfWork unitOfWork, Clock clock) {
        this.registrations = registrations;
        this.meetings = meetings;
        this.meetingService = meetingService;
        this.members = members;
        this.konwents = konwents;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Registration register(Optional<Caller> caller, String konwentId, String meetingId, String memberId,
                                 List<DelegateInput> persons) {
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        String member = errors.requireText("memberId", memberId, 64);
        List<Registration.Delegate> delegation = delegates(errors, persons);
        errors.throwIfAny();
        actingFor(caller, konwent, member);
        return unitOfWork.inTransaction(() -> {
            Meeting meeting = openForRegistration(konwent, meetingId);
            Member registered = members.find(konwent.id(), member).filter(Member::isActive).orElseThrow(() ->
                    DomainException.InvalidInput.of("memberId", "is not a current member of this konwent"));
            requireWithinLimit(meeting, delegation);
            if (registrations.find(meetingId, member).isPresent()) {
                throw new DomainException.Conflict("Member '" + member + "' has already registered its delegation "
                        + "to this meeting; change it with PUT on the registration");
            }
            Instant now = now();
            Registration registration = new Registration(meetingId, member, registered.name(), delegation, now, now,
                    1);
            reserve(meeting, registration.counted());
            registrations.add(registration);
            return registration;
        });
    }

    public Registration change(Optional<Caller> caller, String konwentId, String meetingId, String memberId,
                               List<DelegateInput> persons, OptionalLong expectedVersion) {
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        List<Registration.Delegate> delegation = delegates(errors, persons);
        errors.throwIfAny();
        actingFor(caller, konwent, memberId);
        return unitOfWork.inTransaction(() -> {
            Meeting meeting = openForRegistration(konwent, meetingId);
            Registration current = find(meetingId, memberId);
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new DomainException.StaleVersion("The registration was changed since the version you sent");
            }
            requireWithinLimit(meeting, delegation);
            Registration changed = current.changed(delegation, now());
            reserve(meeting, difference(changed.counted(), current.counted()));
            if (!registrations.replace(changed, current.version())) {
                throw new DomainException.Conflict("The registration was changed meanwhile; try again");
            }
            return changed;
        });
    }

    public void withdraw(Optional<Caller> caller, String konwentId, String meetingId, String memberId) {
        Konwent konwent = konwents.get(konwentId);
        actingFor(caller, konwent, memberId);
        unitOfWork.inTransaction(() -> {
            Meeting meeting = openForRegistration(konwent, meetingId);
            Registration current = find(meetingId, memberId);
            Meeting.Registered counted = current.counted();
            meetings.register(meeting.id(), new Meeting.Registered(-counted.members(), -counted.persons(),
                    -counted.inPerson()));
            registrations.remove(meetingId, memberId);
            return null;
        });
    }

    /** The organiser, the department and the council see every delegation. */
    public Page<Registration> list(Optional<Caller> caller, String konwentId, String meetingId, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.SECRETARIAT, Role.DEPARTMENT, Role.COUNCIL);
        Meeting meeting = meetingService.find(konwent, meetingId);
        return registrations.list(meeting.id(), page);
    }

    /** A delegation, for the organiser, the department, the council, or the member's own REPRESENTATIVE. */
    public Registration get(Optional<Caller> caller, String konwentId, String meetingId, String memberId) {
        Konwent konwent = konwents.get(konwentId);
        Access.authenticated(caller);
        if (!Access.holdsAny(caller, konwent.id(), Role.SECRETARIAT, Role.DEPARTMENT, Role.COUNCIL)) {
            Access.requireRepresentativeOf(caller, konwent.id(), memberId);
        }
        meetingService.find(konwent, meetingId);
        return find(meetingId, memberId);
    }

    private Meeting openForRegistration(Konwent konwent, String meetingId) {
        meetings.lock(meetingId);
        Meeting meeting = meetingService.find(konwent, meetingId);
        if (meeting.state() != Meeting.State.INVITED) {
            throw new DomainException.Conflict("Meeting '" + meetingId + "' is " + meeting.state()
                    + "; delegations are registered once the members are invited");
        }
        Instant closes = meeting.details().registrationClosesAt();
        if (!clock.instant().isBefore(closes)) {
            throw new DomainException.Conflict("Registration for meeting '" + meetingId + "' closed at " + closes);
        }
        return meeting;
    }

    /** O3: the organiser's limit on persons per delegation. */
    private static void requireWithinLimit(Meeting meeting, List<Registration.Delegate> delegation) {
        int limit = meeting.details().delegationLimit();
        if (delegation.size() > limit) {
            throw new DomainException.RuleViolation("O3", "A delegation to this meeting may have at most " + limit
                    + (limit == 1 ? " person" : " persons") + "; " + delegation.size() + " were named");
        }
    }

    private void reserve(Meeting meeting, Meeting.Registered delta) {
        if (!meetings.register(meeting.id(), delta)) {
            Integer capacity = meeting.details().capacity();
            throw new DomainException.Conflict("The venue holds " + capacity + " persons and "
                    + meeting.registered().inPerson() + " are registered to come in person; "
                    + "register fewer persons in person or follow the meeting online");
        }
    }

    private static Meeting.Registered difference(Meeting.Registered after, Meeting.Registered before) {
        return new Meeting.Registered(after.members() - before.members(), after.persons() - before.persons(),
                after.inPerson() - before.inPerson());
    }

    private static void actingFor(Optional<Caller> caller, Konwent konwent, String memberId) {
        Access.authenticated(caller);
        if (!Access.holdsAny(caller, konwent.id(), Role.SECRETARIAT)) {
            Access.requireRepresentativeOf(caller, konwent.id(), memberId);
        }
    }

    private static List<Registration.Delegate> delegates(FieldErrors errors, List<DelegateInput> persons) {
        errors.check(persons != null && !persons.isEmpty(), "persons", "is required: at least one person");
        List<Registration.Delegate> valid = new ArrayList<>();
        List<DelegateInput> given = persons == null ? List.of() : persons;
        for (int i = 0; i < given.size(); i++) {
            DelegateInput person = given.get(i);
            String field = "persons[" + i + "]";
            if (person == null) {
                errors.check(false, field, "is required");
                continue;
            }
            String name = errors.requireText(field + ".name", person.name(), 200);
            Presence.Mode mode = person.participation() == null ? Presence.Mode.IN_PERSON
                    : errors.parse(field + ".participation",
                            () -> Enums.parse(Presence.Mode.class, person.participation()));
            valid.add(new Registration.Delegate(name, mode));
        }
        return valid;
    }

    private Registration find(String meetingId, String memberId) {
        return registrations.find(meetingId, memberId).orElseThrow(() -> new DomainException.NotFound(
                "Member '" + memberId + "' has no registration to meeting '" + meetingId + "'"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
