package pl.konwent.adapters.web.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.util.Arrays;

/**
 * Gives every successful read an ETag and answers a matching If-None-Match with 304, in one place for all
 * resources. A resource that knows its version sets the tag itself ({@link Etags}); otherwise the tag is a
 * hash of the body, which is written once here and handed on as bytes.
 * <p>
 * Threat (issue 19, API3): a shared cache handing one caller's view to another. What a read shows can depend on
 * who asks (a member's contacts, an account, a declaration), so every read says {@code Vary: Authorization}, and a
 * read made with credentials is {@code Cache-Control: private, no-store} unless its resource says otherwise.
 */
@Provider
@Priority(Priorities.ENTITY_CODER + 100)
public final class ConditionalGetFilter implements ContainerResponseFilter {
    static final String PERSONAL = "private, no-store";

    @Context
    private Providers providers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String method = request.getMethod();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PERSONAL);
        }
        if (response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            byte[] body = ResponseBodies.serialize(providers, response);
            tag = new EntityTag(Hashes.sha256Base64Url(body).substring(0, 27));
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /** Weak comparison over a list of tags, as RFC 9110 §13.1.2 asks of If-None-Match. */
    static boolean matches(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(candidate -> candidate.startsWith("W/") ? candidate.substring(2) : candidate)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals("\"" + current.getValue() + "\""));
    }
}
