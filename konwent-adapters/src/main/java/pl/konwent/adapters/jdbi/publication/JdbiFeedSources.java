package pl.konwent.adapters.jdbi.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pl.konwent.adapters.jdbi.PublicStamps;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.publication.Excerpt;
import pl.konwent.domain.publication.FeedEntry;
import pl.konwent.domain.publication.FeedSources;
import pl.konwent.domain.shared.PolishTime;

/**
 * The public facts of konwents, read straight from their tables: PUBLIC documents, meetings, council terms and
 * members (public columns only: never contacts). The small sources give their newest rows by one query over all the
 * konwents and an aggregate each for the fingerprint (all in one statement); the register, which grows to
 * thousands, is read per konwent from index ix_member_konwent_changed, the newest first, and so is its fingerprint;
 * the sources are merged here.
 */
public final class JdbiFeedSources implements FeedSources {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.MM.yyyy, HH:mm", new Locale("pl"))
            .withZone(PolishTime.ZONE);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(PolishTime.ZONE);

    /** One kind of entry: how to read its newest rows. */
    private interface Source {
        List<FeedEntry> latest(Handle handle, List<String> konwents, int limit);
    }

    /**
     * A small table: its newest rows of all the konwents at once; {@code fingerprint} is a scalar query of the count
     * and versions of all its rows, as one text.
     */
    private record Aggregated(String latest, String fingerprint, RowMapper<FeedEntry> mapper) implements Source {
        @Override
        public List<FeedEntry> latest(Handle handle, List<String> konwents, int limit) {
            return handle.createQuery(latest).bindList("konwents", konwents).bind("limit", limit).map(mapper).list();
        }
    }

    /**
     * The register: per konwent, its {@code limit} most recently changed members read from the index (the hint and
     * ORDER BY from konwent_id are for H2; see JdbiMembers). What the feed shows of a member changes only with
     * changed_at, so the ids and times of those rows, read from the index alone, are its fingerprint: any member
     * that joins or leaves enters them, whatever the clocks of the instances say.
     */
    private static final class Register implements Source {
        private static final String NEWEST = " FROM member USE INDEX (ix_member_konwent_changed) "
                + "WHERE konwent_id = :konwent "
                + "ORDER BY konwent_id DESC, changed_at DESC, id DESC LIMIT :limit";
        private static final RowMapper<FeedEntry> MAPPER = (rs, ctx) -> {
            boolean withdrawn = "WITHDRAWN".equals(rs.getString("status"));
            String name = rs.getString("name");
            return new FeedEntry(rs.getString("konwent_id"), FeedEntry.Kind.MEMBER, rs.getString("id"),
                    (withdrawn ? "Członek wystąpił: " : "Nowy członek: ") + name,
                    name + " (" + rs.getString("kind") + ")", Instant.ofEpochMilli(rs.getLong("joined_at")),
                    Instant.ofEpochMilli(rs.getLong("changed_at")));
        };

        @Override
        public List<FeedEntry> latest(Handle handle, List<String> konwents, int limit) {
            List<FeedEntry> entries = new ArrayList<>();
            for (String konwent : konwents) {
                entries.addAll(handle.createQuery("SELECT id, konwent_id, name, kind, status, joined_at, changed_at"
                        + NEWEST).bind("konwent", konwent).bind("limit", limit).map(MAPPER).list());
            }
            return entries;
        }

        String fingerprint(Handle handle, List<String> konwents, int limit) {
            StringBuilder fingerprint = new StringBuilder();
            for (String konwent : konwents) {
                handle.createQuery("SELECT id, changed_at" + NEWEST).bind("konwent", konwent).bind("limit", limit)
                        .map((rs, ctx) -> rs.getString(1) + "@" + rs.getLong(2))
                        .forEach(row -> fingerprint.append(row).append(','));
            }
            return fingerprint.toString();
        }
    }

