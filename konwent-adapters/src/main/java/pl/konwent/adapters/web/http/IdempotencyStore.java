package pl.konwent.adapters.web.http;

import java.time.Instant;
import java.util.Collection;

/**
 * Where the first answer to each Idempotency-Key is kept, in the database so that every instance and every
 * restart sees it, for a bounded time. A record is named by its id (keyed from the caller's scope and the key,
 * see {@link IdempotencySecrets}) and remembers one request ({@code fingerprint}).
 */
public interface IdempotencyStore {

    enum Outcome {
        /** The key is new (or its earlier holder died, or its record expired): run the request, then complete or release. */
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
     * Claims the record for this request. A claim still pending at {@code staleBefore} is taken over, so a key
     * whose request died with its server does not stay blocked; a record claimed before {@code expiredBefore} is
     * past its retention and counts as absent.
     */
    Claim claim(String id, String fingerprint, Instant now, Instant staleBefore, Instant expiredBefore);

    /** Stores the answer, and the resource ids it is about (request path and Location), by which erasure finds it. */
    void complete(String id, StoredResponse response, Collection<String> aboutIds);

    /** Forgets a claim whose request ended in a transient failure, so that a retry runs again. */
    void release(String id);

    /** Deletes every record claimed before {@code expiredBefore}; answers how many. */
    int purge(Instant expiredBefore);
}
