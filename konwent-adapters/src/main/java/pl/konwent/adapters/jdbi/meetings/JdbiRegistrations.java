package pl.konwent.adapters.jdbi.meetings;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
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
import pl.konwent.domain.membership.Delegations;
import pl.konwent.domain.shared.Text;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * Delegations in {@code meeting_registration}: the key (meeting, member) allows one per member and meeting. Also
 * membership's view of them: a member's delegations across meetings, for its personal-data export and erasure.
 */
public final class JdbiRegistrations implements Registrations, Delegations {
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

    @Override
    public List<Delegation> ofMember(String memberId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT meeting_id, persons, registered_at "
                        + "FROM meeting_registration WHERE member_id = :member ORDER BY registered_at, meeting_id")
                .bind("member", memberId)
                .map((rs, ctx) -> new Delegation(rs.getString("meeting_id"),
                        JsonColumns.read(rs.getString("persons"), PERSONS).stream()
                                .map(p -> new Delegate(p.name(), p.participation().name())).toList(),
                        Instant.ofEpochMilli(rs.getLong("registered_at"))))
                .list());
    }

    @Override
    public void rename(String memberId, String name, String replacement) {
        String folded = Text.fold(name);
        jdbi.useHandle(handle -> {
            List<Map.Entry<String, String>> rows = handle.createQuery("SELECT meeting_id, persons "
                            + "FROM meeting_registration WHERE member_id = :member").bind("member", memberId)
                    .map((rs, ctx) -> Map.entry(rs.getString("meeting_id"), rs.getString("persons"))).list();
            for (Map.Entry<String, String> row : rows) {
                List<Registration.Delegate> persons = JsonColumns.read(row.getValue(), PERSONS);
                if (persons.stream().noneMatch(p -> Text.fold(p.name()).equals(folded))) {
                    continue;
                }
                List<Registration.Delegate> renamed = persons.stream()
                        .map(p -> Text.fold(p.name()).equals(folded)
                                ? new Registration.Delegate(replacement, p.participation()) : p)
                        .toList();
                handle.createUpdate("UPDATE meeting_registration SET persons = :persons, version = version + 1 "
                                + "WHERE meeting_id = :meeting AND member_id = :member")
                        .bind("persons", JsonColumns.write(renamed)).bind("meeting", row.getKey())
                        .bind("member", memberId)
                        .execute();
            }
        });
    }
}
