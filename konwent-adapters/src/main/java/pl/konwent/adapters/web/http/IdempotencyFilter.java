package pl.konwent.adapters.web.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import pl.konwent.adapters.web.ProblemType;
import pl.konwent.domain.access.Caller;

/**
 * {@code Idempotency-Key} on POST: the first answer to a key is stored, and a repeat of the same request with
 * the same key gets that answer again ({@code Idempotent-Replayed: true}) without running anything. A key
 * reused for another request is refused with 422; one whose first request is still running, with 409.
 * Answers with 5xx or 429 are not kept, so the client may retry them.
 */
@Provider
@Priority(Priorities.USER)
public final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Duration PENDING_LEASE = Duration.ofMinutes(2);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final IdempotencyStore store;
    private final Clock clock;

    @Context
    private Providers providers;

    public IdempotencyFilter(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record ClaimedKey(String scope, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            request.abortWith(ProblemType.VALIDATION.response(
                    "Idempotency-Key must be 1 to 200 visible ASCII characters"));
            return;
        }
        byte[] body = readBody(request);
        request.setEntityStream(new ByteArrayInputStream(body));
        String scope = scopeOf(request);
        String fingerprint = fingerprint(request, body);
        Instant now = clock.instant();
        IdempotencyStore.Claim claim = store.claim(scope, key, fingerprint, now, now.minus(PENDING_LEASE));
        switch (claim.outcome()) {
            case CLAIMED -> request.setProperty(CLAIM, new ClaimedKey(scope, key));
            case REPLAY -> request.abortWith(replay(claim.response()));
            case IN_PROGRESS -> request.abortWith(ProblemType.IDEMPOTENCY_KEY_IN_USE.response(
                    "The first request with this Idempotency-Key has not finished; retry shortly"));
            case MISMATCH -> request.abortWith(ProblemType.IDEMPOTENCY_KEY_REUSED.response(
                    "This Idempotency-Key was first used for a different request; use a new key"));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!(request.getProperty(CLAIM) instanceof ClaimedKey claimed)) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500 || status == 429) {
            store.release(claimed.scope(), claimed.key());
            return;
        }
        byte[] body = ResponseBodies.serialize(providers, response);
        MediaType type = response.getMediaType();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        store.complete(claimed.scope(), claimed.key(), new IdempotencyStore.StoredResponse(status,
                type == null ? null : type.toString(), location, body));
    }

    private static Response replay(IdempotencyStore.StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null) {
            builder.entity(stored.body()).type(stored.contentType());
        }
        return builder.build();
    }

    /**
     * The caller a key belongs to: the authenticated account (whichever token or Basic login it used), or
     * everyone anonymous together. Keys of different accounts never meet.
     */
    private static String scopeOf(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        return principal instanceof Caller caller ? "account:" + caller.id().value() : "anonymous";
    }

    private static String fingerprint(ContainerRequestContext request, byte[] body) {
        byte[] target = (request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[target.length + body.length];
        System.arraycopy(target, 0, all, 0, target.length);
        System.arraycopy(body, 0, all, target.length, body.length);
        return Hashes.sha256Base64Url(all);
    }

    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        try (InputStream in = request.getEntityStream()) {
            // BodyLimitFilter already bounds the stream: past its limit this read fails with 413
            return in.readAllBytes();
        }
    }
}
