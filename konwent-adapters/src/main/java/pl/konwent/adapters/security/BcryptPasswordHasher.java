package pl.konwent.adapters.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import pl.konwent.domain.access.PasswordHasher;

/**
 * bcrypt (cost from configuration, at least 10). Passwords longer than bcrypt's 72 bytes are pre-hashed with
 * SHA-512 rather than silently cut.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    public static final int MIN_COST = 10;

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifier;

    public BcryptPasswordHasher(int cost) {
        if (cost < MIN_COST || cost > 16) {
            throw new IllegalArgumentException("bcrypt cost must be between " + MIN_COST + " and 16");
        }
        this.cost = cost;
        this.hasher = BCrypt.with(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
        this.verifier = BCrypt.verifyer(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B));
    }

    @Override
    public String hash(String password) {
        return new String(hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * A well-formed bcrypt hash of the configured cost with a random salt and random hash bytes, made without
     * running bcrypt (issue 20: hashing a decoy password at cost 12 was a third of the main thread's time at each
     * start). Checking a password against it runs bcrypt at that cost with that salt, as against a stored hash.
     */
    @Override
    public String decoyHash() {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] raw = new byte[23];
        random.nextBytes(salt);
        random.nextBytes(raw);
        return new String(BCrypt.Version.VERSION_2B.formatter.createHashMessage(
                new BCrypt.HashData(cost, BCrypt.Version.VERSION_2B, salt, raw)), StandardCharsets.UTF_8);
    }

    @Override
    public boolean matches(String password, String hash) {
        return verifier.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
