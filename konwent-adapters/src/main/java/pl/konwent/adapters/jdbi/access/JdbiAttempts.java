package pl.konwent.adapters.jdbi.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import pl.konwent.adapters.web.http.Hashes;
import pl.konwent.domain.shared.Attempts;

/**
 * Attempts in table {@code throttle_attempt}, one row each, shared by every instance over the same database (issue
 * 19: throttles counted per instance gave N instances N times the guesses). A key is stored as the hex HMAC-SHA256
 * of its text under a key derived from the server secret: fixed length, compared byte for byte, so no collation
 * (case, accents, MariaDB's PAD SPACE) can merge or split keys, and no personal data for a database reader, who
 * could otherwise hash every IPv4 address and known username to find whose attempts they are. Old attempts of a key go as it records a new one; those of quiet
 * keys go at most once a minute per bucket and instance.
 */
public final class JdbiAttempts implements Attempts {
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Dao dao;
    private final byte[] hashKey;
    private final Clock clock;
    private final Map<String, Instant> lastSweep = new ConcurrentHashMap<>();

    public JdbiAttempts(Jdbi jdbi, byte[] hashKey, Clock clock) {
        this.dao = jdbi.onDemand(Dao.class);
        this.hashKey = hashKey.clone();
        this.clock = clock;
    }

    @Override
    public Recent since(String bucket, String key, Instant since) {
        return dao.since(bucket, hash(key), since.toEpochMilli());
    }

    @Override
    public void record(String bucket, String key, Instant at, Instant forgetBefore) {
        String hash = hash(key);
        dao.forgetOld(bucket, hash, forgetBefore.toEpochMilli());
        dao.insert(UUID.randomUUID().toString(), bucket, hash, at.toEpochMilli());
        Instant now = clock.instant();
        Instant last = lastSweep.get(bucket);
        if (last == null || last.plus(SWEEP_EVERY).isBefore(now)) {
            lastSweep.put(bucket, now);
            dao.sweep(bucket, forgetBefore.toEpochMilli());
        }
    }

    @Override
    public void forget(String bucket, String key) {
        dao.forget(bucket, hash(key));
    }

    private String hash(String key) {
        return HexFormat.of().formatHex(Hashes.hmacSha256(hashKey, key.getBytes(StandardCharsets.UTF_8)));
    }

    public interface Dao {
        @SqlQuery("SELECT COUNT(*) AS n, MIN(at) AS first_at, MAX(at) AS last_at FROM throttle_attempt "
                + "WHERE bucket = :bucket AND key_hash = :key AND at > :since")
        @RegisterRowMapper(RecentMapper.class)
        Recent since(@Bind("bucket") String bucket, @Bind("key") String key, @Bind("since") long since);

        @SqlUpdate("INSERT INTO throttle_attempt (id, bucket, key_hash, at) VALUES (:id, :bucket, :key, :at)")
        void insert(@Bind("id") String id, @Bind("bucket") String bucket, @Bind("key") String key,
                    @Bind("at") long at);

        @SqlUpdate("DELETE FROM throttle_attempt WHERE bucket = :bucket AND key_hash = :key AND at <= :before")
        void forgetOld(@Bind("bucket") String bucket, @Bind("key") String key, @Bind("before") long before);

        @SqlUpdate("DELETE FROM throttle_attempt WHERE bucket = :bucket AND key_hash = :key")
        void forget(@Bind("bucket") String bucket, @Bind("key") String key);

        @SqlUpdate("DELETE FROM throttle_attempt WHERE bucket = :bucket AND at <= :before")
        void sweep(@Bind("bucket") String bucket, @Bind("before") long before);
    }

    public static final class RecentMapper implements RowMapper<Recent> {
        @Override
        public Recent map(ResultSet rs, StatementContext ctx) throws SQLException {
            int count = rs.getInt("n");
            return count == 0 ? Recent.NONE
                    : new Recent(count, Instant.ofEpochMilli(rs.getLong("first_at")),
                            Instant.ofEpochMilli(rs.getLong("last_at")));
        }
    }
}
