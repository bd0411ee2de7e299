package pl.konwent.adapters.web.membership;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.adapters.web.membership.MembershipViews.ContactRequest;
import pl.konwent.adapters.web.membership.MembershipViews.DeclarationView;
import pl.konwent.adapters.web.membership.MembershipViews.MemberView;
import pl.konwent.adapters.web.membership.MembershipViews.PersonalDataView;
import pl.konwent.adapters.web.membership.MembershipViews.WithdrawalRequest;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MembershipService;

/** The member register (M5): public reads, personal data for those entitled, CSV export, changes, leaving. */
@Path("/api/v1/konwents/{konwentId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MemberResource {
    private final MembershipService membership;

    public MemberResource(MembershipService membership) {
        this.membership = membership;
    }

    /**
     * A register page. Its ETag comes from the register's stamp, whose contacts the caller may see and the request's
     * address (filters, limit, cursor), so a conditional GET is answered 304 from one read (issue 20).
     */
    @GET
    public Response list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                         @QueryParam("kind") String kind, @QueryParam("voivodeship") String voivodeship,
                         @QueryParam("town") String town, @QueryParam("status") String status,
                         @QueryParam("q") String q, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor, @Context Request request, @Context UriInfo uri) {
        Optional<EntityTag> tag = membership.registerVersion(caller, konwentId)
                .map(version -> Etags.ofStamp("register", version, uri.getRequestUri().toString()));
        if (tag.isPresent()) {
            Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag.get());
            if (unchanged != null) {
                return unchanged.build();
            }
        }
        PageView<MemberView> page = Paging.view(membership.members(caller, konwentId, kind, voivodeship, town,
                status, q, Paging.request(limit, cursor)), MemberView::of);
        Response.ResponseBuilder answer = Response.ok(page);
        tag.ifPresent(answer::tag);
        return answer.build();
    }

    @GET
    @Produces(RegisterCsv.MEDIA_TYPE)
    public Response export(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @QueryParam("kind") String kind, @QueryParam("voivodeship") String voivodeship,
                           @QueryParam("town") String town, @QueryParam("status") String status,
                           @QueryParam("q") String q) {
        byte[] csv = RegisterCsv.write(membership.export(caller, konwentId, kind, voivodeship, town, status, q));
        return Response.ok(csv, RegisterCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"register-" + konwentId + ".csv\"")
                .build();
    }

    @GET
    @Path("/{memberId}")
    public Response get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                        @PathParam("memberId") String memberId) {
        MembershipService.MemberRead read = membership.member(caller, konwentId, memberId);
        long version = read.member().version();
        return Response.ok(MemberView.of(read)).tag(read.view() == MembershipService.View.FULL
                ? Etags.ofVersion(version) : Etags.ofPublicView(version)).build();
    }

    @PUT
    @Path("/{memberId}")
    public Response updateContact(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                  @PathParam("memberId") String memberId, ContactRequest body,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ContactRequest request = RequestBodies.required(body);
        return full(membership.updateContact(caller, konwentId, memberId, request.toInput(),
                Etags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/{memberId}/withdrawal")
    public Response withdraw(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             @PathParam("memberId") String memberId, WithdrawalRequest body) {
        WithdrawalRequest request = RequestBodies.required(body);
        return full(membership.withdraw(caller, konwentId, memberId, request.reason()));
    }

    @GET
    @Path("/{memberId}/personal-data")
    public PersonalDataView personalData(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                         @PathParam("memberId") String memberId) {
        return PersonalDataView.of(membership.personalData(caller, konwentId, memberId));
    }

    @DELETE
    @Path("/{memberId}/representatives/{representativeId}")
    public Response eraseRepresentative(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                        @PathParam("memberId") String memberId,
                                        @PathParam("representativeId") String representativeId) {
        membership.eraseRepresentative(caller, konwentId, memberId, representativeId);
        return Response.noContent().build();
    }

    private static Response full(Member member) {
        return Response.ok(MemberView.full(member)).tag(Etags.ofVersion(member.version())).build();
    }
}
