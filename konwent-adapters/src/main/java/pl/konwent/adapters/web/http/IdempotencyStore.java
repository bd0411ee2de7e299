package pl.konwent.adapters.web.http;

import java.time.Instant;

/**
 * Where the first answer to each Idempotency-Key is kept, in the database so that every instance and every
 * restart sees it. A key belongs to one caller ({@code scope}) and one request ({@code fingerprint}).
 */
public interface IdempotencyStore {

    enum Outcome {
        /** The key is new (or its earlier holder died): run the request and then complete or release. */
        CLAIMED,
        /** The key has a stored answer for this very request: send it again. */
        REPLAY,
        /** Another request with this key is running now. */
        IN_PROGRESS,
        /** The key was used for a different request. */
        MISMATCH
    }

    record StoredResponse(int status, String contentType, String location, byte[] body) {
    }

    record Claim(Outcome outcome, StoredResponse response) {
    }

    /**
     * Claims the key for this request. A claim still pending at {@code staleBefore} is taken over, so a key
     * whose request died with its server does not stay blocked.
     */
    Claim claim(String scope, String key, String fingerprint, Instant now, Instant staleBefore);

    void complete(String scope, String key, StoredResponse response);

    /** Forgets a claim whose request ended in a transient failure, so that a retry runs again. */
    void release(String scope, String key);
}
