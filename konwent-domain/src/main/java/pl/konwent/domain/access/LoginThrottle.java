package pl.konwent.domain.access;

import java.time.Clock;
import java.time.Duration;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Throttle;

/**
 * Refuses logins for a username or from an address after too many recent failures (guessing passwords). The
 * counts live in this instance's memory: with several instances each counts on its own (see README).
 */
public final class LoginThrottle {
    private final Throttle perUsername;
    private final Throttle perAddress;

    public LoginThrottle(Clock clock, Duration window, int maxPerUsername, int maxPerAddress) {
        this.perUsername = new Throttle(clock, window, maxPerUsername);
        this.perAddress = new Throttle(clock, window, maxPerAddress);
    }

    /** Throws {@code TooManyAttempts} when the username or the address has failed too often lately. */
    public void check(String username, String address) {
        long wait = Math.max(perUsername.waitSeconds(username), perAddress.waitSeconds(address));
        if (wait > 0) {
            throw new DomainException.TooManyAttempts(
                    "Too many failed logins; try again in " + wait + " seconds", wait);
        }
    }

    public void failed(String username, String address) {
        perUsername.record(username);
        perAddress.record(address);
    }

    public void succeeded(String username) {
        perUsername.forget(username);
    }
}
