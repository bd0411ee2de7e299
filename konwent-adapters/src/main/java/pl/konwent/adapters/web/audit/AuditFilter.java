package pl.konwent.adapters.web.audit;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pl.konwent.adapters.web.access.CallerAuthentication;
import pl.konwent.domain.audit.AuditService;

/**
 * Writes every state-changing request that reached a resource into the audit trail, whatever its outcome:
 * who, which operation (method and path template), which resource (its path, or the created one's), the status.
 * It never reads bodies, so secrets (ballot choices, passwords) cannot reach the trail.
 */
@Provider
@Priority(Priorities.USER + 100)
public final class AuditFilter implements ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String KONWENT = AuditFilter.class.getName() + ".konwent";
    private static final String REASON = AuditFilter.class.getName() + ".reason";
    private static final String RECORDED = AuditFilter.class.getName() + ".recorded";

    private final AuditService audit;

    public AuditFilter(AuditService audit) {
        this.audit = audit;
    }

    /**
     * What the trail cannot see in the path: the konwent a command acts in (a role granted through
     * /accounts/{id}/roles belongs to its konwent's trail) and the reason the actor gave (A2), if any.
     */
    public static void note(ContainerRequestContext request, String konwentId, String reason) {
        request.setProperty(KONWENT, konwentId);
        request.setProperty(REASON, reason);
    }

    /**
     * The entry of a command whose answer is known before it commits ({@code status}, {@code location}), to be
     * written inside the command's own transaction: the entry and the command are stored together or not at all,
     * in one commit (issue 20: a ballot). Unlike the filter's own write, a failure here fails the command. Once the
     * command has committed, {@link #recorded} keeps the filter from writing a second entry; if it has not, the
     * filter writes the entry of the answer actually given, as for any command.
     */
    public Runnable inTheCommand(ContainerRequestContext request, int status, URI location) {
        ExtendedUriInfo uri = (ExtendedUriInfo) request.getUriInfo();
        String resource = location != null ? location.getRawPath() : uri.getRequestUri().getRawPath();
        return () -> record(request, uri, resource, status);
    }

    /** The command's own transaction, with the entry of {@link #inTheCommand}, has committed. */
    public static void recorded(ContainerRequestContext request) {
        request.setProperty(RECORDED, Boolean.TRUE);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (SAFE.contains(request.getMethod()) || !(request.getUriInfo() instanceof ExtendedUriInfo uri)
                || uri.getMatchedResourceMethod() == null || request.getProperty(RECORDED) != null) {
            return;
        }
        String resource = response.getLocation() != null ? response.getLocation().getRawPath()
                : uri.getRequestUri().getRawPath();
        try {
            record(request, uri, resource, response.getStatus());
        } catch (RuntimeException e) {
            // the command itself has already happened; a lost audit line must not turn its answer into an error
            LOG.error("Could not record audit entry for {} {}", request.getMethod() + " " + template(uri), resource,
                    e);
        }
    }

    private void record(ContainerRequestContext request, ExtendedUriInfo uri, String resource, int status) {
        String konwentId = request.getProperty(KONWENT) instanceof String noted ? noted
                : uri.getPathParameters().getFirst("konwentId");
        if (konwentId == null && resource.startsWith("/api/v1/konwents/")) {
            konwentId = resource.substring("/api/v1/konwents/".length()).split("/")[0];
        }
        audit.record(CallerAuthentication.callerOf(request.getSecurityContext()), konwentId,
                request.getMethod() + " " + template(uri), resource, status,
                request.getProperty(REASON) instanceof String reason ? reason : null);
    }

    private static String template(ExtendedUriInfo uri) {
        List<UriTemplate> templates = new java.util.ArrayList<>(uri.getMatchedTemplates());
        Collections.reverse(templates);
        return templates.stream().map(UriTemplate::getTemplate).collect(Collectors.joining())
                .replace("//", "/");
    }

}
