package pl.konwent.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.IdSource;

/**
 * Who is calling. A password is checked against its slow hash only at login (or on HTTP Basic); a bearer token
 * is 256 random bits, stored only as its SHA-256, so checking one costs a hash and a lookup, not bcrypt.
 * Failed logins are throttled per username and address ({@link LoginThrottle}); usernames are taken in their normal
 * form ({@link Usernames}).
 */
public final class Authentication {
    public record IssuedToken(String token, Instant expiresAt) {
    }

    private static final int TOKEN_BYTES = 32;

    private final Accounts accounts;
    private final RoleGrants grants;
    private final Tokens tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final IdSource ids;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final String decoyHash;

    public Authentication(Accounts accounts, RoleGrants grants, Tokens tokens, PasswordHasher hasher,
                          LoginThrottle throttle, IdSource ids, Clock clock, Duration tokenLifetime) {
        this.accounts = accounts;
        this.grants = grants;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.ids = ids;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.decoyHash = hasher.decoyHash();
    }

    /** Exchanges a username and password for a bearer token. */
    public IssuedToken login(String username, String password, String address) {
        Caller caller = byPassword(username, password, address).orElseThrow(
                () -> new DomainException.Unauthenticated("Wrong username or password, or the account is disabled"));
        byte[] secret = ids.secretBytes(TOKEN_BYTES);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(tokenLifetime);
        tokens.add(hashOf(token), caller.id(), now, expiresAt);
        return new IssuedToken(token, expiresAt);
    }

    /** The caller behind a username and password, if they match an enabled account (HTTP Basic, login). */
    public Optional<Caller> byPassword(String username, String password, String address) {
        String name = Usernames.normal(username);
        boolean failedBefore = throttle.check(name, address);
        Optional<Account> account = accounts.findByUsername(name);
        // the same slow hash runs whether or not the account exists, so timing does not reveal usernames
        boolean matches = hasher.matches(password == null ? "" : password,
                account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches || !account.get().enabled()) {
            throttle.failed(name, address);
            return Optional.empty();
        }
        if (failedBefore) {
            throttle.succeeded(name, address);
        }
        return Optional.of(callerOf(account.get()));
    }

    /** The caller behind a bearer token that exists, has not expired, and belongs to an enabled account. */
    public Optional<Caller> byToken(String token) {
        return tokens.holderOf(hashOf(token), clock.instant(), accounts)
                .filter(Account::enabled)
                .map(this::callerOf);
    }

    public void logout(String token) {
        tokens.remove(hashOf(token));
    }

    private Caller callerOf(Account account) {
        return new Caller(account.id(), account.username(), grants.of(account.id()));
    }

    static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
