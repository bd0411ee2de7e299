package pl.konwent.adapters.web.meetings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import pl.konwent.domain.meetings.Attendance;
import pl.konwent.domain.meetings.Invitation;
import pl.konwent.domain.meetings.Meeting;
import pl.konwent.domain.meetings.MeetingInput;
import pl.konwent.domain.meetings.MeetingService;
import pl.konwent.domain.meetings.Registration;
import pl.konwent.domain.meetings.RegistrationService;
import pl.konwent.domain.shared.PolishTime;

/** Meetings, their registrations, invitations and attendance as the API shows and takes them. */
public final class MeetingViews {
    private MeetingViews() {
    }

    /** A meeting's own times are shown in Poland's time zone, with its offset. */
    static OffsetDateTime warsaw(Instant at) {
        return at == null ? null : at.atZone(PolishTime.ZONE).toOffsetDateTime();
    }

    public record MeetingRequest(String title, String startsAt, String endsAt, VenueView venue, String onlineUrl,
                                 String scope, List<AgendaItemView> agenda, Integer delegationLimit, Integer capacity,
                                 String registrationDeadline) {
        MeetingInput toInput() {
            return new MeetingInput(title, startsAt, endsAt,
                    venue == null ? null : new MeetingInput.VenueInput(venue.name(), venue.address()), onlineUrl,
                    scope, agenda == null ? null : agenda.stream().map(item -> item == null ? null
                            : new MeetingInput.AgendaInput(item.title(), item.description())).toList(),
                    delegationLimit, capacity, registrationDeadline);
        }
    }

    public record VenueView(String name, String address) {
    }

    public record AgendaItemView(String title, String description) {
    }

    public record RegisteredView(int members, int persons, int inPerson, Integer placesLeft) {
    }

    public record MeetingView(String id, String konwentId, String title, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, VenueView venue, String onlineUrl, boolean hybrid, String scope,
                              List<AgendaItemView> agenda, int delegationLimit, Integer capacity,
                              OffsetDateTime registrationDeadline, OffsetDateTime registrationClosesAt,
                              String state, Instant invitedAt, Instant heldAt,
                              Instant cancelledAt, String cancellationReason, RegisteredView registered,
                              Instant createdAt) {
        static MeetingView of(Meeting m) {
            Meeting.Details d = m.details();
            Meeting.Registered r = m.registered();
            return new MeetingView(m.id(), m.konwent().value(), d.title(), warsaw(d.startsAt()), warsaw(d.endsAt()),
                    new VenueView(d.venue().name(), d.venue().address()), d.onlineUrl(), m.isHybrid(), d.scope(),
                    d.agenda().stream().map(i -> new AgendaItemView(i.title(), i.description())).toList(),
                    d.delegationLimit(), d.capacity(), warsaw(d.registrationDeadline()),
                    warsaw(d.registrationClosesAt()), m.state().name(),
                    m.invitedAt(), m.heldAt(), m.cancelledAt(), m.cancellationReason(),
                    new RegisteredView(r.members(), r.persons(), r.inPerson(),
                            d.capacity() == null ? null : Math.max(0, d.capacity() - r.inPerson())),
                    m.createdAt());
        }
    }

    public record CancellationRequest(String reason) {
    }

    public record InvitationView(String memberId, String memberName, Instant invitedAt, int recipients) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.memberId(), i.memberName(), i.invitedAt(), i.recipients());
        }
    }

    public record PresenceView(String memberId, String memberName, String mode) {
    }

    public record AttendanceRequest(List<PresenceView> present) {
        List<MeetingService.PresenceInput> toInput() {
            return present == null ? null : present.stream().map(p -> p == null ? null
                    : new MeetingService.PresenceInput(p.memberId(), p.mode())).toList();
        }
    }

    public record QuorumView(java.math.BigDecimal fraction, int members, long required, int present,
                             boolean reached) {
    }

    public record AttendanceView(String meetingId, String meetingState, Instant recordedAt,
                                 List<PresenceView> present, QuorumView quorum) {
        static AttendanceView of(Attendance a) {
            Meeting m = a.meeting();
            return new AttendanceView(m.id(), m.state().name(),
                    m.attendance() == null ? null : m.attendance().recordedAt(),
                    a.present().stream().map(p -> new PresenceView(p.memberId(), p.memberName(), p.mode().name()))
                            .toList(),
                    new QuorumView(a.quorum().fraction(), a.members(), a.required(), a.present().size(),
                            a.quorumReached()));
        }
    }

    public record DelegateView(String name, String participation) {
    }

    public record RegistrationRequest(String memberId, List<DelegateView> persons) {
        List<RegistrationService.DelegateInput> delegates() {
            return persons == null ? null : persons.stream().map(p -> p == null ? null
                    : new RegistrationService.DelegateInput(p.name(), p.participation())).toList();
        }
    }

    public record RegistrationView(String meetingId, String memberId, String memberName, List<DelegateView> persons,
                                   Instant registeredAt, Instant updatedAt) {
        static RegistrationView of(Registration r) {
            return new RegistrationView(r.meetingId(), r.memberId(), r.memberName(), r.persons().stream()
                    .map(p -> new DelegateView(p.name(), p.participation().name())).toList(),
                    r.registeredAt(), r.updatedAt());
        }
    }
}
