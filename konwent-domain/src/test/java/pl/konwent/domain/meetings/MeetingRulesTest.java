package pl.konwent.domain.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.FieldError;
import pl.konwent.domain.shared.FieldErrors;
import pl.konwent.domain.voting.Quorum;

/** O2–O4 as plain rules: what a meeting must say, and when its attendance makes the charter's quorum. */
class MeetingRulesTest {
    private static final MeetingInput VALID = new MeetingInput("Posiedzenie", "2027-03-10T10:00:00+01:00",
            "2027-03-10T16:00:00+01:00", new MeetingInput.VenueInput("Sala", null), null, "Ekonomia społeczna",
            List.of(new MeetingInput.AgendaInput("Otwarcie", null)), 3, null, null);

    @Test
    void O2_aMeetingTakesItsTimesWithTheirOffsetAndClosesRegistrationAtItsStartByDefault() {
        Meeting.Details details = VALID.validate(new FieldErrors());

        assertThat(details.startsAt()).isEqualTo(Instant.parse("2027-03-10T09:00:00Z"));
        assertThat(details.registrationClosesAt()).isEqualTo(details.startsAt());
        assertThat(details.onlineUrl()).isNull();
    }

    @Test
    void O3_theDelegationLimitIsRequiredAndBetweenOneAndTen() {
        assertThat(fields(withLimit(null))).containsExactly("delegationLimit");
        assertThat(fields(withLimit(0))).containsExactly("delegationLimit");
        assertThat(fields(withLimit(11))).containsExactly("delegationLimit");
        assertThat(withLimit(1).validate(new FieldErrors()).delegationLimit()).isEqualTo(1);
    }

    @Test
    void everyMissingOrInconsistentFieldIsReportedAtOnce() {
        MeetingInput bad = new MeetingInput(" ", "2027-03-10T10:00:00+01:00", "2027-03-10T09:00:00+01:00", null,
                "ftp://example.pl/stream", null, null, 2, 0, "2027-03-11T10:00:00+01:00");

        assertThat(fields(bad)).containsExactlyInAnyOrder("title", "endsAt", "venue", "onlineUrl", "scope",
                "capacity", "registrationDeadline");
    }

    @Test
    void aTimeWithoutItsOffsetIsRefused() {
        MeetingInput local = new MeetingInput("Posiedzenie", "2027-03-10T10:00:00", "2027-03-10T16:00:00+01:00",
                new MeetingInput.VenueInput("Sala", null), null, "Zakres", null, 2, null, null);

        assertThat(fields(local)).containsExactly("startsAt");
    }

    @Test
    void O4_theQuorumIsHalfOfTheMembersWhenAttendanceWasRecordedRoundedUp() {
        assertThat(attendance(9, 5).required()).isEqualTo(5);
        assertThat(attendance(9, 5).quorumReached()).isTrue();
        assertThat(attendance(9, 4).quorumReached()).isFalse();
        assertThat(attendance(8, 4).quorumReached()).isTrue();
        Attendance twoThirds = new Attendance(meeting(9), presences(5), new Quorum(new BigDecimal("0.667")));
        assertThat(twoThirds.required()).isEqualTo(7);
        assertThat(twoThirds.quorumReached()).isFalse();
    }

    @Test
    void O4_beforeAttendanceIsRecordedThereIsNoQuorum() {
        Meeting notRecorded = meeting(9).withAttendance(null);

        assertThat(new Attendance(notRecorded, List.of(), Quorum.HALF).quorumReached()).isFalse();
    }

    private static Attendance attendance(int members, int present) {
        return new Attendance(meeting(members), presences(present), Quorum.HALF);
    }

    private static List<Presence> presences(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Presence("m" + i, "Członek " + i,
                i % 2 == 0 ? Presence.Mode.IN_PERSON : Presence.Mode.ONLINE)).toList();
    }

    private static Meeting meeting(int members) {
        Meeting.Details details = VALID.validate(new FieldErrors());
        Instant at = Instant.parse("2027-03-10T10:00:00Z");
        return new Meeting("s1", new KonwentId("krajowy"), details, Meeting.State.INVITED, at, null, null, null,
                Meeting.Registered.NONE, new Meeting.AttendanceRecord(at, members, 0), at, 3);
    }

    private static MeetingInput withLimit(Integer limit) {
        return new MeetingInput(VALID.title(), VALID.startsAt(), VALID.endsAt(), VALID.venue(), VALID.onlineUrl(),
                VALID.scope(), VALID.agenda(), limit, VALID.capacity(), VALID.registrationDeadline());
    }

    private static List<String> fields(MeetingInput input) {
        FieldErrors errors = new FieldErrors();
        assertThat(input.validate(errors)).isNull();
        assertThatThrownBy(errors::throwIfAny).isInstanceOf(DomainException.InvalidInput.class);
        try {
            errors.throwIfAny();
            return List.of();
        } catch (DomainException.InvalidInput e) {
            return e.errors().stream().map(FieldError::field).distinct().toList();
        }
    }
}
