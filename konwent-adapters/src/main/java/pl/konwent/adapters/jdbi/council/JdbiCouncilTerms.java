package pl.konwent.adapters.jdbi.council;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.council.CouncilTerm;
import pl.konwent.domain.council.CouncilTerms;
import pl.konwent.domain.council.Officers;
import pl.konwent.domain.council.Seat;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * Council terms in {@code council_term} (key: konwent and year) with their seats in {@code council_seat}; a
 * seat's member kind comes from the register. {@code end_year} is the last year of the term's period (C5), fixed
 * when it is installed. Paged by year, newest first.
 */
public final class JdbiCouncilTerms implements CouncilTerms {
    private static final String COLUMNS = "konwent_id, term_year, end_year, origin, election_id, consultant_name, "
            + "chair_member_id, deputy_member_id, installed_at, version";

    private record Row(KonwentId konwent, int year, int endYear, CouncilTerm.Origin origin, String electionId,
                       String consultant, String chair, String deputy, Instant installedAt, long version) {
    }

    private final Jdbi jdbi;

    public JdbiCouncilTerms(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(CouncilTerm term) {
        String konwent = term.konwent().value();
        SqlErrors.uniqueAsConflict(() -> PublicStamps.writing(jdbi, konwent, PublicStamps.Scope.FEED, handle -> {
            int added = handle.createUpdate("INSERT INTO council_term (" + COLUMNS + ") VALUES (:konwent, :year, "
                            + ":endYear, "
                            + ":origin, :election, :consultant, :chair, :deputy, :at, :version)")
                    .bind("konwent", term.konwent().value()).bind("year", term.year())
                    .bind("endYear", term.endYear()).bind("origin", term.origin().name())
                    .bind("election", term.electionId())
                    .bind("consultant", term.consultantName())
                    .bind("chair", term.officers() == null ? null : term.officers().chair().memberId())
                    .bind("deputy", term.officers() == null ? null : term.officers().deputy().memberId())
                    .bind("at", term.installedAt().toEpochMilli()).bind("version", term.version())
                    .execute();
            for (int i = 0; i < term.seats().size(); i++) {
                Seat seat = term.seats().get(i);
                handle.createUpdate("INSERT INTO council_seat (konwent_id, term_year, member_id, holder_name, "
                                + "seat_order) VALUES (:konwent, :year, :member, :holder, :order)")
                        .bind("konwent", term.konwent().value()).bind("year", term.year())
                        .bind("member", seat.memberId()).bind("holder", seat.holderName()).bind("order", i)
                        .execute();
            }
            return added;
        }), "Konwent '" + term.konwent() + "' already has a council for " + term.year());
    }

    @Override
    public Optional<CouncilTerm> find(KonwentId konwent, int year) {
        return one(konwent, " AND term_year = :year ", year);
    }

    @Override
    public Optional<CouncilTerm> before(KonwentId konwent, int year) {
        return one(konwent, " AND term_year < :year ORDER BY term_year DESC LIMIT 1", year);
    }

    @Override
    public Optional<CouncilTerm> after(KonwentId konwent, int year) {
        return one(konwent, " AND term_year > :year ORDER BY term_year LIMIT 1", year);
    }

    @Override
    public Optional<CouncilTerm> latest(KonwentId konwent) {
        return before(konwent, CouncilTerm.LAST_YEAR + 1);
    }

    @Override
    public Page<CouncilTerm> list(KonwentId konwent, PageRequest page) {
        int after;
        try {
            after = page.after() == null ? CouncilTerm.LAST_YEAR + 1 : Integer.parseInt(page.after());
        } catch (NumberFormatException e) {
            throw DomainException.InvalidInput.of("cursor", "is not a cursor of this list");
        }
        List<CouncilTerm> terms = jdbi.withHandle(handle -> {
            List<Row> rows = handle.createQuery("SELECT " + COLUMNS + " FROM council_term WHERE konwent_id = :konwent "
                            + "AND term_year < :after ORDER BY term_year DESC LIMIT :limit")
                    .bind("konwent", konwent.value()).bind("after", after).bind("limit", page.limit() + 1)
                    .map((rs, ctx) -> row(rs)).list();
            List<CouncilTerm> loaded = new ArrayList<>();
            for (Row row : rows) {
                loaded.add(withSeats(handle, row));
            }
            return loaded;
        });
        return Page.fromOverfetch(terms, page.limit(), term -> Integer.toString(term.year()));
    }

    @Override
    public boolean replaceOfficers(CouncilTerm revised, long expectedVersion) {
        return PublicStamps.writing(jdbi, revised.konwent().value(), PublicStamps.Scope.FEED, handle -> handle
                .createUpdate("UPDATE council_term SET chair_member_id = :chair, "
                        + "deputy_member_id = :deputy, version = :version "
                        + "WHERE konwent_id = :konwent AND term_year = :year AND version = :expected")
                .bind("chair", revised.officers().chair().memberId())
                .bind("deputy", revised.officers().deputy().memberId())
                .bind("version", revised.version()).bind("konwent", revised.konwent().value())
                .bind("year", revised.year()).bind("expected", expectedVersion)
                .execute()) == 1;
    }

    private Optional<CouncilTerm> one(KonwentId konwent, String condition, int year) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM council_term "
                        + "WHERE konwent_id = :konwent" + condition)
                .bind("konwent", konwent.value()).bind("year", year)
                .map((rs, ctx) -> row(rs)).findOne()
                .map(row -> withSeats(handle, row)));
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(new KonwentId(rs.getString("konwent_id")), rs.getInt("term_year"), rs.getInt("end_year"),
                CouncilTerm.Origin.valueOf(rs.getString("origin")), rs.getString("election_id"),
                rs.getString("consultant_name"), rs.getString("chair_member_id"), rs.getString("deputy_member_id"),
                Instant.ofEpochMilli(rs.getLong("installed_at")), rs.getLong("version"));
    }

    private static CouncilTerm withSeats(Handle handle, Row row) {
        Map<String, Seat> seats = new LinkedHashMap<>();
        handle.createQuery("SELECT s.member_id, m.name, m.kind, s.holder_name FROM council_seat s "
                        + "JOIN member m ON m.id = s.member_id "
                        + "WHERE s.konwent_id = :konwent AND s.term_year = :year ORDER BY s.seat_order")
                .bind("konwent", row.konwent().value()).bind("year", row.year())
                .map((rs, ctx) -> new Seat(rs.getString("member_id"), rs.getString("name"), MemberKind.valueOf(rs.getString("kind")),
                        rs.getString("holder_name")))
                .forEach(seat -> seats.put(seat.memberId(), seat));
        Officers officers = row.chair() == null ? null : new Officers(seats.get(row.chair()), seats.get(row.deputy()));
        return new CouncilTerm(row.konwent(), row.year(), row.endYear(), row.origin(), row.electionId(),
                List.copyOf(seats.values()), row.consultant(), officers, row.installedAt(), row.version());
    }
}
