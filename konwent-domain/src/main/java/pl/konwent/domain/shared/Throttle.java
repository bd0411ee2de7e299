package pl.konwent.domain.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts events per key in a sliding window and refuses a key that reached its limit, with how long to wait. The
 * counts are {@link Attempts}, shared by every instance of the server (issue 19: N instances, one limit).
 */
public final class Throttle {
    private final Attempts attempts;
    private final String bucket;
    private final Clock clock;
    private final Duration window;
    private final int max;

    public Throttle(Attempts attempts, String bucket, Clock clock, Duration window, int max) {
        this.attempts = attempts;
        this.bucket = bucket;
        this.clock = clock;
        this.window = window;
        this.max = max;
    }

    /** Seconds to wait before {@code key} may act again; 0 when it may act now. */
    public long waitSeconds(String key) {
        Instant now = clock.instant();
        Attempts.Recent recent = attempts.since(bucket, key, now.minus(window));
        if (recent.count() < max) {
            return 0;
        }
        return secondsUntil(now, recent.first().plus(window));
    }

    public void record(String key) {
        Instant now = clock.instant();
        attempts.record(bucket, key, now, now.minus(window));
    }

    public void forget(String key) {
        attempts.forget(bucket, key);
    }

    /** Whole seconds from {@code now} until {@code then}, at least 1. */
    public static long secondsUntil(Instant now, Instant then) {
        long millis = Duration.between(now, then).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
