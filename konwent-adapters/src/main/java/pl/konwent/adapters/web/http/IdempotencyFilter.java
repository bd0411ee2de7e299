package pl.konwent.adapters.web.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.konwent.adapters.web.ProblemType;
import pl.konwent.domain.access.Caller;

/**
 * {@code Idempotency-Key} on POST: the first answer to a key is stored, and a repeat of the same request with
 * the same key gets that answer again ({@code Idempotent-Replayed: true}) without running anything. A key
 * reused for another request is refused with 422; one whose first request is still running, with 409.
 * Answers with 5xx or 429 are not kept, so the client may retry them.
 *
 * <p>Records are kept for the retention (24 hours by default) and protected by {@link IdempotencySecrets}: a reader
 * of the database can neither confirm a guessed request nor read an answer. Keys are scoped so that one caller
 * cannot claim another's (threat: an anonymous client claiming a predictable key first, to block or hijack the real
 * request): a signed-in caller's keys are its account's; an anonymous caller's key is scoped by the request's
 * fingerprint as well, since anonymous callers cannot be told apart, so a key claimed first with another body is
 * another record and cannot block the real request, and only the same request can get its answer. An anonymous
 * request refused (4xx) keeps no record: it changed nothing, and anonymous keys cannot flood the table beyond what
 * the per-address limits let succeed.
 */
@Provider
@Priority(Priorities.USER)
public final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Duration PENDING_LEASE = Duration.ofMinutes(2);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final IdempotencyStore store;
    private final IdempotencySecrets secrets;
    private final Clock clock;
    private final Duration retention;

    @Context
    private Providers providers;

    @Context
    private ResourceInfo resourceInfo;

    public IdempotencyFilter(IdempotencyStore store, IdempotencySecrets secrets, Clock clock, Duration retention) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.retention = retention;
    }

    private record ClaimedKey(String id, boolean anonymous) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        if (resourceInfo.getResourceMethod() != null
                && resourceInfo.getResourceMethod().isAnnotationPresent(RefusesIdempotencyKey.class)) {
            request.abortWith(ProblemType.MALFORMED_REQUEST.response("This operation takes no Idempotency-Key: its "
                    + "answer carries a credential, which is never stored to be sent again; simply repeat the request"));
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            request.abortWith(ProblemType.VALIDATION.response(
                    "Idempotency-Key must be 1 to 200 visible ASCII characters"));
            return;
        }
        byte[] body = readBody(request);
        request.setEntityStream(new ByteArrayInputStream(body));
        URI uri = request.getUriInfo().getRequestUri();
        String fingerprint = secrets.fingerprint(request.getMethod(), uri.getRawPath(), uri.getRawQuery(), body);
        String account = accountOf(request);
        boolean anonymous = account == null;
        String id = anonymous ? secrets.recordId("anonymous", key, fingerprint)
                : secrets.recordId("account:" + account, key, null);
        Instant now = clock.instant();
        IdempotencyStore.Claim claim = store.claim(id, fingerprint, now, now.minus(PENDING_LEASE),
                now.minus(retention));
        switch (claim.outcome()) {
            case CLAIMED -> request.setProperty(CLAIM, new ClaimedKey(id, anonymous));
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
        if (status >= 500 || status == 429 || claimed.anonymous() && status >= 400) {
            try {
                store.release(claimed.id());
            } catch (RuntimeException databaseGone) {
                // the 503 of a database that went away (a Galera node killed) stays a 503, not a 500 thrown from
                // here; the claim is freed when its lease ends
                LOG.warn("Could not release idempotency key claim: {}", databaseGone.toString());
            }
            return;
        }
        byte[] body = ResponseBodies.serialize(providers, response);
        MediaType type = response.getMediaType();
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        store.complete(claimed.id(), new IdempotencyStore.StoredResponse(status,
                type == null ? null : type.toString(), location, body),
                aboutIds(request.getUriInfo().getRequestUri(), location));
    }

    /** The path segments of the request and of its answer's Location: the resources (and ids) it is about. */
    private static List<String> aboutIds(URI requestUri, String location) {
        List<String> segments = new ArrayList<>(List.of(requestUri.getPath().split("/")));
        if (location != null) {
            try {
                String path = URI.create(location).getPath();
                if (path != null) {
                    segments.addAll(List.of(path.split("/")));
                }
            } catch (IllegalArgumentException notAUri) {
                // a Location the server made is always a URI; nothing to add otherwise
            }
        }
        return segments.stream().filter(segment -> !segment.isEmpty()).distinct().toList();
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
     * The account a key belongs to (whichever token or Basic login it used); null for an anonymous caller. Keys of
     * different accounts never meet.
     */
    private static String accountOf(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        return principal instanceof Caller caller ? caller.id().value() : null;
    }

    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        try (InputStream in = request.getEntityStream()) {
            // BodyLimitFilter already bounds the stream: past its limit this read fails with 413
            return in.readAllBytes();
        }
    }
}
