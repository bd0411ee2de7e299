package pl.konwent.app.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand, so a server lives through a konwent's year in seconds. */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TestClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(Instant at) {
        now.set(at);
    }

    /** Moves to a moment given as RFC 3339 text, e.g. {@code 2027-03-10T12:00:00+01:00}. */
    public void set(String at) {
        now.set(java.time.OffsetDateTime.parse(at).toInstant());
    }

    public void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time, seen in another zone (Poland's calendar, for instance). */
    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(now, other);
    }
}
