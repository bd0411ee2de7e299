package pl.konwent.adapters.jdbi.council;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.adapters.jdbi.voting.BallotBox;
import pl.konwent.domain.council.Candidate;
import pl.konwent.domain.council.Election;
import pl.konwent.domain.council.Elections;
import pl.konwent.domain.council.TieBreak;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

/**
 * Elections in table {@code election}, each with a secret vote row of purpose ELECTION under the same id, so its
 * ballots go through the {@link BallotBox} of resolution votes: one approval ballot is one ballot_cast row and one
 * sealed_ballot row marking every candidate (stored by {@link pl.konwent.adapters.jdbi.voting.JdbiSecretBallots}).
 * Candidates in {@code election_candidate}.
 */
public final class JdbiElections implements Elections {
    private static final String COLUMNS = "id, konwent_id, term_year, round_no, seats, run_off_of, state, outcome, "
            + "created_at, opened_at, closed_at, electorate, version, tie_break";
    private static final RowMapper<Election> MAPPER = (rs, ctx) -> {
        String outcome = rs.getString("outcome");
        long openedAt = rs.getLong("opened_at");
        boolean opened = !rs.wasNull();
        long closedAt = rs.getLong("closed_at");
        boolean closed = !rs.wasNull();
        String tieBreak = rs.getString("tie_break");
        return new Election(rs.getString("id"), new KonwentId(rs.getString("konwent_id")), rs.getInt("term_year"),
                rs.getInt("round_no"), rs.getInt("seats"), rs.getString("run_off_of"),
                Election.State.valueOf(rs.getString("state")), outcome == null ? null : Election.Outcome.valueOf(outcome),
                Instant.ofEpochMilli(rs.getLong("created_at")), opened ? Instant.ofEpochMilli(openedAt) : null,
                closed ? Instant.ofEpochMilli(closedAt) : null, rs.getInt("electorate"), rs.getLong("version"),
                tieBreak == null ? null : TieBreak.valueOf(tieBreak));
    };
    private static final String CANDIDATE_SELECT = "SELECT c.id, c.election_id, c.member_id, m.name, m.kind, "
            + "c.person_name, c.nominated_by, c.state, c.nominated_at FROM election_candidate c "
            + "JOIN member m ON m.id = c.member_id";
    private static final RowMapper<Candidate> CANDIDATE = (rs, ctx) -> new Candidate(rs.getString("id"),
            rs.getString("election_id"), rs.getString("member_id"), rs.getString("name"),
            MemberKind.valueOf(rs.getString("kind")), rs.getString("person_name"), rs.getString("nominated_by"),
            Candidate.State.valueOf(rs.getString("state")), Instant.ofEpochMilli(rs.getLong("nominated_at")));

    private final Jdbi jdbi;
    private final BallotBox box;

    public JdbiElections(Jdbi jdbi, IdSource ids) {
        this.jdbi = jdbi;
        this.box = new BallotBox(ids);
    }