    private static final Aggregated MEETINGS = new Aggregated("SELECT id, konwent_id, title, starts_at, ends_at, "
            + "venue_name, venue_address, online_url, scope, state, created_at, GREATEST(created_at, "
            + "COALESCE(invited_at, 0), COALESCE(held_at, 0), COALESCE(cancelled_at, 0)) AS changed_at FROM meeting "
            + "WHERE konwent_id IN (<konwents>) ORDER BY changed_at DESC, id LIMIT :limit",
            "SELECT CONCAT(COUNT(*), '.', COALESCE(SUM(version), 0)) FROM meeting WHERE konwent_id IN (<konwents>)",
            (rs, ctx) -> new FeedEntry(rs.getString("konwent_id"), FeedEntry.Kind.MEETING, rs.getString("id"),
                    meetingTitle(rs.getString("state"), rs.getString("title"), rs.getLong("starts_at")),
                    meetingSummary(rs.getLong("starts_at"), rs.getLong("ends_at"), rs.getString("venue_name"),
                            rs.getString("venue_address"), rs.getString("online_url"), rs.getString("scope")),
                    Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("changed_at"))));

    private static final Aggregated COUNCIL = new Aggregated("SELECT konwent_id, term_year, origin, installed_at "
            + "FROM council_term WHERE konwent_id IN (<konwents>) ORDER BY installed_at DESC, term_year LIMIT :limit",
            "SELECT CONCAT(COUNT(*), '.', COALESCE(SUM(version), 0)) FROM council_term "
                    + "WHERE konwent_id IN (<konwents>)",
            (rs, ctx) -> {
                Instant installed = Instant.ofEpochMilli(rs.getLong("installed_at"));
                boolean appointed = "APPOINTED".equals(rs.getString("origin"));
                return new FeedEntry(rs.getString("konwent_id"), FeedEntry.Kind.COUNCIL,
                        Integer.toString(rs.getInt("term_year")), "Rada programowa na rok " + rs.getInt("term_year"),
                        appointed ? "Pierwsza rada, powołana przez departament." : "Rada wybrana przez członków.",
                        installed, installed);
            });

    /**
     * Only PUBLIC documents: an INTERNAL one never reaches a feed. Of the body only as much is read as an excerpt
     * can show.
     */
    private static final Aggregated DOCUMENTS = new Aggregated("SELECT id, konwent_id, title, kind, doc_date, "
            + "SUBSTRING(body, 1, " + 2 * Excerpt.LENGTH + ") AS body_start, published_at, updated_at "
            + "FROM document WHERE konwent_id IN (<konwents>) AND visibility = 'PUBLIC' "
            + "ORDER BY updated_at DESC, id LIMIT :limit",
            "SELECT CONCAT(COUNT(*), '.', COALESCE(SUM(version), 0)) FROM document WHERE konwent_id IN (<konwents>) "
                    + "AND visibility = 'PUBLIC'",
            (rs, ctx) -> {
                Instant updated = Instant.ofEpochMilli(rs.getLong("updated_at"));
                long publishedAt = rs.getLong("published_at");
                Instant published = rs.wasNull() ? updated : Instant.ofEpochMilli(publishedAt);
                return new FeedEntry(rs.getString("konwent_id"), FeedEntry.Kind.DOCUMENT, rs.getString("id"),
                        rs.getString("title"), documentSummary(rs.getString("body_start"), rs.getString("kind"),
                                rs.getDate("doc_date").toLocalDate()), published, updated);
            });

    /**
     * Only PUBLIC tasks of the calendar (issue 23): an INTERNAL one never reaches a feed. Its fingerprint counts the
     * newest creation too, so a task deleted and another added between two polls still changes it.
     */
    private static final Aggregated TASKS = new Aggregated("SELECT id, konwent_id, title, description, due_on, "
            + "created_at, completed_at, GREATEST(created_at, COALESCE(completed_at, 0)) AS changed_at "
            + "FROM calendar_task WHERE konwent_id IN (<konwents>) AND visibility = 'PUBLIC' "
            + "ORDER BY changed_at DESC, id LIMIT :limit",
            "SELECT CONCAT(COUNT(*), '.', COALESCE(SUM(version), 0), '.', COALESCE(MAX(created_at), 0)) "
                    + "FROM calendar_task WHERE konwent_id IN (<konwents>) AND visibility = 'PUBLIC'",
            (rs, ctx) -> {
                java.time.LocalDate due = rs.getObject("due_on", java.time.LocalDate.class);
                rs.getLong("completed_at");
                boolean done = !rs.wasNull();
                String description = rs.getString("description");
                String when = "Termin: " + due.format(DateTimeFormatter.ofPattern("d.MM.yyyy")) + (done
                        ? " (wykonane)" : "");
                return new FeedEntry(rs.getString("konwent_id"), FeedEntry.Kind.TASK, rs.getString("id"),
                        rs.getString("title"), description == null ? when : when + ". " + description,
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("changed_at")));
            });

    private static final Register REGISTER = new Register();
    private static final List<Source> SOURCES = List.of(DOCUMENTS, MEETINGS, COUNCIL, TASKS, REGISTER);
    /** The small sources' fingerprints in one statement: one round trip, not three, for every conditional poll. */
    private static final String SMALL_FINGERPRINTS = Stream.of(DOCUMENTS, MEETINGS, COUNCIL, TASKS)
            .map(source -> "(" + source.fingerprint() + ")").collect(Collectors.joining(", ", "SELECT ", ""));

    private final Jdbi jdbi;

    public JdbiFeedSources(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<FeedEntry> latest(List<KonwentId> konwents, int limit) {
        List<String> ids = ids(konwents);
        List<FeedEntry> entries = new ArrayList<>();
        jdbi.useHandle(handle -> {
            for (Source source : SOURCES) {
                entries.addAll(source.latest(handle, ids, limit));
            }
        });
        return entries.stream()
                .sorted(Comparator.comparing(FeedEntry::updated).reversed()
                        .thenComparing(FeedEntry::kind).thenComparing(FeedEntry::subjectId))
                .limit(limit)
                .toList();
    }

    @Override
    public String fingerprint(List<KonwentId> konwents, int limit) {
        List<String> ids = ids(konwents);
        StringBuilder fingerprint = new StringBuilder();
        jdbi.useHandle(handle -> {
            handle.createQuery(SMALL_FINGERPRINTS).bindList("konwents", ids).map((rs, ctx) -> {
                for (int column = 1; column <= 4; column++) {
                    fingerprint.append(rs.getString(column)).append(';');
                }
                return fingerprint;
            }).one();
            fingerprint.append(REGISTER.fingerprint(handle, ids, limit));
        });
        return fingerprint.toString();
    }

    @Override
    public Optional<String> stamp(KonwentId konwent, boolean withMemberKonwents) {
        return PublicStamps.feed(jdbi, konwent.value(), withMemberKonwents);
    }

    private static List<String> ids(List<KonwentId> konwents) {
        return konwents.stream().map(KonwentId::value).toList();
    }

    /** D2: the start of the body; the kind and date of a document without one. */
    private static String documentSummary(String bodyStart, String kind, LocalDate date) {
        String excerpt = Excerpt.of(bodyStart);
        return excerpt != null ? excerpt : kind + ", " + date;
    }

    /** D2: when and where, the online link when it has one (O4), and its scope. */
    private static String meetingSummary(long startsAt, long endsAt, String venueName, String venueAddress,
                                         String onlineUrl, String scope) {
        StringBuilder summary = new StringBuilder("Termin: ").append(DAY.format(Instant.ofEpochMilli(startsAt)))
                .append("–").append(sameDay(startsAt, endsAt) ? HOUR.format(Instant.ofEpochMilli(endsAt))
                        : DAY.format(Instant.ofEpochMilli(endsAt))).append(". Miejsce: ").append(venueName);
        if (venueAddress != null && !venueAddress.isBlank()) {
            summary.append(", ").append(venueAddress);
        }
        summary.append('.');
        if (onlineUrl != null) {
            summary.append(" Online: ").append(onlineUrl).append('.');
        }
        if (scope != null && !scope.isBlank()) {
            summary.append(" Zakres: ").append(scope);
        }
        return Excerpt.of(summary.toString());
    }

    private static boolean sameDay(long startsAt, long endsAt) {
        return Instant.ofEpochMilli(startsAt).atZone(PolishTime.ZONE).toLocalDate()
                .equals(Instant.ofEpochMilli(endsAt).atZone(PolishTime.ZONE).toLocalDate());
    }

    private static String meetingTitle(String state, String title, long startsAt) {
        String when = DAY.format(Instant.ofEpochMilli(startsAt));
        return switch (state) {
            case "CANCELLED" -> "Odwołane posiedzenie: " + title + " (" + when + ")";
            case "HELD" -> "Posiedzenie odbyło się: " + title + " (" + when + ")";
            default -> "Posiedzenie: " + title + " (" + when + ")";
        };
    }
}
