package pl.konwent.adapters.jdbi.konwent;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.Konwents;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.Voivodeship;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;

/** Konwents in table {@code konwent}. */
public final class JdbiKonwents implements Konwents {
    /** Read by nearly every request (each konwent's path); a plain statement, see {@link #find}. */
    private static final String FIND = "/* JdbiKonwents.find */ SELECT " + Dao.COLUMNS + " FROM konwent WHERE id = :id";
    private static final KonwentMapper MAPPER = new KonwentMapper();

    private final Jdbi jdbi;
    private final Dao dao;

    public JdbiKonwents(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public void add(Konwent konwent) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useTransaction(handle -> {
            dao.insert(Row.of(konwent));
            PublicStamps.create(handle, konwent.id().value());
        }), "A konwent with id '" + konwent.id() + "' already exists");
    }

    @Override
    /**
     * A plain statement on the thread's handle (or one opened for it), not the on-demand SQL object: attaching one
     * per call was 20% of the server's CPU for a register page or a feed (issue 20, JFR).
     */
    public Optional<Konwent> find(KonwentId id) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND).bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public Page<Konwent> list(PageRequest page) {
        List<Konwent> rows = page.after() == null ? dao.first(page.limit() + 1)
                : dao.after(page.after(), page.limit() + 1);
        return Page.fromOverfetch(rows, page.limit(), konwent -> konwent.id().value());
    }

    @Override
    public boolean replace(Konwent revised, long expectedVersion) {
        return PublicStamps.writing(jdbi, revised.id().value(), PublicStamps.Scope.FEED,
                handle -> dao.update(Row.of(revised), expectedVersion)) == 1;
    }

    /** The columns of one konwent, flattened for binding. */
    public record Row(String id, String name, String description, String voivodeship, String defaultMajority,
                      BigDecimal defaultQuorum, boolean alternation, int councilSize, int termYears,
                      boolean organiserCompetition, String electionTieBreak, boolean proxies, int proxiesPerHolder,
                      LocalDate declarationDeadline, long createdAt, long updatedAt, long version) {
        static Row of(Konwent k) {
            Charter c = k.charter();
            return new Row(k.id().value(), k.name(), k.description(),
                    k.voivodeship() == null ? null : k.voivodeship().teryt(), c.defaultMajority().name(),
                    c.defaultQuorum().fraction(), c.alternation(), c.councilSize(), c.termYears(),
                    c.organiserCompetition(), c.electionTieBreak().name(), c.proxies(), c.proxiesPerHolder(),
                    k.declarationDeadline(),
                    k.createdAt().toEpochMilli(), k.updatedAt().toEpochMilli(), k.version());
        }
    }

    public static final class KonwentMapper implements RowMapper<Konwent> {
        @Override
        public Konwent map(ResultSet rs, StatementContext ctx) throws SQLException {
            String voivodeship = rs.getString("voivodeship");
            return new Konwent(new KonwentId(rs.getString("id")), rs.getString("name"), rs.getString("description"),
                    voivodeship == null ? null : Voivodeship.ofTeryt(voivodeship),
                    new Charter(Majority.valueOf(rs.getString("default_majority")),
                            new Quorum(rs.getBigDecimal("default_quorum")), rs.getBoolean("alternation"),
                            rs.getInt("council_size"), rs.getInt("term_years"),
                            rs.getBoolean("organiser_competition"),
                            TieBreak.valueOf(rs.getString("election_tie_break")), rs.getBoolean("proxies"),
                            rs.getInt("proxies_per_holder")),
                    rs.getObject("declaration_deadline", LocalDate.class),
                    Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                    rs.getLong("version"));
        }
    }

    @RegisterRowMapper(KonwentMapper.class)
    public interface Dao {
        String COLUMNS = "id, name, description, voivodeship, default_majority, default_quorum, alternation, "
                + "council_size, term_years, organiser_competition, declaration_deadline, created_at, updated_at, "
                + "version, election_tie_break, proxies, proxies_per_holder";

        @SqlUpdate("INSERT INTO konwent (" + COLUMNS + ") VALUES (:id, :name, :description, :voivodeship, "
                + ":defaultMajority, :defaultQuorum, :alternation, :councilSize, :termYears, :organiserCompetition, "
                + ":declarationDeadline, :createdAt, :updatedAt, :version, :electionTieBreak, :proxies, "
                + ":proxiesPerHolder)")
        void insert(@BindMethods Row row);

        @SqlQuery("SELECT " + COLUMNS + " FROM konwent WHERE id = :id")
        Optional<Konwent> find(@Bind("id") String id);

        @SqlQuery("SELECT " + COLUMNS + " FROM konwent ORDER BY id LIMIT :limit")
        List<Konwent> first(@Bind("limit") int limit);

        @SqlQuery("SELECT " + COLUMNS + " FROM konwent WHERE id > :after ORDER BY id LIMIT :limit")
        List<Konwent> after(@Bind("after") String after, @Bind("limit") int limit);

        @SqlUpdate("UPDATE konwent SET name = :row.name, description = :row.description, "
                + "voivodeship = :row.voivodeship, default_majority = :row.defaultMajority, "
                + "default_quorum = :row.defaultQuorum, alternation = :row.alternation, "
                + "council_size = :row.councilSize, term_years = :row.termYears, "
                + "organiser_competition = :row.organiserCompetition, "
                + "election_tie_break = :row.electionTieBreak, proxies = :row.proxies, "
                + "proxies_per_holder = :row.proxiesPerHolder, "
                + "declaration_deadline = :row.declarationDeadline, updated_at = :row.updatedAt, "
                + "version = :row.version WHERE id = :row.id AND version = :expectedVersion")
        int update(@BindMethods("row") Row row, @Bind("expectedVersion") long expectedVersion);
    }
}
