package pl.konwent.adapters.jdbi.http;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.adapters.web.http.IdempotencyStore;

/**
 * Idempotency keys in table {@code idempotency_key}. The primary key (scope, key) makes the first claim win on
 * any number of instances; the answer is stored when the request ends.
 */
public final class JdbiIdempotencyStore implements IdempotencyStore {
    private static final String PENDING = "PENDING";
    private static final String COMPLETED = "COMPLETED";

    private final Jdbi jdbi;

    public JdbiIdempotencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record Existing(String fingerprint, String state, long claimedAt, StoredResponse response) {
    }

    @Override
    public Claim claim(String scope, String key, String fingerprint, Instant now, Instant staleBefore) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO idempotency_key "
                            + "(scope, idem_key, fingerprint, state, claimed_at) "
                            + "VALUES (:scope, :key, :fingerprint, :state, :now)")
                    .bind("scope", scope).bind("key", key).bind("fingerprint", fingerprint)
                    .bind("state", PENDING).bind("now", now.toEpochMilli())
                    .execute());
            return new Claim(Outcome.CLAIMED, null);
        } catch (UnableToExecuteStatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
        Optional<Existing> found = find(scope, key);
        if (found.isEmpty()) {
            // released between our insert and this read: the caller may simply retry
            return new Claim(Outcome.IN_PROGRESS, null);
        }
        Existing existing = found.get();
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Claim(Outcome.MISMATCH, null);
        }
        if (COMPLETED.equals(existing.state())) {
            return new Claim(Outcome.REPLAY, existing.response());
        }
        if (existing.claimedAt() < staleBefore.toEpochMilli() && takeOver(scope, key, existing, now)) {
            return new Claim(Outcome.CLAIMED, null);
        }
        return new Claim(Outcome.IN_PROGRESS, null);
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE idempotency_key SET state = :state, "
                        + "response_status = :status, response_type = :type, response_location = :location, "
                        + "response_body = :body WHERE scope = :scope AND idem_key = :key")
                .bind("state", COMPLETED).bind("status", response.status()).bind("type", response.contentType())
                .bind("location", response.location()).bind("body", response.body())
                .bind("scope", scope).bind("key", key)
                .execute());
    }

    @Override
    public void release(String scope, String key) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM idempotency_key WHERE scope = :scope AND idem_key = :key AND state = :state")
                .bind("scope", scope).bind("key", key).bind("state", PENDING)
                .execute());
    }

    private Optional<Existing> find(String scope, String key) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT fingerprint, state, claimed_at, "
                        + "response_status, response_type, response_location, response_body "
                        + "FROM idempotency_key WHERE scope = :scope AND idem_key = :key")
                .bind("scope", scope).bind("key", key)
                .map((rs, ctx) -> new Existing(rs.getString("fingerprint"), rs.getString("state"),
                        rs.getLong("claimed_at"), new StoredResponse(rs.getInt("response_status"),
                        rs.getString("response_type"), rs.getString("response_location"),
                        rs.getBytes("response_body"))))
                .findOne());
    }

    private boolean takeOver(String scope, String key, Existing stale, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE idempotency_key SET claimed_at = :now "
                        + "WHERE scope = :scope AND idem_key = :key AND state = :state AND claimed_at = :claimedAt")
                .bind("now", now.toEpochMilli()).bind("scope", scope).bind("key", key)
                .bind("state", PENDING).bind("claimedAt", stale.claimedAt())
                .execute()) == 1;
    }
}
