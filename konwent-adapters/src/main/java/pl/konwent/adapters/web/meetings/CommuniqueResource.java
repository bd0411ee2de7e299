package pl.konwent.adapters.web.meetings;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.adapters.web.meetings.OrganiserViews.CommuniqueRequest;
import pl.konwent.adapters.web.meetings.OrganiserViews.CommuniqueView;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.meetings.CommuniqueService;

/** O2: the communiqué of a held meeting: written, sent to the department, published. */
@Path("/api/v1/konwents/{konwentId}/meetings/{meetingId}/communique")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CommuniqueResource {
    private final CommuniqueService communiques;

    public CommuniqueResource(CommuniqueService communiques) {
        this.communiques = communiques;
    }

    @GET
    public Response get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                        @PathParam("meetingId") String meetingId) {
        return found(communiques.get(caller, konwentId, meetingId));
    }

    @PUT
    public Response write(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                          @PathParam("meetingId") String meetingId, CommuniqueRequest body,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        CommuniqueRequest request = RequestBodies.required(body);
        CommuniqueService.View view = communiques.write(caller, konwentId, meetingId, request.title(),
                request.text(), Etags.expectedVersion(ifMatch));
        if (view.created()) {
            return Response.created(uri.getAbsolutePath()).tag(Etags.ofVersion(view.communique().version()))
                    .entity(CommuniqueView.of(view)).build();
        }
        return found(view);
    }

    @POST
    @Path("/sending")
    public Response send(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                         @PathParam("meetingId") String meetingId) {
        return found(communiques.send(caller, konwentId, meetingId));
    }

    @POST
    @Path("/publication")
    public Response publish(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                            @PathParam("meetingId") String meetingId) {
        return found(communiques.publish(caller, konwentId, meetingId));
    }

    private static Response found(CommuniqueService.View view) {
        return Response.ok(CommuniqueView.of(view)).tag(Etags.ofVersion(view.communique().version())).build();
    }
}
