package pl.konwent.domain.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in a sliding window and refuses a key that reached its limit, with how long to wait.
 * Counts live in this instance's memory; with several instances each counts on its own.
 */
public final class Throttle {
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Clock clock;
    private final Duration window;
    private final int max;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public Throttle(Clock clock, Duration window, int max) {
        this.clock = clock;
        this.window = window;
        this.max = max;
    }

    /** Seconds to wait before {@code key} may act again; 0 when it may act now. */
    public long waitSeconds(String key) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return 0;
        }
        Instant now = clock.instant();
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return 0;
            }
            long millis = Duration.between(now, times.peekFirst().plus(window)).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    public void record(String key) {
        Instant now = clock.instant();
        if (events.size() > MAX_TRACKED_KEYS) {
            // a flood of distinct keys: forget the quiet ones rather than grow without bound
            events.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    public void forget(String key) {
        events.remove(key);
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
    }
}
