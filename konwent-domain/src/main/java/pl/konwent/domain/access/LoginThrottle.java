package pl.konwent.domain.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pl.konwent.domain.shared.DomainException;

/**
 * Refuses logins for a username or from an address after too many recent failures (guessing passwords). The
 * counts live in this instance's memory: with several instances each counts on its own (docs/operations.md).
 */
public final class LoginThrottle {
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Clock clock;
    private final Duration window;
    private final int maxPerUsername;
    private final int maxPerAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int maxPerUsername, int maxPerAddress) {
        this.clock = clock;
        this.window = window;
        this.maxPerUsername = maxPerUsername;
        this.maxPerAddress = maxPerAddress;
    }

    /** Throws {@code TooManyAttempts} when the username or the address has failed too often lately. */
    public void check(String username, String address) {
        Instant now = clock.instant();
        long wait = Math.max(retryAfter("user:" + username, maxPerUsername, now),
                retryAfter("addr:" + address, maxPerAddress, now));
        if (wait > 0) {
            throw new DomainException.TooManyAttempts(
                    "Too many failed logins; try again in " + wait + " seconds", wait);
        }
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        record("user:" + username, now);
        record("addr:" + address, now);
    }

    public void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private void record(String key, Instant now) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            // a flood of distinct names: forget the quiet ones rather than grow without bound
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private long retryAfter(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return 0;
            }
            Instant oldest = times.peekFirst();
            long millis = Duration.between(now, oldest.plus(window)).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
    }
}
