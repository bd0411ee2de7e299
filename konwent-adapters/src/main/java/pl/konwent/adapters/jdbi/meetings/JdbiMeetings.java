package pl.konwent.adapters.jdbi.meetings;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.adapters.jdbi.JsonColumns;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.meetings.Invitation;
import pl.konwent.domain.meetings.Meeting;
import pl.konwent.domain.meetings.Meetings;
import pl.konwent.domain.meetings.Presence;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.voting.MeetingAttendance;

/**
 * Meetings in table {@code meeting} (agenda as JSON), their invitations and attendance. The sums of registered
 * delegations live on the meeting row and change by one conditional UPDATE, which is what keeps the venue's
 * capacity under concurrent registrations on any number of instances. Also answers the votes' questions about
 * the meeting they are held at.
 */
public final class JdbiMeetings implements Meetings, MeetingAttendance {
    private static final TypeReference<List<Meeting.AgendaItem>> AGENDA = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, konwent_id, title, starts_at, ends_at, venue_name, venue_address, "
            + "online_url, scope, agenda, delegation_limit, capacity, registration_deadline_at, state, invited_at, "
            + "held_at, cancelled_at, cancellation_reason, registered_members, registered_persons, "
            + "registered_in_person, attendance_at, attendance_members, attendance_present, created_at, version";
    private static final RowMapper<Meeting> MAPPER = (rs, ctx) -> {
        Long attendanceAt = millis(rs, "attendance_at");
        Meeting.AttendanceRecord attendance = attendanceAt == null ? null : new Meeting.AttendanceRecord(
                Instant.ofEpochMilli(attendanceAt), rs.getInt("attendance_members"), rs.getInt("attendance_present"));
        int capacity = rs.getInt("capacity");
        Integer maybeCapacity = rs.wasNull() ? null : capacity;
        return new Meeting(rs.getString("id"), new KonwentId(rs.getString("konwent_id")),
                new Meeting.Details(rs.getString("title"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                        new Meeting.Venue(rs.getString("venue_name"), rs.getString("venue_address")),
                        rs.getString("online_url"), rs.getString("scope"),
                        JsonColumns.read(rs.getString("agenda"), AGENDA), rs.getInt("delegation_limit"),
                        maybeCapacity, instant(rs, "registration_deadline_at")),
                Meeting.State.valueOf(rs.getString("state")), instant(rs, "invited_at"), instant(rs, "held_at"),
                instant(rs, "cancelled_at"), rs.getString("cancellation_reason"),
                new Meeting.Registered(rs.getInt("registered_members"), rs.getInt("registered_persons"),
                        rs.getInt("registered_in_person")),
                attendance, instant(rs, "created_at"), rs.getLong("version"));
    };

    private final Jdbi jdbi;

    public JdbiMeetings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Meeting m) {
        PublicStamps.writing(jdbi, m.konwent().value(), PublicStamps.Scope.FEED, handle -> handle
                .createUpdate("INSERT INTO meeting (" + COLUMNS + ") VALUES (:id, :konwent, "
                        + ":title, :startsAt, :endsAt, :venueName, :venueAddress, :onlineUrl, :scope, :agenda, "
                        + ":delegationLimit, :capacity, :deadline, :state, :invitedAt, :heldAt, :cancelledAt, "
                        + ":reason, 0, 0, 0, NULL, NULL, NULL, :createdAt, :version)")
                .bindMap(values(m)).bind("konwent", m.konwent().value())
                .bind("createdAt", m.createdAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<Meeting> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM meeting "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Page<Meeting> list(KonwentId konwent, Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM meeting WHERE konwent_id = :konwent");
        Map<String, Object> binds = new HashMap<>(Map.of("konwent", konwent.value()));
        if (filter.state() != null) {
            sql.append(" AND state = :state");
            binds.put("state", filter.state().name());
        }
        if (filter.from() != null) {
            sql.append(" AND starts_at >= :from");
            binds.put("from", filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            sql.append(" AND starts_at < :to");
            binds.put("to", filter.to().toEpochMilli());
        }
        return NewestFirst.page(jdbi, sql.toString(), binds, "starts_at", page, MAPPER,
                m -> m.details().startsAt().toEpochMilli(), Meeting::id);
    }

    @Override
    public List<Meeting> startingFrom(KonwentId konwent, Instant from) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM meeting "
                        + "WHERE konwent_id = :konwent AND starts_at >= :from ORDER BY starts_at, id")
                .bind("konwent", konwent.value()).bind("from", from.toEpochMilli()).map(MAPPER).list());
    }

    @Override
    public boolean replace(Meeting m, long expectedVersion) {
        Meeting.AttendanceRecord attendance = m.attendance();
        return PublicStamps.writing(jdbi, m.konwent().value(), PublicStamps.Scope.FEED, handle -> handle
                .createUpdate("UPDATE meeting SET title = :title, "
                        + "starts_at = :startsAt, ends_at = :endsAt, venue_name = :venueName, "
                        + "venue_address = :venueAddress, online_url = :onlineUrl, scope = :scope, agenda = :agenda, "
                        + "delegation_limit = :delegationLimit, capacity = :capacity, "
                        + "registration_deadline_at = :deadline, state = :state, invited_at = :invitedAt, "
                        + "held_at = :heldAt, cancelled_at = :cancelledAt, cancellation_reason = :reason, "
                        + "attendance_at = :attendanceAt, attendance_members = :attendanceMembers, "
                        + "attendance_present = :attendancePresent, version = :version "
                        + "WHERE id = :id AND version = :expected")
                .bindMap(values(m))
                .bind("attendanceAt", attendance == null ? null : attendance.recordedAt().toEpochMilli())
                .bind("attendanceMembers", attendance == null ? null : attendance.members())
                .bind("attendancePresent", attendance == null ? null : attendance.present())
                .bind("expected", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public void lock(String meetingId) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE meeting SET version = version WHERE id = :id")
                .bind("id", meetingId).execute());
    }

    @Override
    public boolean register(String meetingId, Meeting.Registered delta) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE meeting SET "
                        + "registered_members = registered_members + :members, "
                        + "registered_persons = registered_persons + :persons, "
                        + "registered_in_person = registered_in_person + :inPerson "
                        + "WHERE id = :id AND (:inPerson <= 0 OR capacity IS NULL "
                        + "OR registered_in_person + :inPerson <= capacity)")
                .bind("members", delta.members()).bind("persons", delta.persons())
                .bind("inPerson", delta.inPerson()).bind("id", meetingId)
                .execute()) == 1;
    }

    @Override
    public int largestDelegation(String meetingId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT persons FROM meeting_registration "
                        + "WHERE meeting_id = :id")
                .bind("id", meetingId).mapTo(String.class)
                .stream().mapToInt(json -> JsonColumns.read(json, List.class).size()).max().orElse(0));
    }

    @Override
    public void addInvitations(List<Invitation> invitations) {
        if (invitations.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO meeting_invitation (meeting_id, member_id, "
                    + "invited_at, recipients) VALUES (:meeting, :member, :at, :recipients)");
            for (Invitation invitation : invitations) {
                batch.bind("meeting", invitation.meetingId()).bind("member", invitation.memberId())
                        .bind("at", invitation.invitedAt().toEpochMilli()).bind("recipients", invitation.recipients())
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public Page<Invitation> invitations(String meetingId, PageRequest page) {
        String after = page.after() == null ? "" : page.after();
        return Page.fromOverfetch(jdbi.withHandle(handle -> handle.createQuery("SELECT i.meeting_id, i.member_id, "
                        + "m.name, i.invited_at, i.recipients FROM meeting_invitation i JOIN member m "
                        + "ON m.id = i.member_id WHERE i.meeting_id = :meeting AND i.member_id > :after "
                        + "ORDER BY i.member_id LIMIT :limit")
                .bind("meeting", meetingId).bind("after", after).bind("limit", page.limit() + 1)
                .map((rs, ctx) -> new Invitation(rs.getString("meeting_id"), rs.getString("member_id"),
                        rs.getString("name"), instant(rs, "invited_at"), rs.getInt("recipients")))
                .list()), page.limit(), Invitation::memberId);
    }

    @Override
    public void replaceAttendance(String meetingId, List<Presence> present) {
        jdbi.useHandle(handle -> {
            handle.createUpdate("DELETE FROM meeting_attendance WHERE meeting_id = :meeting")
                    .bind("meeting", meetingId).execute();
            if (present.isEmpty()) {
                return;
            }
            PreparedBatch batch = handle.prepareBatch("INSERT INTO meeting_attendance (meeting_id, member_id, mode) "
                    + "VALUES (:meeting, :member, :mode)");
            for (Presence presence : present) {
                batch.bind("meeting", meetingId).bind("member", presence.memberId())
                        .bind("mode", presence.mode().name()).add();
            }
            batch.execute();
        });
    }

    @Override
    public List<Presence> attendance(String meetingId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT a.member_id, m.name, a.mode "
                        + "FROM meeting_attendance a JOIN member m ON m.id = a.member_id "
                        + "WHERE a.meeting_id = :meeting ORDER BY m.name, m.id")
                .bind("meeting", meetingId)
                .map((rs, ctx) -> new Presence(rs.getString("member_id"), rs.getString("name"),
                        Presence.Mode.valueOf(rs.getString("mode"))))
                .list());
    }

    @Override
    public Optional<Sitting> sitting(KonwentId konwent, String meetingId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT m.state, (SELECT COUNT(*) FROM meeting_attendance "
                        + "a WHERE a.meeting_id = m.id) AS present FROM meeting m "
                        + "WHERE m.konwent_id = :konwent AND m.id = :id")
                .bind("konwent", konwent.value()).bind("id", meetingId)
                .map((rs, ctx) -> {
                    Meeting.State state = Meeting.State.valueOf(rs.getString("state"));
                    return new Sitting(meetingId, state == Meeting.State.INVITED || state == Meeting.State.HELD,
                            rs.getInt("present"));
                })
                .findOne());
    }

    @Override
    public boolean present(String meetingId, String memberId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT member_id FROM meeting_attendance "
                        + "WHERE meeting_id = :meeting AND member_id = :member")
                .bind("meeting", meetingId).bind("member", memberId).mapTo(String.class).findOne().isPresent());
    }

    private static Map<String, Object> values(Meeting m) {
        Meeting.Details d = m.details();
        Map<String, Object> values = new HashMap<>();
        values.put("id", m.id());
        values.put("title", d.title());
        values.put("startsAt", d.startsAt().toEpochMilli());
        values.put("endsAt", d.endsAt().toEpochMilli());
        values.put("venueName", d.venue().name());
        values.put("venueAddress", d.venue().address());
        values.put("onlineUrl", d.onlineUrl());
        values.put("scope", d.scope());
        values.put("agenda", JsonColumns.write(d.agenda()));
        values.put("delegationLimit", d.delegationLimit());
        values.put("capacity", d.capacity());
        values.put("deadline", d.registrationDeadline() == null ? null : d.registrationDeadline().toEpochMilli());
        values.put("state", m.state().name());
        values.put("invitedAt", m.invitedAt() == null ? null : m.invitedAt().toEpochMilli());
        values.put("heldAt", m.heldAt() == null ? null : m.heldAt().toEpochMilli());
        values.put("cancelledAt", m.cancelledAt() == null ? null : m.cancelledAt().toEpochMilli());
        values.put("reason", m.cancellationReason());
        values.put("version", m.version());
        return values;
    }

    static Long millis(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Long value = millis(rs, column);
        return value == null ? null : Instant.ofEpochMilli(value);
    }
}
