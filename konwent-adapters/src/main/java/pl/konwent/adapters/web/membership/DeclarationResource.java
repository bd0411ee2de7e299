package pl.konwent.adapters.web.membership;

import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.adapters.web.membership.MembershipViews.DecisionRequest;
import pl.konwent.adapters.web.membership.MembershipViews.DeclarationRequest;
import pl.konwent.adapters.web.membership.MembershipViews.DeclarationView;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.membership.Declaration;
import pl.konwent.domain.membership.MembershipService;

/** Membership declarations: anyone submits; the council (or, before one exists, the department) decides. */
@Path("/api/v1/konwents/{konwentId}/declarations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DeclarationResource {
    private final MembershipService membership;

    public DeclarationResource(MembershipService membership) {
        this.membership = membership;
    }

    @POST
    public Response submit(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           DeclarationRequest body,
                           @Context HttpServletRequest servlet, @Context UriInfo uri) {
        DeclarationRequest request = RequestBodies.required(body);
        Declaration submitted = membership.submit(caller, konwentId, request.toInput(), servlet.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path(submitted.id()).build())
                .entity(DeclarationView.of(submitted)).build();
    }

    @GET
    public PageView<DeclarationView> list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                          @QueryParam("state") String state, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        return Paging.view(membership.declarations(caller, konwentId, state, Paging.request(limit, cursor)),
                DeclarationView::of);
    }

    @GET
    @Path("/{declarationId}")
    public DeclarationView get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                               @PathParam("declarationId") String declarationId) {
        return DeclarationView.of(membership.declaration(caller, konwentId, declarationId));
    }

    @POST
    @Path("/{declarationId}/decision")
    public DeclarationView decide(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                  @PathParam("declarationId") String declarationId, DecisionRequest body) {
        DecisionRequest request = RequestBodies.required(body);
        return DeclarationView.of(membership.decide(caller, konwentId, declarationId, request.outcome(),
                request.reason()));
    }
}
