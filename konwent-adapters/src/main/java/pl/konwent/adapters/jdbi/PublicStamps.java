package pl.konwent.adapters.jdbi;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The version stamps of what the public reads of a konwent (table {@code public_stamp}, issue 20): a conditional GET
 * of a register page or a feed reads one row by its key instead of what the answer is made of.
 * <p>
 * Threat: a stale ETag, a 304 for an answer that changed. Every writer of what a register page or a feed shows
 * changes its data and the stamp in one transaction ({@link #writing}), so no reader, at any instance, sees the new
 * data under the old stamp or the old data under the new one. A writer that changed nothing leaves the stamp as it
 * was. A stamp is a random number, not a count (see {@link #next}). Ballots write none of these tables, so the row is not one every ballot updates; writers of one konwent's
 * public data queue on it only until they commit.
 */
public final class PublicStamps {
    /** Which stamps a write changes: the feed's, or the register's and the feed's (the feed shows members too). */
    public enum Scope {
        FEED("feed_version = :stamp"),
        REGISTER("register_version = :stamp, feed_version = :stamp");

        private final String assignments;

        Scope(String assignments) {
            this.assignments = assignments;
        }
    }

    private PublicStamps() {
    }

    /** A konwent's first stamps, written with the konwent. */
    public static void create(Handle handle, String konwentId) {
        long stamp = next();
        handle.createUpdate("INSERT INTO public_stamp (konwent_id, register_version, feed_version) "
                + "VALUES (:konwent, :stamp, :stamp)").bind("konwent", konwentId).bind("stamp", stamp).execute();
    }

    /**
     * Runs {@code write} (which answers the rows it changed) and, when it changed any, the stamps of {@code scope}, in
     * one transaction: the caller's unit of work when there is one, else its own.
     */
    public static int writing(Jdbi jdbi, String konwentId, Scope scope,
                              HandleCallback<Integer, RuntimeException> write) {
        return writing(jdbi, konwentId, scope, handle -> true, write);
    }

    /**
     * The same for a row the public may not see (an INTERNAL document or task): the stamps change only when
     * {@code shown}, asked before the write, says the public saw the row or will. Threat: a feed's ETag that changes
     * with an INTERNAL document would tell every reader that the department wrote one.
     */
    public static int writing(Jdbi jdbi, String konwentId, Scope scope, HandleCallback<Boolean, RuntimeException> shown,
                              HandleCallback<Integer, RuntimeException> write) {
        return jdbi.inTransaction(handle -> {
            boolean visible = shown.withHandle(handle);
            int changed = write.withHandle(handle);
            if (changed > 0 && visible) {
                handle.createUpdate("UPDATE public_stamp SET " + scope.assignments + " WHERE konwent_id = :konwent")
                        .bind("stamp", next()).bind("konwent", konwentId).execute();
            }
            return changed;
        });
    }

    /**
     * A new stamp: random, not the old one plus one, so that a database restored from a backup (its stamps back
     * where they were) cannot hand out again, for other data, a stamp a client already holds a tag of.
     */
    private static long next() {
        return ThreadLocalRandom.current().nextLong();
    }

    /** The register's stamp of a konwent; empty for a konwent with none (not one, or not stamped). */
    public static OptionalLong register(Jdbi jdbi, String konwentId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT register_version FROM public_stamp "
                        + "WHERE konwent_id = :konwent").bind("konwent", konwentId).mapTo(Long.class).findOne())
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * The feed's stamp of a konwent, with those of the konwents its ACTIVE members of kind REGIONAL_KONWENT are
     * linked to when {@code withMemberKonwents} (the aggregated feed): one statement. Empty for a konwent with none.
     */
    public static Optional<String> feed(Jdbi jdbi, String konwentId, boolean withMemberKonwents) {
        String linked = withMemberKonwents ? " OR konwent_id IN (SELECT l.konwent_id FROM member_konwent_link l "
                + "JOIN member m ON m.id = l.member_id WHERE l.forum_id = :konwent AND m.status = 'ACTIVE')" : "";
        var stamps = jdbi.withHandle(handle -> handle.createQuery("SELECT konwent_id, feed_version FROM public_stamp "
                        + "WHERE konwent_id = :konwent" + linked + " ORDER BY konwent_id").bind("konwent", konwentId)
                .map((rs, ctx) -> rs.getString(1) + "@" + rs.getLong(2)).list());
        if (stamps.stream().noneMatch(stamp -> stamp.startsWith(konwentId + "@"))) {
            return Optional.empty();
        }
        return Optional.of(stamps.stream().collect(Collectors.joining(",")));
    }
}
