package pl.konwent.adapters.jdbi.meetings;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.JsonColumns;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.meetings.WorkPlan;
import pl.konwent.domain.meetings.WorkPlans;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/** Work plans in {@code work_plan}, keyed by konwent and year; themes and schedule as JSON. */
public final class JdbiWorkPlans implements WorkPlans {
    private static final TypeReference<List<WorkPlan.Theme>> THEMES = new TypeReference<>() {
    };
    private static final TypeReference<List<WorkPlan.PlannedMeeting>> SCHEDULE = new TypeReference<>() {
    };
    private static final String COLUMNS = "konwent_id, plan_year, themes, schedule, notes, proposed_at, updated_at, "
            + "vote_id, version";
    private static final RowMapper<WorkPlan> MAPPER = (rs, ctx) -> new WorkPlan(
            new KonwentId(rs.getString("konwent_id")), rs.getInt("plan_year"),
            JsonColumns.read(rs.getString("themes"), THEMES), JsonColumns.read(rs.getString("schedule"), SCHEDULE),
            rs.getString("notes"), JdbiMeetings.instant(rs, "proposed_at"), JdbiMeetings.instant(rs, "updated_at"),
            rs.getString("vote_id"), rs.getLong("version"));

    private final Jdbi jdbi;

    public JdbiWorkPlans(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(WorkPlan p) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO work_plan ("
                        + COLUMNS + ") VALUES (:konwent, :year, :themes, :schedule, :notes, :proposedAt, :updatedAt, "
                        + ":vote, :version)")
                .bind("konwent", p.konwent().value()).bind("year", p.year())
                .bind("themes", JsonColumns.write(p.themes())).bind("schedule", JsonColumns.write(p.schedule()))
                .bind("notes", p.notes()).bind("proposedAt", p.proposedAt().toEpochMilli())
                .bind("updatedAt", p.updatedAt().toEpochMilli()).bind("vote", p.voteId())
                .bind("version", p.version())
                .execute()), "Konwent '" + p.konwent() + "' already has a work plan for " + p.year());
    }

    @Override
    public Optional<WorkPlan> find(KonwentId konwent, int year) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM work_plan "
                        + "WHERE konwent_id = :konwent AND plan_year = :year")
                .bind("konwent", konwent.value()).bind("year", year).map(MAPPER).findOne());
    }

    @Override
    public Page<WorkPlan> list(KonwentId konwent, PageRequest page) {
        int after;
        try {
            after = page.after() == null ? Integer.MAX_VALUE : Integer.parseInt(page.after());
        } catch (NumberFormatException e) {
            throw DomainException.InvalidInput.of("cursor", "is not a cursor of this list");
        }
        return Page.fromOverfetch(jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM work_plan WHERE konwent_id = :konwent AND plan_year < :after "
                        + "ORDER BY plan_year DESC LIMIT :limit")
                .bind("konwent", konwent.value()).bind("after", after).bind("limit", page.limit() + 1)
                .map(MAPPER).list()), page.limit(), plan -> Integer.toString(plan.year()));
    }

    @Override
    public boolean replace(WorkPlan p, long expectedVersion) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE work_plan SET themes = :themes, "
                        + "schedule = :schedule, notes = :notes, updated_at = :updatedAt, vote_id = :vote, "
                        + "version = :version WHERE konwent_id = :konwent AND plan_year = :year AND version = :expected")
                .bind("themes", JsonColumns.write(p.themes())).bind("schedule", JsonColumns.write(p.schedule()))
                .bind("notes", p.notes()).bind("updatedAt", p.updatedAt().toEpochMilli()).bind("vote", p.voteId())
                .bind("version", p.version()).bind("konwent", p.konwent().value()).bind("year", p.year())
                .bind("expected", expectedVersion)
                .execute()) == 1;
    }
}
