package pl.konwent.adapters.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import pl.konwent.adapters.web.http.Hashes;
import pl.konwent.domain.access.PasswordHasher;

/**
 * Remembers which password was verified against which stored hash, so that HTTP Basic costs one bcrypt check per
 * password and stored hash rather than one per request. Threats met: a remembered check outliving a password change or
 * reset (issue 19) — an entry is keyed by the stored hash itself, which every request reads afresh from the
 * database, so a new hash misses at once, on every instance; disabling an account and revoking a role are read from
 * the database on every request and never pass through here. Only a successful check is remembered, so guessing
 * still costs bcrypt every time. The password is held only as an HMAC under a random key of this process's memory.
 */
public final class VerifiedPasswords implements PasswordHasher {
    private static final int MAX_ENTRIES = 10_000;
    private static final Duration FORGET_UNUSED_AFTER = Duration.ofMinutes(10);

    private final PasswordHasher slow;
    private final byte[] key = new byte[32];
    private final Cache<String, Boolean> verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
            .expireAfterAccess(FORGET_UNUSED_AFTER).build();

    public VerifiedPasswords(PasswordHasher slow, SecureRandom random) {
        this.slow = slow;
        random.nextBytes(key);
    }

    @Override
    public String hash(String password) {
        return slow.hash(password);
    }

    @Override
    public String decoyHash() {
        return slow.decoyHash();
    }

    @Override
    public boolean matches(String password, String hash) {
        String entry = hash + "\u0000" + Base64.getEncoder()
                .encodeToString(Hashes.hmacSha256(key, password.getBytes(StandardCharsets.UTF_8)));
        if (verified.getIfPresent(entry) != null) {
            return true;
        }
        boolean matches = slow.matches(password, hash);
        if (matches) {
            verified.put(entry, Boolean.TRUE);
        }
        return matches;
    }
}
