package pl.konwent.adapters.jdbi.voting;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.NewestFirst;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.voting.Authorisation;
import pl.konwent.domain.voting.Choice;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.Quorum;
import pl.konwent.domain.voting.ResolutionKind;
import pl.konwent.domain.voting.Tally;
import pl.konwent.domain.voting.Vote;
import pl.konwent.domain.voting.Votes;

/**
 * Resolution votes: rows of table {@code vote} of purpose RESOLUTION (a council election's vote row is never shown
 * here); electors and ballots go through the {@link BallotBox} shared with council elections; an open vote's named
 * choices are counted here, a secret vote's sealed ones by {@link JdbiSecretBallots}.
 */
public final class JdbiVotes implements Votes {
    private static final String COLUMNS = "id, konwent_id, title, kind, text, secret, majority, quorum, meeting_id, "
            + "state, created_at, opened_at, closed_at, electorate, present_count, version";
    private static final RowMapper<Vote> MAPPER = mapper("");

    /** A vote from columns named with {@code prefix} (a vote joined to its konwent). */
    private static RowMapper<Vote> mapper(String prefix) {
        return (rs, ctx) -> {
            String majority = rs.getString(prefix + "majority");
            java.math.BigDecimal quorum = rs.getBigDecimal(prefix + "quorum");
            long openedAt = rs.getLong(prefix + "opened_at");
            boolean opened = !rs.wasNull();
            long closedAt = rs.getLong(prefix + "closed_at");
            boolean closed = !rs.wasNull();
            int present = rs.getInt(prefix + "present_count");
            boolean atMeeting = !rs.wasNull();
            return new Vote(rs.getString(prefix + "id"), new KonwentId(rs.getString(prefix + "konwent_id")),
                    new Vote.Question(rs.getString(prefix + "title"),
                            ResolutionKind.valueOf(rs.getString(prefix + "kind")), rs.getString(prefix + "text"),
                            rs.getBoolean(prefix + "secret"), majority == null ? null : Majority.valueOf(majority),
                            quorum == null ? null : new Quorum(quorum), rs.getString(prefix + "meeting_id")),
                    Vote.State.valueOf(rs.getString(prefix + "state")),
                    Instant.ofEpochMilli(rs.getLong(prefix + "created_at")),
                    opened ? Instant.ofEpochMilli(openedAt) : null, closed ? Instant.ofEpochMilli(closedAt) : null,
                    rs.getInt(prefix + "electorate"), atMeeting ? present : null, rs.getLong(prefix + "version"));
        };
    }

    private static final String RESOLUTION = " AND purpose = 'RESOLUTION'";
    private static final RowMapper<Vote> JOINED = mapper("v_");
    private static final RowMapper<Konwent> KONWENT = new JdbiKonwents.KonwentMapper();
    private static final String WITH_KONWENT = "/* JdbiVotes.findWithKonwent */ SELECT "
            + Arrays.stream(JdbiKonwents.Dao.COLUMNS.split(", ")).map(c -> "k." + c).collect(Collectors.joining(", "))
            + ", " + Arrays.stream(COLUMNS.split(", ")).map(c -> "v." + c + " AS v_" + c)
            .collect(Collectors.joining(", "))
            + " FROM konwent k LEFT JOIN vote v ON v.konwent_id = k.id AND v.id = :id AND v.purpose = 'RESOLUTION' "
            + "WHERE k.id = :konwent";

    private final Jdbi jdbi;
    private final BallotBox box;

    public JdbiVotes(Jdbi jdbi, IdSource ids) {
        this.jdbi = jdbi;
        this.box = new BallotBox(ids);
    }

