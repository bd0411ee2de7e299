package pl.konwent.app;

import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.migrations.CloseableLiquibase;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase at start, skipped when the database already holds exactly this changelog (issue 20: Liquibase's check
 * of every applied changeset was 39% of a start). After an update, under Liquibase's lock, the changelog's
 * fingerprint (SHA-256 of changelog.xml and every file it includes, in order) is recorded in
 * {@code changelog_fingerprint} with the number of rows of DATABASECHANGELOG, but only once every changeset of the
 * changelog that applies to this database is found applied. A later start skips Liquibase when its changelog has
 * that fingerprint, DATABASECHANGELOG still has that many rows (a rollback or a hand edit removes some) and no one
 * holds Liquibase's lock (an instance migrating now); any other case, or any doubt (no table yet, an error),
 * runs Liquibase's full update as before, which waits for the lock. Two instances starting together both run
 * the update (the second finds nothing to do) or both skip. A changelog that Liquibase would treat differently
 * at each run ({@code runAlways}, {@code includeAll}) is never fingerprinted.
 */
final class Migrations {
    /** What a start did. */
    enum Outcome { UP_TO_DATE, MIGRATED }

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern INCLUDE = Pattern.compile("<include\\s[^>]*?file\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern UNSTABLE = Pattern.compile("runAlways\\s*=\\s*\"true\"|<includeAll\\b"
            + "|relativeToChangelogFile\\s*=\\s*\"true\"");

    private Migrations() {
    }

    /**
     * Brings the database up to the changelog, or finds it there; closes the data source. Starts within one JVM take
     * turns (tests run several servers in one): Liquibase keeps lock state per JVM, and two updates in one JVM were
     * seen to run the same changeset together; servers in separate processes wait on Liquibase's lock row.
     */
    static synchronized Outcome onStart(ManagedDataSource dataSource, String changelog) throws Exception {
        String fingerprint = fingerprint(changelog);
        if (fingerprint != null && upToDate(dataSource, fingerprint)) {
            dataSource.stop();
            return Outcome.UP_TO_DATE;
        }
        try (CloseableLiquibase liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(dataSource, changelog)) {
            Startup.migrateQuietly(liquibase);
            if (fingerprint != null) {
                record(dataSource, liquibase.getDatabase(), liquibase.getDatabaseChangeLog().getChangeSets(),
                        fingerprint);
            }
        }
        return Outcome.MIGRATED;
    }

    /** The changelog's fingerprint, or null when it has none (not found, or not the same at every run). */
    static String fingerprint(String changelog) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return add(digest, changelog, 0) ? HexFormat.of().formatHex(digest.digest()) : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean add(MessageDigest digest, String file, int depth) throws IOException {
        byte[] content;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null || depth > 20) {
                return false;
            }
            content = in.readAllBytes();
        }
        digest.update((file + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(content);
        String text = new String(content, StandardCharsets.UTF_8);
        if (UNSTABLE.matcher(text).find()) {
            return false;
        }
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            if (!add(digest, include.group(1), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the database holds the changelog with this fingerprint, as recorded, and no one is migrating it. */
    static boolean upToDate(DataSource dataSource, String fingerprint) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT f.fingerprint, f.changesets,"
                     + " (SELECT COUNT(*) FROM DATABASECHANGELOG),"
                     + " (SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE)"
                     + " FROM changelog_fingerprint f WHERE f.id = 1")) {
            return row.next() && fingerprint.equals(row.getString(1)) && row.getInt(2) == row.getInt(3)
                    && row.getInt(4) == 0;
        } catch (SQLException e) {
            return false; // no fingerprint table yet, or anything else: Liquibase decides
        }
    }

    /**
     * Under Liquibase's lock (taken as Liquibase takes it, with its own connection, so that it does not depend on
     * Liquibase's lock service, one per JVM): records the fingerprint if every changeset of the changelog that
     * applies to this database is applied (read afresh), with the number of applied rows; otherwise clears it. A
     * failure here only leaves the next start to Liquibase: it never fails this one.
     */
    private static void record(DataSource dataSource, Database database, List<ChangeSet> changeSets,
                               String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection)) {
                LOG.warn("Liquibase's lock stayed taken: the changelog's fingerprint is not recorded");
                return;
            }
            try {
                Set<String> applied = new HashSet<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT ID, AUTHOR, FILENAME FROM DATABASECHANGELOG")) {
                    while (rows.next()) {
                        applied.add(key(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
                boolean complete = changeSets.stream()
                        .filter(changeSet -> DatabaseList.definitionMatches(changeSet.getDbmsSet(), database, true))
                        .allMatch(changeSet -> applied.contains(key(changeSet.getId(), changeSet.getAuthor(),
                                changeSet.getStoredFilePath())) || applied.contains(key(changeSet.getId(),
                                changeSet.getAuthor(), changeSet.getFilePath())));
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE changelog_fingerprint SET fingerprint = ?, changesets = ? WHERE id = 1")) {
                    update.setString(1, complete ? fingerprint : "");
                    update.setInt(2, applied.size());
                    update.executeUpdate();
                }
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKGRANTED = NULL,"
                            + " LOCKEDBY = NULL WHERE ID = 1");
                }
            }
        } catch (SQLException e) {
            LOG.warn("The changelog's fingerprint is not recorded: {}", e.toString());
        }
    }

    /** Takes Liquibase's lock as Liquibase does (a conditional update of its one row), waiting up to 5 minutes. */
    private static boolean lock(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (PreparedStatement take = connection.prepareStatement("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE,"
                + " LOCKGRANTED = ?, LOCKEDBY = ? WHERE ID = 1 AND LOCKED = FALSE")) {
            take.setTimestamp(1, Timestamp.from(Instant.now()));
            take.setString(2, "konwent changelog fingerprint");
            while (take.executeUpdate() != 1) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private static String key(String id, String author, String file) {
        String path = file == null ? ""
                : file.replace('\\', '/').replaceFirst("^classpath:", "").replaceFirst("^/", "");
        return (id + "\u0000" + author + "\u0000" + path).toLowerCase(Locale.ROOT);
    }
}
