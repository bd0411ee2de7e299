package pl.konwent.adapters.jdbi.meetings;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.meetings.Communique;
import pl.konwent.domain.meetings.Communiques;

/** Communiqués in {@code communique}, keyed by their meeting. */
public final class JdbiCommuniques implements Communiques {
    private static final String COLUMNS = "meeting_id, konwent_id, title, text, written_at, updated_at, sent_at, "
            + "sent_to, published_at, version";
    private static final RowMapper<Communique> MAPPER = (rs, ctx) -> new Communique(rs.getString("meeting_id"),
            new KonwentId(rs.getString("konwent_id")), rs.getString("title"), rs.getString("text"),
            JdbiMeetings.instant(rs, "written_at"), JdbiMeetings.instant(rs, "updated_at"),
            JdbiMeetings.instant(rs, "sent_at"), rs.getInt("sent_to"), JdbiMeetings.instant(rs, "published_at"),
            rs.getLong("version"));

    private final Jdbi jdbi;

    public JdbiCommuniques(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Communique c) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO communique ("
                        + COLUMNS + ") VALUES (:meeting, :konwent, :title, :text, :writtenAt, :updatedAt, NULL, 0, "
                        + "NULL, :version)")
                .bind("meeting", c.meetingId()).bind("konwent", c.konwent().value()).bind("title", c.title())
                .bind("text", c.text()).bind("writtenAt", c.writtenAt().toEpochMilli())
                .bind("updatedAt", c.updatedAt().toEpochMilli()).bind("version", c.version())
                .execute()), "Meeting '" + c.meetingId() + "' already has a communiqué");
    }

    @Override
    public Optional<Communique> find(String meetingId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM communique "
                        + "WHERE meeting_id = :meeting")
                .bind("meeting", meetingId).map(MAPPER).findOne());
    }

    @Override
    public boolean replace(Communique c, long expectedVersion) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE communique SET title = :title, text = :text, "
                        + "updated_at = :updatedAt, sent_at = :sentAt, sent_to = :sentTo, published_at = :publishedAt, "
                        + "version = :version WHERE meeting_id = :meeting AND version = :expected")
                .bind("title", c.title()).bind("text", c.text()).bind("updatedAt", c.updatedAt().toEpochMilli())
                .bind("sentAt", c.sentAt() == null ? null : c.sentAt().toEpochMilli()).bind("sentTo", c.sentTo())
                .bind("publishedAt", c.publishedAt() == null ? null : c.publishedAt().toEpochMilli())
                .bind("version", c.version()).bind("meeting", c.meetingId()).bind("expected", expectedVersion)
                .execute()) == 1;
    }
}
