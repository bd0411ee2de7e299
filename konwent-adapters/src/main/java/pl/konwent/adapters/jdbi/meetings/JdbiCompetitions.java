package pl.konwent.adapters.jdbi.meetings;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import pl.konwent.adapters.jdbi.JsonColumns;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.meetings.Competition;
import pl.konwent.domain.meetings.CompetitionApplication;
import pl.konwent.domain.meetings.Competitions;
import pl.konwent.domain.membership.ApplicationContacts;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Text;

/**
 * Organiser competitions ({@code organiser_competition}, one per konwent and year), their applications and the
 * accounts of each award ({@code competition_award_account}), from which the SECRETARIAT role is derived.
 */
public final class JdbiCompetitions implements Competitions, ApplicationContacts {
    private static final TypeReference<List<CompetitionApplication.Unit>> UNITS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, konwent_id, comp_year, title, description, grant_amount, deadline_at, "
            + "award_application_id, award_institution, award_reason, awarded_at, created_at, version";
    private static final String APPLICATION_COLUMNS = "id, competition_id, institution_name, runs, member_id, offer, "
            + "contact_name, contact_email, contact_phone, applicant_account_id, submitted_at";
    private static final RowMapper<CompetitionApplication> APPLICATION = (rs, ctx) -> new CompetitionApplication(
            rs.getString("id"), rs.getString("competition_id"), rs.getString("institution_name"),
            JsonColumns.read(rs.getString("runs"), UNITS), rs.getString("member_id"), rs.getString("offer"),
            new CompetitionApplication.ContactPerson(rs.getString("contact_name"), rs.getString("contact_email"),
                    rs.getString("contact_phone")),
            rs.getString("applicant_account_id"), JdbiMeetings.instant(rs, "submitted_at"));

    private final Jdbi jdbi;

