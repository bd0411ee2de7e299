package pl.konwent.domain.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.integration.EventType;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.Members;
import pl.konwent.domain.membership.Representative;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Enums;
import pl.konwent.domain.shared.Events;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Mail;
import pl.konwent.domain.shared.Outbox;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.PolishTime;
import pl.konwent.domain.shared.Times;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * Meetings (O2–O4): the organiser's secretariat plans them, invites every current member, records who came and
 * that the meeting was held, or cancels it. Anyone may read meetings and attendance (organisations, not persons).
 */
public final class MeetingService {
    /** A member present, as the secretariat records it. */
    public record PresenceInput(String memberId, String mode) {
    }

    /** The calendar of a konwent: its name and its meetings from a year back on. */
    public record Calendar(Konwent konwent, List<Meeting> meetings) {
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, 'godz.' HH:mm",
            Locale.forLanguageTag("pl-PL")).withZone(PolishTime.ZONE);

    private final Meetings meetings;
    private final Members members;
    private final KonwentService konwents;
    private final Outbox outbox;
    private final Events events;
    private final UnitOfWork unitOfWork;
    private final IdSource ids;
    private final Clock clock;

    public MeetingService(Meetings meetings, Members members, KonwentService konwents, Outbox outbox, Events events,
                          UnitOfWork unitOfWork, IdSource ids, Clock clock) {
        this.meetings = meetings;
        this.members = members;
        this.konwents = konwents;
        this.outbox = outbox;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** O2, O3: the secretariat plans a meeting: when, where, online link, scope, agenda and delegation limit. */
    public Meeting create(Optional<Caller> caller, String konwentId, MeetingInput input) {
        Konwent konwent = secretariatOf(caller, konwentId);
        Meeting.Details details = validate(input);
        Meeting meeting = new Meeting(ids.newId().toString(), konwent.id(), details, Meeting.State.PLANNED, null,
                null, null, null, Meeting.Registered.NONE, null, now(), 1);
        return unitOfWork.inTransaction(() -> {
            meetings.add(meeting);
            return meeting;
        });
    }

    public Page<Meeting> list(String konwentId, String state, String from, String to, PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        FieldErrors errors = new FieldErrors();
        Meeting.State filter = errors.parseOptional("state", state, () -> Enums.parse(Meeting.State.class, state));
        Instant after = Times.instant(errors, "from", from, false);
        Instant before = Times.instant(errors, "to", to, false);
        errors.throwIfAny();
        return meetings.list(konwent.id(), new Meetings.Filter(filter, after, before), page);
    }

    public Meeting get(String konwentId, String meetingId) {
        return find(konwents.get(konwentId), meetingId);
    }

    /**
     * The organiser may change a meeting until it is held or cancelled, but not below what is already registered:
     * a smaller delegation limit than a registered delegation, or fewer places than persons coming in person.
     */
    public Meeting revise(Optional<Caller> caller, String konwentId, String meetingId, MeetingInput input,
                          OptionalLong expectedVersion) {
        Konwent konwent = secretariatOf(caller, konwentId);
        Meeting.Details details = validate(input);
        return unitOfWork.inTransaction(() -> {
            meetings.lock(meetingId);
            Meeting current = find(konwent, meetingId);
            requireVersion(current, expectedVersion);
            requireState(current, "changed", Meeting.State.PLANNED, Meeting.State.INVITED);
            int largest = current.registered().members() == 0 ? 0 : largestDelegation(current);
            if (details.delegationLimit() < largest) {
                throw new DomainException.Conflict("A delegation of " + largest + " persons is registered; the "
                        + "limit cannot go below it (O3)");
            }
            if (details.capacity() != null && details.capacity() < current.registered().inPerson()) {
                throw new DomainException.Conflict(current.registered().inPerson() + " persons are registered to "
                        + "come in person; the capacity cannot go below it");
            }
            Meeting revised = current.revised(details);
            replace(revised, current);
            return revised;
        });
    }

    /**
     * O2: inviting records an invitation for every current member and e-mails it to the member and its people;
     * integrators get {@code meeting.invited}.
     */
    public Meeting invite(Optional<Caller> caller, String konwentId, String meetingId) {
        Konwent konwent = secretariatOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Meeting current = find(konwent, meetingId);
            requireState(current, "invited to", Meeting.State.PLANNED);
            Instant now = now();
            Meeting invited = current.invited(now);
            replace(invited, current);
            List<Invitation> invitations = new ArrayList<>();
            List<Mail> mails = new ArrayList<>();
            for (Member member : currentMembers(konwent)) {
                Set<String> addresses = addressesOf(member);
                invitations.add(new Invitation(meetingId, member.id(), member.name(), now, addresses.size()));
                for (String address : addresses) {
                    mails.add(new Mail(address, "Zaproszenie: " + invited.details().title() + " – "
                            + WHEN.format(invited.details().startsAt()), invitationText(konwent, invited, member)));
                }
            }
            meetings.addInvitations(invitations);
            outbox.enqueue(mails);
            Meeting.Details details = invited.details();
            events.publish(new Events.Event(EventType.MEETING_INVITED.wireName(), konwent.id().value(), meetingId,
                    now, Map.of("meetingId", meetingId, "title", details.title(),
                    "startsAt", details.startsAt().atZone(PolishTime.ZONE).toOffsetDateTime().toString(),
                    "venueName", details.venue().name())));
            return invited;
        });
    }

    public Page<Invitation> invitations(Optional<Caller> caller, String konwentId, String meetingId,
                                        PageRequest page) {
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.SECRETARIAT, Role.DEPARTMENT);
        Meeting meeting = find(konwent, meetingId);
        return meetings.invitations(meeting.id(), page);
    }

    /** A meeting that has not taken place can be cancelled; the members invited to it are told why. */
    public Meeting cancel(Optional<Caller> caller, String konwentId, String meetingId, String reason) {
        Konwent konwent = secretariatOf(caller, konwentId);
        FieldErrors errors = new FieldErrors();
        String why = errors.requireText("reason", reason, 2000);
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Meeting current = find(konwent, meetingId);
            requireState(current, "cancelled", Meeting.State.PLANNED, Meeting.State.INVITED);
            Meeting cancelled = current.cancelled(now(), why);
            replace(cancelled, current);
            if (current.state() == Meeting.State.INVITED) {
                List<Mail> mails = new ArrayList<>();
                for (Member member : currentMembers(konwent)) {
                    for (String address : addressesOf(member)) {
                        mails.add(new Mail(address, "Odwołane: " + current.details().title() + " – "
                                + WHEN.format(current.details().startsAt()), "Posiedzenie „"
                                + current.details().title() + "” zostało odwołane.\n\nPowód: " + why + "\n"));
                    }
                }
                outbox.enqueue(mails);
            }
            return cancelled;
        });
    }

    /** The secretariat records that an invited meeting took place; not before it has begun. */
    public Meeting complete(Optional<Caller> caller, String konwentId, String meetingId) {
        Konwent konwent = secretariatOf(caller, konwentId);
        return unitOfWork.inTransaction(() -> {
            Meeting current = find(konwent, meetingId);
            requireState(current, "recorded as held", Meeting.State.INVITED);
            Instant now = now();
            if (now.isBefore(current.details().startsAt())) {
                throw new DomainException.Conflict("Meeting '" + meetingId + "' begins at "
                        + current.details().startsAt() + "; it cannot be recorded as held before then");
            }
            Meeting held = current.held(now);
            replace(held, current);
            return held;
        });
    }

    /**
     * O4: the secretariat records which members are present, in person or online, from the meeting's day on,
     * replacing what was recorded before. Only current members can be present; each once.
     */
    public Attendance recordAttendance(Optional<Caller> caller, String konwentId, String meetingId,
                                       List<PresenceInput> present, OptionalLong expectedVersion) {
        Konwent konwent = secretariatOf(caller, konwentId);
        FieldErrors errors = new FieldErrors();
        errors.check(present != null, "present", "is required (an empty list when nobody came)");
        List<Presence> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<PresenceInput> given = present == null ? List.of() : present;
        for (int i = 0; i < given.size(); i++) {
            PresenceInput entry = given.get(i);
            String field = "present[" + i + "]";
            if (entry == null) {
                errors.check(false, field, "is required");
                continue;
            }
            String memberId = errors.requireText(field + ".memberId", entry.memberId(), 64);
            Presence.Mode mode = errors.parse(field + ".mode", () -> Enums.parse(Presence.Mode.class, entry.mode()));
            if (memberId == null) {
                continue;
            }
            errors.check(seen.add(memberId), field + ".memberId", "is listed more than once");
            Optional<Member> member = members.find(konwent.id(), memberId).filter(Member::isActive);
            errors.check(member.isPresent(), field + ".memberId", "is not a current member of this konwent");
            if (member.isPresent() && mode != null) {
                valid.add(new Presence(memberId, member.get().name(), mode));
            }
        }
        errors.throwIfAny();
        return unitOfWork.inTransaction(() -> {
            Meeting current = find(konwent, meetingId);
            requireVersion(current, expectedVersion);
            requireState(current, "given an attendance", Meeting.State.INVITED, Meeting.State.HELD);
            LocalDate day = current.details().startsAt().atZone(PolishTime.ZONE).toLocalDate();
            if (PolishTime.today(clock).isBefore(day)) {
                throw new DomainException.Conflict("Meeting '" + meetingId + "' takes place on " + day
                        + "; attendance is recorded from that day on");
            }
            Meeting recorded = current.withAttendance(new Meeting.AttendanceRecord(now(),
                    members.countActive(konwent.id()), valid.size()));
            replace(recorded, current);
            meetings.replaceAttendance(meetingId, valid);
            return new Attendance(recorded, meetings.attendance(meetingId), konwent.charter().defaultQuorum());
        });
    }

    public Attendance attendance(String konwentId, String meetingId) {
        Konwent konwent = konwents.get(konwentId);
        Meeting meeting = find(konwent, meetingId);
        return new Attendance(meeting, meetings.attendance(meeting.id()), konwent.charter().defaultQuorum());
    }

    /** The meetings a calendar subscription shows: from a year ago on. */
    public Calendar calendar(String konwentId) {
        Konwent konwent = konwents.get(konwentId);
        return new Calendar(konwent, meetings.startingFrom(konwent.id(), now().minus(366, ChronoUnit.DAYS)));
    }

    /** The meeting, for the other meeting use cases (registrations, communiqué). */
    Meeting find(Konwent konwent, String meetingId) {
        return meetings.find(konwent.id(), meetingId).orElseThrow(() -> new DomainException.NotFound("No meeting '"
                + meetingId + "' in konwent '" + konwent.id() + "'"));
    }

    /** The addresses a member is reached at: its own e-mail and its representatives', each once. */
    static Set<String> addressesOf(Member member) {
        return member.mailAddresses();
    }

    static void requireState(Meeting meeting, String what, Meeting.State... allowed) {
        for (Meeting.State state : allowed) {
            if (meeting.state() == state) {
                return;
            }
        }
        throw new DomainException.Conflict("Meeting '" + meeting.id() + "' is " + meeting.state()
                + " and cannot be " + what);
    }

    static void requireVersion(Meeting meeting, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != meeting.version()) {
            throw new DomainException.StaleVersion("Meeting '" + meeting.id() + "' was changed since the version "
                    + "you sent");
        }
    }

    private int largestDelegation(Meeting meeting) {
        return meetings.largestDelegation(meeting.id());
    }

    private List<Member> currentMembers(Konwent konwent) {
        return members.all(konwent.id(), new Members.Filter(null, null, null, Member.Status.ACTIVE, null));
    }

    private void replace(Meeting revised, Meeting current) {
        if (!meetings.replace(revised, current.version())) {
            throw new DomainException.Conflict("Meeting '" + current.id() + "' was changed meanwhile; try again");
        }
    }

    private static String invitationText(Konwent konwent, Meeting meeting, Member member) {
        Meeting.Details d = meeting.details();
        StringBuilder text = new StringBuilder();
        text.append("Szanowni Państwo,\n\nw imieniu organizatora zapraszamy ").append(member.name())
                .append(" na posiedzenie: ").append(konwent.name()).append(".\n\n")
                .append(d.title()).append("\nTermin: ").append(WHEN.format(d.startsAt())).append(" – ")
                .append(WHEN.format(d.endsAt())).append("\nMiejsce: ").append(d.venue().name());
        if (d.venue().address() != null) {
            text.append(", ").append(d.venue().address());
        }
        if (d.onlineUrl() != null) {
            text.append("\nTransmisja online: ").append(d.onlineUrl());
        }
        text.append("\n\nZakres tematyczny:\n").append(d.scope()).append('\n');
        if (!d.agenda().isEmpty()) {
            text.append("\nPorządek obrad:\n");
            for (int i = 0; i < d.agenda().size(); i++) {
                text.append(i + 1).append(". ").append(d.agenda().get(i).title()).append('\n');
            }
        }
        text.append("\nDelegacja członka może liczyć do ").append(d.delegationLimit()).append(" osób. ")
                .append("Zgłoszenia przyjmujemy do ").append(WHEN.format(d.registrationClosesAt())).append(".\n");
        return text.toString();
    }

    private Konwent secretariatOf(Optional<Caller> caller, String konwentId) {
        Access.authenticated(caller);
        Konwent konwent = konwents.get(konwentId);
        Access.requireRole(caller, konwent.id(), Role.SECRETARIAT);
        return konwent;
    }

    private static Meeting.Details validate(MeetingInput input) {
        FieldErrors errors = new FieldErrors();
        Meeting.Details details = input.validate(errors);
        errors.throwIfAny();
        return details;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
