package pl.konwent.adapters.jdbi.http;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import pl.konwent.adapters.jdbi.ClusterReads;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.adapters.web.http.IdempotencySecrets;
import pl.konwent.adapters.web.http.IdempotencyStore;
import pl.konwent.domain.membership.AnswerCopies;

/**
 * Idempotency records in table {@code idempotency_record}. The primary key (the record's keyed id) makes the first
 * claim win on any number of instances; the answer is stored, sealed, when the request ends. Nothing in a row is
 * readable without the server secret: the id, the fingerprint and the subject tags are keyed hashes, the answer is
 * encrypted (see {@link IdempotencySecrets}). Rows live for the retention and are then purged.
 */
public final class JdbiIdempotencyStore implements IdempotencyStore, AnswerCopies {
    private static final String PENDING = "PENDING";
    private static final String COMPLETED = "COMPLETED";
    /** The subjects column holds at most this many tags (25 characters each with the separator). */
    private static final int MAX_SUBJECTS = 39;

    private final Jdbi jdbi;
    private final IdempotencySecrets secrets;
    private final ClusterReads cluster;

    public JdbiIdempotencyStore(Jdbi jdbi, IdempotencySecrets secrets) {
        this(jdbi, secrets, ClusterReads.oneServer());
    }

    /**
     * @param cluster on a Galera cluster, the same key claimed through another node is waited for, so a retry sent
     *                to another instance gets the stored answer instead of 409
     */
    public JdbiIdempotencyStore(Jdbi jdbi, IdempotencySecrets secrets, ClusterReads cluster) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.cluster = cluster;
    }

    private record Existing(String fingerprint, String state, long claimedAt, byte[] sealed) {
    }

    @Override
    public Claim claim(String id, String fingerprint, Instant now, Instant staleBefore, Instant expiredBefore) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO idempotency_record "
                            + "(id, fingerprint, state, claimed_at) VALUES (:id, :fingerprint, :state, :now)")
                    .bind("id", id).bind("fingerprint", fingerprint)
                    .bind("state", PENDING).bind("now", now.toEpochMilli())
                    .execute());
            return new Claim(Outcome.CLAIMED, null);
        } catch (UnableToExecuteStatementException e) {
            // on a cluster, the same key inserted through another node and certified first aborts this insert as a
            // deadlock: the record exists, this node has yet to apply it
            if (!SqlErrors.isUniqueViolation(e) && !SqlErrors.isTransientConflict(e)) {
                throw e;
            }
        }
        Optional<Existing> found = cluster.readingAgainIfMissing(() -> find(id),
                existing -> existing.isEmpty() || PENDING.equals(existing.get().state()));
        if (found.isEmpty()) {
            // released or purged between our insert and this read: the caller may simply retry
            return new Claim(Outcome.IN_PROGRESS, null);
        }
        Existing existing = found.get();
        if (existing.claimedAt() < expiredBefore.toEpochMilli()) {
            // past its retention: the record is as good as purged, whatever request it was for
            return takeOver(id, existing, fingerprint, now) ? new Claim(Outcome.CLAIMED, null)
                    : new Claim(Outcome.IN_PROGRESS, null);
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Claim(Outcome.MISMATCH, null);
        }
        if (COMPLETED.equals(existing.state())) {
            return new Claim(Outcome.REPLAY, secrets.open(existing.sealed(), id));
        }
        if (existing.claimedAt() < staleBefore.toEpochMilli() && takeOver(id, existing, fingerprint, now)) {
            return new Claim(Outcome.CLAIMED, null);
        }
        return new Claim(Outcome.IN_PROGRESS, null);
    }

    @Override
    public void complete(String id, StoredResponse response, Collection<String> aboutIds) {
        Set<String> tags = new LinkedHashSet<>();
        aboutIds.stream().filter(about -> !about.isBlank()).limit(MAX_SUBJECTS)
                .forEach(about -> tags.add(secrets.subject(about)));
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE idempotency_record SET state = :state, "
                        + "subjects = :subjects, answer = :answer WHERE id = :id AND state = :pending")
                .bind("state", COMPLETED).bind("subjects", " " + String.join(" ", tags) + " ")
                .bind("answer", secrets.seal(response, id)).bind("id", id).bind("pending", PENDING)
                .execute());
    }

    @Override
    public void release(String id) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM idempotency_record WHERE id = :id AND state = :state")
                .bind("id", id).bind("state", PENDING)
                .execute());
    }

    @Override
    public int purge(Instant expiredBefore) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM idempotency_record WHERE claimed_at < :cutoff")
                .bind("cutoff", expiredBefore.toEpochMilli())
                .execute());
    }

    /** Erasure: the records whose request or answer named one of these ids are deleted, answers and all. */
    @Override
    public void forgetAbout(Collection<String> resourceIds) {
        List<String> patterns = resourceIds.stream().filter(about -> !about.isBlank())
                .map(about -> "% " + secrets.subject(about) + " %").toList();
        jdbi.useHandle(handle -> {
            for (String pattern : patterns) {
                handle.createUpdate("DELETE FROM idempotency_record WHERE subjects LIKE :pattern")
                        .bind("pattern", pattern).execute();
            }
        });
    }

    private Optional<Existing> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT fingerprint, state, claimed_at, answer "
                        + "FROM idempotency_record WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Existing(rs.getString("fingerprint"), rs.getString("state"),
                        rs.getLong("claimed_at"), rs.getBytes("answer")))
                .findOne());
    }

    /** Takes over a stale or expired record for a new request, if nobody else did since it was read. */
    private boolean takeOver(String id, Existing seen, String fingerprint, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE idempotency_record SET claimed_at = :now, "
                        + "fingerprint = :fingerprint, state = :pending, subjects = NULL, answer = NULL "
                        + "WHERE id = :id AND claimed_at = :claimedAt AND state = :state")
                .bind("now", now.toEpochMilli()).bind("fingerprint", fingerprint).bind("pending", PENDING)
                .bind("id", id).bind("claimedAt", seen.claimedAt()).bind("state", seen.state())
                .execute()) == 1;
    }
}