    @Override
    public void add(Election e) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useHandle(handle -> {
            handle.createUpdate("INSERT INTO vote (id, konwent_id, title, kind, text, secret, state, created_at, "
                            + "electorate, version, purpose) VALUES (:id, :konwent, :title, 'OTHER', '', TRUE, 'DRAFT', "
                            + ":at, 0, 1, 'ELECTION')")
                    .bind("id", e.id()).bind("konwent", e.konwent().value())
                    .bind("title", "Council election " + e.year() + " round " + e.round())
                    .bind("at", e.createdAt().toEpochMilli()).execute();
            handle.createUpdate("INSERT INTO election (" + COLUMNS + ") VALUES (:id, :konwent, :year, :round, :seats, "
                            + ":runOffOf, :state, NULL, :at, NULL, NULL, 0, :version, :tieBreak)")
                    .bind("id", e.id()).bind("konwent", e.konwent().value()).bind("year", e.year())
                    .bind("round", e.round()).bind("seats", e.seats()).bind("runOffOf", e.runOffOf())
                    .bind("state", e.state().name()).bind("at", e.createdAt().toEpochMilli())
                    .bind("version", e.version())
                    .bind("tieBreak", e.tieBreak() == null ? null : e.tieBreak().name()).execute();
        }), "Konwent '" + e.konwent() + "' already has an election for " + e.year()
                + (e.round() > 1 ? " in round " + e.round() : ""));
    }

    @Override
    public Optional<Election> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM election WHERE konwent_id = :konwent AND id = :id")
                .bind("konwent", konwent.value()).bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Optional<Election> runOffOf(String electionId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM election WHERE run_off_of = :id")
                .bind("id", electionId).map(MAPPER).findOne());
    }

    @Override
    public Page<Election> list(KonwentId konwent, PageRequest page) {
        return NewestFirst.page(jdbi, "SELECT " + COLUMNS + " FROM election WHERE konwent_id = :konwent",
                Map.of("konwent", konwent.value()), "created_at", page, MAPPER, e -> e.createdAt().toEpochMilli(),
                Election::id);
    }

    @Override
    public List<Election> closedBetween(KonwentId konwent, Instant from, Instant to) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM election "
                        + "WHERE konwent_id = :konwent AND closed_at >= :from AND closed_at <= :to "
                        + "ORDER BY closed_at, id")
                .bind("konwent", konwent.value()).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .map(MAPPER).list());
    }

    @Override
    public void addCandidate(Candidate c) {
        SqlErrors.uniqueAsConflict(() -> jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO election_candidate (id, election_id, member_id, person_name, nominated_by, state, "
                                + "nominated_at) VALUES (:id, :election, :member, :person, :by, :state, :at)")
                .bind("id", c.id()).bind("election", c.electionId()).bind("member", c.memberId())
                .bind("person", c.personName()).bind("by", c.nominatedBy()).bind("state", c.state().name())
                .bind("at", c.nominatedAt().toEpochMilli()).execute()),
                "Member '" + c.memberId() + "' is already a candidate in this election");
    }

    @Override
    public Optional<Candidate> findCandidate(String electionId, String candidateId) {
        return jdbi.withHandle(handle -> handle.createQuery(CANDIDATE_SELECT
                        + " WHERE c.election_id = :election AND c.id = :id")
                .bind("election", electionId).bind("id", candidateId).map(CANDIDATE).findOne());
    }

    @Override
    public Page<Candidate> candidates(String electionId, PageRequest page) {
        return NewestFirst.page(jdbi, "SELECT * FROM (" + CANDIDATE_SELECT + " WHERE c.election_id = :election) "
                        + "candidate WHERE 1 = 1", Map.of("election", electionId), "nominated_at", page, CANDIDATE,
                c -> c.nominatedAt().toEpochMilli(), Candidate::id);
    }

    @Override
    public List<Candidate> allCandidates(String electionId) {
        return jdbi.withHandle(handle -> handle.createQuery(CANDIDATE_SELECT
                        + " WHERE c.election_id = :election ORDER BY c.nominated_at, c.id")
                .bind("election", electionId).map(CANDIDATE).list());
    }

    @Override
    public boolean replaceCandidate(Candidate revised, Candidate.State expected) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE election_candidate SET state = :state "
                        + "WHERE id = :id AND state = :expected")
                .bind("state", revised.state().name()).bind("id", revised.id()).bind("expected", expected.name())
                .execute()) == 1;
    }

    @Override
    public int open(Election opened, long expectedVersion) {
        return jdbi.withHandle(handle -> {
            int changed = handle.createUpdate("UPDATE election SET state = :state, opened_at = :at, "
                            + "version = :version WHERE id = :id AND version = :expected AND state = 'NOMINATING'")
                    .bind("state", opened.state().name()).bind("at", opened.openedAt().toEpochMilli())
                    .bind("version", opened.version()).bind("id", opened.id()).bind("expected", expectedVersion)
                    .execute();
            if (changed != 1) {
                return -1;
            }
            int electors = box.open(handle, opened.id(), opened.konwent().value(), opened.openedAt().toEpochMilli());
            handle.createUpdate("UPDATE election SET electorate = :electors WHERE id = :id")
                    .bind("electors", electors).bind("id", opened.id()).execute();
            return electors;
        });
    }

    @Override
    public boolean close(Election closed, long expectedVersion) {
        return jdbi.withHandle(handle -> {
            int changed = handle.createUpdate("UPDATE election SET state = :state, outcome = :outcome, "
                            + "closed_at = :at, version = :version WHERE id = :id AND version = :expected AND state = 'OPEN'")
                    .bind("state", closed.state().name()).bind("outcome", closed.outcome().name())
                    .bind("at", closed.closedAt().toEpochMilli()).bind("version", closed.version())
                    .bind("id", closed.id()).bind("expected", expectedVersion)
                    .execute();
            if (changed != 1) {
                return false;
            }
            handle.createUpdate("UPDATE vote SET state = 'CLOSED', closed_at = :at WHERE id = :id")
                    .bind("at", closed.closedAt().toEpochMilli()).bind("id", closed.id()).execute();
            return true;
        });
    }

    @Override
    public long turnout(String electionId) {
        return jdbi.withHandle(handle -> box.turnout(handle, electionId));
    }

    @Override
    public boolean hasVoted(String electionId, String memberId) {
        return jdbi.withHandle(handle -> box.hasVoted(handle, electionId, memberId));
    }
}
