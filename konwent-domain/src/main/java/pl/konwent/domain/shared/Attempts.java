package pl.konwent.domain.shared;

import java.time.Instant;

/**
 * Recent attempts per key and bucket (logins that failed, anonymous submissions), kept where every instance of the
 * server sees them (outgoing port): N instances behind a load balancer must not allow N times the attempts.
 */
public interface Attempts {
    /** How many attempts of a key since a moment, and when the first and the last of them were; none: count 0. */
    record Recent(int count, Instant first, Instant last) {
        public static final Recent NONE = new Recent(0, null, null);
    }

    Recent since(String bucket, String key, Instant since);

    /** Records one attempt at {@code at}; attempts older than {@code forgetBefore} may be dropped meanwhile. */
    void record(String bucket, String key, Instant at, Instant forgetBefore);

    void forget(String bucket, String key);
}
