package pl.konwent.adapters.web.voting;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;
import pl.konwent.adapters.web.documents.DocumentResource;
import pl.konwent.adapters.web.documents.DocumentViews.FileView;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.adapters.web.voting.AuthorisationViews.AuthorisationDecisionRequest;
import pl.konwent.adapters.web.voting.AuthorisationViews.AuthorisationRequest;
import pl.konwent.adapters.web.voting.AuthorisationViews.AuthorisationView;
import pl.konwent.adapters.web.voting.AuthorisationViews.RevocationRequest;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.documents.DocumentFile;
import pl.konwent.domain.voting.Authorisation;
import pl.konwent.domain.voting.AuthorisationService;

/** V4: substitutes' and proxies' authorisations; the ballots under them go to the vote's ballots as any other. */
@Path("/api/v1/konwents/{konwentId}/authorisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthorisationResource {
    private final AuthorisationService authorisations;

    public AuthorisationResource(AuthorisationService authorisations) {
        this.authorisations = authorisations;
    }

    @GET
    public PageView<AuthorisationView> list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                            @QueryParam("memberId") String memberId,
                                            @QueryParam("state") String state, @QueryParam("held") boolean held,
                                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(authorisations.list(caller, konwentId, memberId, state, held,
                Paging.request(limit, cursor)), AuthorisationView::of);
    }

    @POST
    public Response submit(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           AuthorisationRequest body, @Context UriInfo uri) {
        Authorisation created = authorisations.submit(caller, konwentId, RequestBodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(Etags.ofVersion(created.version())).entity(AuthorisationView.of(created)).build();
    }

    @GET
    @Path("/{authorisationId}")
    public Response get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                        @PathParam("authorisationId") String id) {
        Authorisation found = authorisations.get(caller, konwentId, id);
        return Response.ok(AuthorisationView.of(found)).tag(Etags.ofVersion(found.version())).build();
    }

    /** The signed authorisation: the raw PDF, DOCX or ODT is the body; its name from ?filename= or the header. */
    @POST
    @Path("/{authorisationId}/file")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("authorisationId") String id, @QueryParam("filename") String filename,
                           @HeaderParam("Content-Disposition") String disposition, InputStream body,
                           @Context UriInfo uri) {
        DocumentFile file = authorisations.attachFile(caller, konwentId, id,
                filename != null ? filename : DocumentResource.nameIn(disposition), body);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/konwents").path(konwentId).path("documents")
                .path(file.documentId()).path("files").path(file.id()).build()).entity(FileView.of(file)).build();
    }

    @POST
    @Path("/{authorisationId}/decision")
    public AuthorisationView decide(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                    @PathParam("authorisationId") String id, AuthorisationDecisionRequest body) {
        AuthorisationDecisionRequest request = RequestBodies.required(body);
        return AuthorisationView.of(authorisations.decide(caller, konwentId, id, request.outcome(),
                request.reason()));
    }

    @POST
    @Path("/{authorisationId}/revocation")
    public AuthorisationView revoke(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                    @PathParam("authorisationId") String id, RevocationRequest body) {
        return AuthorisationView.of(authorisations.revoke(caller, konwentId, id,
                body == null ? null : body.reason()));
    }
}