    @Override
    public void add(Vote v) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO vote (" + COLUMNS + ") VALUES (:id, :konwent, "
                        + ":title, :kind, :text, :secret, :majority, :quorum, :meeting, :state, :createdAt, NULL, NULL, "
                        + "0, NULL, :version)")
                .bind("id", v.id()).bind("konwent", v.konwent().value())
                .bindMap(question(v))
                .bind("state", v.state().name()).bind("createdAt", v.createdAt().toEpochMilli())
                .bind("version", v.version())
                .execute());
    }

    @Override
    public Optional<Vote> find(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM vote WHERE konwent_id = :konwent AND id = :id"
                        + RESOLUTION)
                .bind("konwent", konwent.value()).bind("id", id).map(MAPPER).findOne());
    }

    /**
     * One statement for a ballot's konwent and vote (issue 20): the konwent by its primary key, the vote by its
     * primary key; the vote's columns are named {@code v_…} apart from the konwent's.
     */
    @Override
    public Optional<InKonwent> findWithKonwent(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createQuery(WITH_KONWENT).bind("konwent", konwent.value())
                .bind("id", id)
                .map((rs, ctx) -> new InKonwent(KONWENT.map(rs, ctx), rs.getString("v_id") == null ? Optional.empty()
                        : Optional.of(JOINED.map(rs, ctx))))
                .findOne());
    }

    @Override
    public Page<Vote> list(KonwentId konwent, Vote.State state, PageRequest page) {
        Map<String, Object> binds = new HashMap<>(Map.of("konwent", konwent.value()));
        if (state != null) {
            binds.put("state", state.name());
        }
        return NewestFirst.page(jdbi, "SELECT " + COLUMNS + " FROM vote WHERE konwent_id = :konwent"
                        + RESOLUTION + (state == null ? "" : " AND state = :state"), binds, "created_at", page, MAPPER,
                v -> v.createdAt().toEpochMilli(), Vote::id);
    }

    @Override
    public boolean replace(Vote v, long expectedVersion) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE vote SET title = :title, kind = :kind, "
                        + "text = :text, secret = :secret, majority = :majority, quorum = :quorum, "
                        + "meeting_id = :meeting, state = :state, closed_at = :closedAt, present_count = :present, "
                        + "version = :version "
                        + "WHERE id = :id AND version = :expected" + RESOLUTION)
                .bindMap(question(v))
                .bind("state", v.state().name())
                .bind("closedAt", v.closedAt() == null ? null : v.closedAt().toEpochMilli())
                .bind("present", v.present())
                .bind("version", v.version()).bind("id", v.id()).bind("expected", expectedVersion)
                .execute()) == 1;
    }

    @Override
    public void stopBallots(String voteId, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE vote SET ballots_stopped_at = :at "
                        + "WHERE id = :id AND state = 'OPEN' AND ballots_stopped_at IS NULL")
                .bind("at", at.toEpochMilli()).bind("id", voteId)
                .execute());
    }

    @Override
    public List<Vote> ofMeeting(KonwentId konwent, String meetingId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM vote WHERE konwent_id = "
                        + ":konwent AND meeting_id = :meeting" + RESOLUTION + " ORDER BY created_at, id")
                .bind("konwent", konwent.value()).bind("meeting", meetingId).map(MAPPER).list());
    }

    @Override
    public boolean deleteDraft(KonwentId konwent, String id) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM vote WHERE konwent_id = :konwent AND id = :id AND state = :draft" + RESOLUTION)
                .bind("konwent", konwent.value()).bind("id", id).bind("draft", Vote.State.DRAFT.name())
                .execute()) == 1;
    }

    @Override
    public int open(Vote opened, long expectedVersion) {
        return jdbi.withHandle(handle -> {
            int changed = handle.createUpdate("UPDATE vote SET version = :version "
                            + "WHERE id = :id AND version = :expected AND state = :draft" + RESOLUTION)
                    .bind("version", opened.version()).bind("id", opened.id()).bind("expected", expectedVersion)
                    .bind("draft", Vote.State.DRAFT.name())
                    .execute();
            if (changed != 1) {
                return -1;
            }
            return box.open(handle, opened.id(), opened.konwent().value(), opened.openedAt().toEpochMilli());
        });
    }

    @Override
    public CastOutcome cast(Vote vote, String memberId, Choice choice) {
        if (vote.question().secret()) {
            throw new IllegalArgumentException("a secret vote's ballots are sealed (SecretBallots), never stored named");
        }
        return jdbi.withHandle(handle -> box.castNamed(handle, vote.id(), memberId, choice.name()));
    }

    @Override
    public boolean hasVoted(String voteId, String memberId) {
        return jdbi.withHandle(handle -> box.hasVoted(handle, voteId, memberId));
    }

    @Override
    public Tally tally(Vote vote) {
        Map<Choice, Long> counts = new EnumMap<>(Choice.class);
        jdbi.useHandle(handle -> handle.createQuery(
                        "SELECT choice, COUNT(*) AS n FROM ballot_choice WHERE vote_id = :vote GROUP BY choice")
                .bind("vote", vote.id())
                .map((rs, ctx) -> Map.entry(Choice.valueOf(rs.getString("choice")), rs.getLong("n")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue())));
        return new Tally(counts.getOrDefault(Choice.FOR, 0L), counts.getOrDefault(Choice.AGAINST, 0L),
                counts.getOrDefault(Choice.ABSTAIN, 0L), vote.electorate(), vote.present());
    }

    @Override
    public long turnout(String voteId) {
        return jdbi.withHandle(handle -> box.turnout(handle, voteId));
    }

    @Override
    public List<NamedBallot> namedBallots(Vote vote) {
        if (vote.question().secret()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT b.member_id, m.name, b.choice, a.kind, "
                        + "a.holder_member_id, h.name AS holder_name FROM ballot_choice b "
                        + "JOIN member m ON m.id = b.member_id "
                        + "LEFT JOIN proxy_ballot p ON p.vote_id = b.vote_id AND p.member_id = b.member_id "
                        + "LEFT JOIN authorisation a ON a.id = p.authorisation_id "
                        + "LEFT JOIN member h ON h.id = a.holder_member_id "
                        + "WHERE b.vote_id = :vote ORDER BY m.name, m.id")
                .bind("vote", vote.id())
                .map((rs, ctx) -> {
                    String kind = rs.getString("kind");
                    return new NamedBallot(rs.getString("member_id"), rs.getString("name"),
                            Choice.valueOf(rs.getString("choice")), kind == null ? null : new CastUnder(
                                    Authorisation.Kind.valueOf(kind), rs.getString("holder_member_id"),
                                    rs.getString("holder_name")));
                })
                .list());
    }

    private static Map<String, Object> question(Vote v) {
        Vote.Question q = v.question();
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("title", q.title());
        values.put("kind", q.kind().name());
        values.put("text", q.text());
        values.put("secret", q.secret());
        values.put("majority", q.majority() == null ? null : q.majority().name());
        values.put("quorum", q.quorum() == null ? null : q.quorum().fraction());
        values.put("meeting", q.meetingId());
        return values;
    }
}