    public JdbiCompetitions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Competition c) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO "
                        + "organiser_competition (" + COLUMNS + ") VALUES (:id, :konwent, :year, :title, :description, "
                        + ":grant, :deadline, NULL, NULL, NULL, NULL, :createdAt, :version)")
                .bind("id", c.id()).bind("konwent", c.konwent().value()).bind("year", c.year())
                .bind("title", c.title()).bind("description", c.description()).bind("grant", c.grantAmount())
                .bind("deadline", c.deadline().toEpochMilli()).bind("createdAt", c.createdAt().toEpochMilli())
                .bind("version", c.version())
                .execute()), "Konwent '" + c.konwent() + "' already has an organiser competition for " + c.year());
    }

    @Override
    public Optional<Competition> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM organiser_competition "
                        + "WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne()
                .map(row -> withAccounts(handle, row)));
    }

    @Override
    public Page<Competition> list(KonwentId konwent, PageRequest page) {
        int after;
        try {
            after = page.after() == null ? Integer.MAX_VALUE : Integer.parseInt(page.after());
        } catch (NumberFormatException e) {
            throw DomainException.InvalidInput.of("cursor", "is not a cursor of this list");
        }
        List<Competition> rows = jdbi.withHandle(handle -> {
            List<Competition> found = handle.createQuery("SELECT " + COLUMNS + " FROM organiser_competition "
                            + "WHERE konwent_id = :konwent AND comp_year < :after ORDER BY comp_year DESC LIMIT :limit")
                    .bind("konwent", konwent.value()).bind("after", after).bind("limit", page.limit() + 1)
                    .map((rs, ctx) -> row(rs)).list();
            List<Competition> loaded = new ArrayList<>();
            for (Competition row : found) {
                loaded.add(withAccounts(handle, row));
            }
            return loaded;
        });
        return Page.fromOverfetch(rows, page.limit(), c -> Integer.toString(c.year()));
    }

    @Override
    public boolean award(Competition c, long expectedVersion) {
        Competition.Award award = c.award();
        return jdbi.withHandle(handle -> {
            int changed = handle.createUpdate("UPDATE organiser_competition SET award_application_id = :application, "
                            + "award_institution = :institution, award_reason = :reason, awarded_at = :at, "
                            + "version = :version WHERE id = :id AND version = :expected AND awarded_at IS NULL")
                    .bind("application", award.applicationId()).bind("institution", award.institutionName())
                    .bind("reason", award.reason()).bind("at", award.awardedAt().toEpochMilli())
                    .bind("version", c.version()).bind("id", c.id()).bind("expected", expectedVersion)
                    .execute();
            if (changed != 1) {
                return false;
            }
            PreparedBatch batch = handle.prepareBatch("INSERT INTO competition_award_account (competition_id, "
                    + "account_id) VALUES (:competition, :account)");
            for (String account : award.accountIds()) {
                batch.bind("competition", c.id()).bind("account", account).add();
            }
            batch.execute();
            return true;
        });
    }

    @Override
    public void addApplication(CompetitionApplication a) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO competition_application (" + APPLICATION_COLUMNS
                        + ") VALUES (:id, :competition, :institution, :runs, :member, :offer, :contactName, "
                        + ":contactEmail, :contactPhone, :applicant, :submittedAt)")
                .bind("id", a.id()).bind("competition", a.competitionId()).bind("institution", a.institutionName())
                .bind("runs", JsonColumns.write(a.runs())).bind("member", a.memberId()).bind("offer", a.offer())
                .bind("contactName", a.contact().name()).bind("contactEmail", a.contact().email())
                .bind("contactPhone", a.contact().phone()).bind("applicant", a.applicantAccountId())
                .bind("submittedAt", a.submittedAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<CompetitionApplication> findApplication(String competitionId, String applicationId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + APPLICATION_COLUMNS
                        + " FROM competition_application WHERE competition_id = :competition AND id = :id")
                .bind("competition", competitionId).bind("id", applicationId).map(APPLICATION).findOne());
    }

    @Override
    public Page<CompetitionApplication> applications(String competitionId, PageRequest page) {
        return NewestFirst.page(jdbi, "SELECT " + APPLICATION_COLUMNS + " FROM competition_application "
                        + "WHERE competition_id = :competition", Map.of("competition", competitionId), "submitted_at",
                page, APPLICATION, a -> a.submittedAt().toEpochMilli(), CompetitionApplication::id);
    }

    private static Competition row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long awardedAt = JdbiMeetings.millis(rs, "awarded_at");
        Competition.Award award = awardedAt == null ? null : new Competition.Award(
                rs.getString("award_application_id"), rs.getString("award_institution"), List.of(),
                rs.getString("award_reason"), java.time.Instant.ofEpochMilli(awardedAt));
        return new Competition(rs.getString("id"), new KonwentId(rs.getString("konwent_id")),
                rs.getInt("comp_year"), rs.getString("title"), rs.getString("description"),
                rs.getBigDecimal("grant_amount"), JdbiMeetings.instant(rs, "deadline_at"), award,
                JdbiMeetings.instant(rs, "created_at"), rs.getLong("version"));
    }

    /** The competition with its award's accounts, read from their own table. */
    private static Competition withAccounts(Handle handle, Competition c) {
        if (c.award() == null) {
            return c;
        }
        List<String> accounts = handle.createQuery("SELECT account_id FROM competition_award_account "
                        + "WHERE competition_id = :id ORDER BY account_id")
                .bind("id", c.id()).mapTo(String.class).list();
        Competition.Award award = c.award();
        return new Competition(c.id(), c.konwent(), c.year(), c.title(), c.description(), c.grantAmount(),
                c.deadline(), new Competition.Award(award.applicationId(), award.institutionName(), accounts,
                award.reason(), award.awardedAt()), c.createdAt(), c.version());
    }

    @Override
    public void forget(String memberId, String name, String email, String replacement) {
        String folded = Text.fold(name);
        jdbi.useHandle(handle -> {
            List<CompetitionApplication> applications = handle.createQuery("SELECT " + APPLICATION_COLUMNS
                    + " FROM competition_application WHERE member_id = :member").bind("member", memberId)
                    .map(APPLICATION).list();
            for (CompetitionApplication application : applications) {
                CompetitionApplication.ContactPerson contact = application.contact();
                if (Text.fold(contact.name()).equals(folded)
                        || email != null && email.equalsIgnoreCase(contact.email())) {
                    handle.createUpdate("UPDATE competition_application SET contact_name = :replacement, "
                                    + "contact_email = :replacement, contact_phone = NULL WHERE id = :id")
                            .bind("replacement", replacement).bind("id", application.id()).execute();
                }
            }
        });
    }
}
