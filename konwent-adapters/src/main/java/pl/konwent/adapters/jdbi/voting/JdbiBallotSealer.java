package pl.konwent.adapters.jdbi.voting;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pl.konwent.adapters.jdbi.SqlErrors;
import pl.konwent.adapters.security.ExponentialElGamal;
import pl.konwent.adapters.security.KeyWrap;
import pl.konwent.domain.voting.BallotSealer;

/**
 * V3, key custody option (a): each secret vote's ElGamal key pair lives in {@code ballot_key}, the public half in
 * clear, the private half only wrapped (AES-GCM) under a key derived from the server secret, bound to the vote and
 * its public key. Threat met: a copy of the database, its files and logs holds ciphertexts and a wrapped key it
 * cannot open; the operator who holds the server secret could, while the vote is open, so closing destroys the
 * wrapped key once the totals are stored. Public keys are cached per vote with their comb tables precomputed, so
 * sealing a ballot costs fixed-base multiplications only and no database read.
 */
public final class JdbiBallotSealer implements BallotSealer {
    private static final int CACHED_KEYS = 1_000;

    private final Jdbi jdbi;
    private final KeyWrap wrap;
    private final SecureRandom random;
    private final Map<String, ExponentialElGamal.PublicKey> publicKeys = new ConcurrentHashMap<>();

    public JdbiBallotSealer(Jdbi jdbi, KeyWrap wrap, SecureRandom random) {
        this.jdbi = jdbi;
        this.wrap = wrap;
        this.random = random;
    }

    @Override
    public void newKey(String voteId) {
        loadOrCreate(voteId);
    }

    @Override
    public byte[] seal(String voteId, int[] marks) {
        ExponentialElGamal.PublicKey key = publicKeys.get(voteId);
        if (key == null) {
            if (publicKeys.size() >= CACHED_KEYS) {
                publicKeys.clear();
            }
            key = publicKeys.computeIfAbsent(voteId, id -> new ExponentialElGamal.PublicKey(loadOrCreate(id)));
        }
        return key.encrypt(marks, random);
    }

    @Override
    public long[] openSums(String voteId, int options, List<byte[]> sealed, long bound) {
        if (sealed.isEmpty()) {
            return new long[options];
        }
        return jdbi.withHandle(handle -> {
            byte[][] row = handle.createQuery("SELECT public_key, wrapped_key FROM ballot_key WHERE vote_id = :vote")
                    .bind("vote", voteId).map((rs, ctx) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).findOne()
                    .orElseThrow(() -> new IllegalStateException("vote " + voteId + " has ballots but no key"));
            if (row[1] == null) {
                throw new IllegalStateException("the key of vote " + voteId + " was destroyed: it was counted already");
            }
            byte[] privateKey = wrap.unwrap(row[1], associatedData(voteId, row[0]));
            return ExponentialElGamal.decryptSums(privateKey, options, sealed, bound);
        });
    }

    @Override
    public void destroyKey(String voteId) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE ballot_key SET wrapped_key = NULL WHERE vote_id = :vote")
                .bind("vote", voteId).execute());
        publicKeys.remove(voteId);
    }

    /**
     * The vote's public key; a secret vote opened before ballots were sealed has none yet and gets one now (two
     * instances racing agree on the first one stored).
     */
    private byte[] loadOrCreate(String voteId) {
        return jdbi.withHandle(handle -> publicKey(handle, voteId).orElseGet(() -> {
            try {
                return insertKey(handle, voteId);
            } catch (RuntimeException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    return publicKey(handle, voteId).orElseThrow();
                }
                throw e;
            }
        }));
    }

    private byte[] insertKey(Handle handle, String voteId) {
        ExponentialElGamal.KeyPair pair = ExponentialElGamal.generate(random);
        handle.createUpdate("INSERT INTO ballot_key (vote_id, public_key, wrapped_key) "
                        + "VALUES (:vote, :public, :wrapped)")
                .bind("vote", voteId).bind("public", pair.publicKey())
                .bind("wrapped", wrap.wrap(pair.privateKey(), associatedData(voteId, pair.publicKey())))
                .execute();
        return pair.publicKey();
    }

    private static Optional<byte[]> publicKey(Handle handle, String voteId) {
        return handle.createQuery("SELECT public_key FROM ballot_key WHERE vote_id = :vote").bind("vote", voteId)
                .map((rs, ctx) -> rs.getBytes(1)).findOne();
    }

    /** Binds a wrapped key to its vote and public key: moved to another row it no longer opens. */
    private static byte[] associatedData(String voteId, byte[] publicKey) {
        return ("konwent/ballot-key/v1/" + voteId + "/" + HexFormat.of().formatHex(publicKey))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
