package pl.konwent.adapters.jdbi.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.domain.calendar.CalendarTask;
import pl.konwent.domain.calendar.CalendarTasks;
import pl.konwent.domain.konwent.KonwentId;

/** The tasks of the konwents' calendars in {@code calendar_task}. */
public final class JdbiCalendarTasks implements CalendarTasks {
    private static final String COLUMNS = "id, konwent_id, title, description, due_on, visibility, created_by, "
            + "created_at, completed_at, version";
    private static final RowMapper<CalendarTask> MAPPER = (rs, ctx) -> new CalendarTask(rs.getString("id"),
            new KonwentId(rs.getString("konwent_id")), rs.getString("title"), rs.getString("description"),
            rs.getObject("due_on", LocalDate.class), CalendarTask.Visibility.valueOf(rs.getString("visibility")),
            rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "completed_at"),
            rs.getLong("version"));

    private final Jdbi jdbi;

    public JdbiCalendarTasks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(CalendarTask t) {
        PublicStamps.writing(jdbi, t.konwent().value(), PublicStamps.Scope.FEED, h -> isPublic(t),
                handle -> handle.createUpdate("INSERT INTO calendar_task (" + COLUMNS + ") VALUES (:id, "
                        + ":konwent, :title, :description, :dueOn, :visibility, :createdBy, :createdAt, NULL, :version)")
                .bind("id", t.id()).bind("konwent", t.konwent().value()).bind("title", t.title())
                .bind("description", t.description()).bind("dueOn", t.dueOn())
                .bind("visibility", t.visibility().name()).bind("createdBy", t.createdBy())
                .bind("createdAt", t.createdAt().toEpochMilli()).bind("version", t.version())
                .execute());
    }

    @Override
    public Optional<CalendarTask> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM calendar_task "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public List<CalendarTask> all(KonwentId konwent) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM calendar_task "
                        + "WHERE konwent_id = :konwent ORDER BY due_on, id")
                .bind("konwent", konwent.value()).map(MAPPER).list());
    }

    @Override
    public boolean replace(CalendarTask t, long expectedVersion) {
        return PublicStamps.writing(jdbi, t.konwent().value(), PublicStamps.Scope.FEED, h -> isPublic(t),
                handle -> handle.createUpdate("UPDATE calendar_task SET completed_at = :completedAt, "
                        + "version = :version WHERE konwent_id = :konwent AND id = :id AND version = :expected")
                .bind("completedAt", t.completedAt() == null ? null : t.completedAt().toEpochMilli())
                .bind("version", t.version()).bind("konwent", t.konwent().value()).bind("id", t.id())
                .bind("expected", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public boolean delete(KonwentId konwent, String id) {
        return PublicStamps.writing(jdbi, konwent.value(), PublicStamps.Scope.FEED, h -> h.createQuery(
                        "SELECT visibility FROM calendar_task WHERE konwent_id = :konwent AND id = :id")
                        .bind("konwent", konwent.value()).bind("id", id).mapTo(String.class).findOne()
                        .filter("PUBLIC"::equals).isPresent(),
                handle -> handle.createUpdate("DELETE FROM calendar_task "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id).execute()) == 1;
    }

    /** Only a PUBLIC task reaches the feeds, so only its changes change their stamp (see PublicStamps). */
    private static boolean isPublic(CalendarTask t) {
        return t.visibility() == CalendarTask.Visibility.PUBLIC;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
