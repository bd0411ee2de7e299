package pl.konwent.adapters.web.meetings;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.adapters.web.meetings.MeetingViews.RegistrationRequest;
import pl.konwent.adapters.web.meetings.MeetingViews.RegistrationView;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.meetings.Registration;
import pl.konwent.domain.meetings.RegistrationService;

/** Members' delegations to a meeting (O3), one per member, at {@code …/registrations/{memberId}}. */
@Path("/api/v1/konwents/{konwentId}/meetings/{meetingId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class RegistrationResource {
    private final RegistrationService registrations;

    public RegistrationResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GET
    public PageView<RegistrationView> list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                           @PathParam("meetingId") String meetingId,
                                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(registrations.list(caller, konwentId, meetingId, Paging.request(limit, cursor)),
                RegistrationView::of);
    }

    @POST
    public Response register(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             @PathParam("meetingId") String meetingId, RegistrationRequest body,
                             @Context UriInfo uri) {
        RegistrationRequest request = RequestBodies.required(body);
        Registration created = registrations.register(caller, konwentId, meetingId, request.memberId(),
                request.delegates());
        return Response.created(uri.getAbsolutePathBuilder().path(created.memberId()).build())
                .tag(Etags.ofVersion(created.version())).entity(RegistrationView.of(created)).build();
    }

    @GET
    @Path("/{memberId}")
    public Response get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                        @PathParam("meetingId") String meetingId, @PathParam("memberId") String memberId) {
        return found(registrations.get(caller, konwentId, meetingId, memberId));
    }

    @PUT
    @Path("/{memberId}")
    public Response change(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("meetingId") String meetingId, @PathParam("memberId") String memberId,
                           RegistrationRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RegistrationRequest request = RequestBodies.required(body);
        RequestBodies.requireSameId("memberId", request.memberId(), memberId);
        return found(registrations.change(caller, konwentId, meetingId, memberId, request.delegates(),
                Etags.expectedVersion(ifMatch)));
    }

    @DELETE
    @Path("/{memberId}")
    public Response withdraw(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             @PathParam("meetingId") String meetingId, @PathParam("memberId") String memberId) {
        registrations.withdraw(caller, konwentId, meetingId, memberId);
        return Response.noContent().build();
    }

    private static Response found(Registration registration) {
        return Response.ok(RegistrationView.of(registration)).tag(Etags.ofVersion(registration.version())).build();
    }
}
