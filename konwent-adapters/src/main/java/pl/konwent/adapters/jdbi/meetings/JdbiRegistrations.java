package pl.konwent.adapters.jdbi.meetings;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.JsonColumns;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.meetings.Registration;
import pl.konwent.domain.meetings.Registrations;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Delegations in {@code meeting_registration}: the key (meeting, member) allows one per member and meeting. */
public final class JdbiRegistrations implements Registrations {
    private static final TypeReference<List<Registration.Delegate>> PERSONS = new TypeReference<>() {
    };
    /** The member id serves as the row's id for paging, which orders by (registered_at, id). */
    private static final String SELECT = "SELECT * FROM (SELECT r.meeting_id, r.member_id AS id, m.name, r.persons, "
            + "r.registered_at, r.updated_at, r.version FROM meeting_registration r JOIN member m ON m.id = r.member_id"
            + ") reg WHERE meeting_id = :meeting";
    private static final RowMapper<Registration> MAPPER = (rs, ctx) -> new Registration(rs.getString("meeting_id"),
            rs.getString("id"), rs.getString("name"), JsonColumns.read(rs.getString("persons"), PERSONS),
            JdbiMeetings.instant(rs, "registered_at"), JdbiMeetings.instant(rs, "updated_at"), rs.getLong("version"));

    private final Jdbi jdbi;

    public JdbiRegistrations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Registration r) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO "
                        + "meeting_registration (meeting_id, member_id, persons, registered_at, updated_at, version) "
                        + "VALUES (:meeting, :member, :persons, :registeredAt, :updatedAt, :version)")
                .bind("meeting", r.meetingId()).bind("member", r.memberId())
                .bind("persons", JsonColumns.write(r.persons()))
                .bind("registeredAt", r.registeredAt().toEpochMilli()).bind("updatedAt", r.updatedAt().toEpochMilli())
                .bind("version", r.version())
                .execute()), "Member '" + r.memberId() + "' has already registered its delegation to this meeting");
    }

    @Override
    public Optional<Registration> find(String meetingId, String memberId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " AND id = :member")
                .bind("meeting", meetingId).bind("member", memberId).map(MAPPER).findOne());
    }

    @Override
    public Page<Registration> list(String meetingId, PageRequest page) {
        return NewestFirst.page(jdbi, SELECT, Map.of("meeting", meetingId), "registered_at", page, MAPPER,
                r -> r.registeredAt().toEpochMilli(), Registration::memberId);
    }

    @Override
    public boolean replace(Registration r, long expectedVersion) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE meeting_registration SET persons = :persons, "
                        + "updated_at = :updatedAt, version = :version "
                        + "WHERE meeting_id = :meeting AND member_id = :member AND version = :expected")
                .bind("persons", JsonColumns.write(r.persons())).bind("updatedAt", r.updatedAt().toEpochMilli())
                .bind("version", r.version()).bind("meeting", r.meetingId()).bind("member", r.memberId())
                .bind("expected", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public boolean remove(String meetingId, String memberId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM meeting_registration "
                        + "WHERE meeting_id = :meeting AND member_id = :member")
                .bind("meeting", meetingId).bind("member", memberId)
                .execute()) == 1;
    }
}
