package pl.konwent.domain.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import pl.konwent.domain.shared.Attempts;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Throttle;

/**
 * Slows down password guessing. Threat: an attacker guessing a member's password, and (issue 19) a stranger locking
 * a member out by failing on purpose. So failures count per username and address together: after
 * {@code freeFailures} of them within the window each further try from that address for that username waits twice
 * as long as the one before ({@code firstDelay}, then twice, four times … up to the window), while the same user from another address logs in
 * at once. One address failing for many usernames is refused after {@code maxPerAddress} within the window. The
 * counts are shared by every instance ({@link Attempts}); usernames are compared in their normal form
 * ({@link Usernames}).
 */
public final class LoginThrottle {
    private static final String PER_USERNAME_AND_ADDRESS = "login";
    private static final String PER_ADDRESS = "login-address";

    private final Attempts attempts;
    private final Clock clock;
    private final Duration window;
    private final Duration firstDelay;
    private final int freeFailures;
    private final Throttle perAddress;

    public LoginThrottle(Attempts attempts, Clock clock, Duration window, Duration firstDelay, int freeFailures,
                         int maxPerAddress) {
        this.attempts = attempts;
        this.clock = clock;
        this.window = window;
        this.firstDelay = firstDelay;
        this.freeFailures = freeFailures;
        this.perAddress = new Throttle(attempts, PER_ADDRESS, clock, window, maxPerAddress);
    }

    /**
     * Throws {@code TooManyAttempts} while this username from this address, or this address, must wait; otherwise
     * tells whether failures of this username from this address are on record (so that a success need only then
     * forget them: a plain Basic request writes nothing).
     */
    public boolean check(String username, String address) {
        Instant now = clock.instant();
        Attempts.Recent recent = attempts.since(PER_USERNAME_AND_ADDRESS, key(username, address), now.minus(window));
        long wait = 0;
        if (recent.count() >= freeFailures) {
            Instant allowedAt = recent.last().plus(delayAfter(recent.count()));
            wait = allowedAt.isAfter(now) ? Throttle.secondsUntil(now, allowedAt) : 0;
        }
        wait = Math.max(wait, perAddress.waitSeconds(address));
        if (wait > 0) {
            throw new DomainException.TooManyAttempts(
                    "Too many failed logins; try again in " + wait + " seconds", wait);
        }
        return recent.count() > 0;
    }

    /** The delay after {@code failures} failures: {@code firstDelay} once the free ones are used, then doubling. */
    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - freeFailures, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(window) > 0 ? window : delay;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        attempts.record(PER_USERNAME_AND_ADDRESS, key(username, address), now, now.minus(window));
        perAddress.record(address);
    }

    public void succeeded(String username, String address) {
        attempts.forget(PER_USERNAME_AND_ADDRESS, key(username, address));
    }

    private static String key(String username, String address) {
        return Usernames.normal(username) + "\u0000" + address;
    }
}
