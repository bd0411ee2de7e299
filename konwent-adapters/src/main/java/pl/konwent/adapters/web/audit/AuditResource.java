package pl.konwent.adapters.web.audit;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.audit.AuditEntry;
import pl.konwent.domain.audit.AuditService;

/** A konwent's audit trail, newest first, for ADMIN and the konwent's DEPARTMENT. */
@Path("/api/v1/konwents/{konwentId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    public record AuditEntryView(String id, Instant at, String actor, String actorId, String action, String resource,
                                 int status, String outcome, String reason) {
        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.id(), entry.at(), entry.actorName(),
                    entry.actorId() == null ? null : entry.actorId().value(), entry.action(), entry.resource(),
                    entry.status(), entry.outcome().name(), entry.reason());
        }
    }

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    public PageView<AuditEntryView> list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("actor") String actor, @QueryParam("resource") String resource,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(audit.list(caller, konwentId, from, to, actor, resource, Paging.request(limit, cursor)),
                AuditEntryView::of);
    }
}
