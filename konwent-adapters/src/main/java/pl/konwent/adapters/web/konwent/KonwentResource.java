package pl.konwent.adapters.web.konwent;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import java.util.Optional;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentService;

/** The konwents hosted here, each the tenant of everything below its path. */
@Path("/api/v1/konwents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class KonwentResource {
    private final KonwentService konwents;

    public KonwentResource(KonwentService konwents) {
        this.konwents = konwents;
    }

    @GET
    public PageView<KonwentView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(konwents.list(Paging.request(limit, cursor)), KonwentView::of);
    }

    @POST
    public Response create(@Auth Optional<Caller> caller, KonwentRequest body, @Context UriInfo uri) {
        KonwentRequest request = RequestBodies.required(body);
        Konwent created = konwents.create(caller, request.id(), request.toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().value()).build())
                .tag(Etags.ofVersion(created.version()))
                .entity(KonwentView.of(created))
                .build();
    }

    @GET
    @Path("/{konwentId}")
    public Response get(@PathParam("konwentId") String konwentId) {
        return found(konwents.get(konwentId));
    }

    @PUT
    @Path("/{konwentId}")
    public Response revise(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           KonwentRequest body,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        KonwentRequest request = RequestBodies.required(body);
        RequestBodies.requireSameId("id", request.id(), konwentId);
        return found(konwents.revise(caller, konwentId, request.toInput(), Etags.expectedVersion(ifMatch)));
    }

    private static Response found(Konwent konwent) {
        return Response.ok(KonwentView.of(konwent)).tag(Etags.ofVersion(konwent.version())).build();
    }
}
