package pl.konwent.adapters.web.meetings;

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
import java.time.Clock;
import java.util.Optional;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.adapters.web.meetings.OrganiserViews.ApplicationReceipt;
import pl.konwent.adapters.web.meetings.OrganiserViews.ApplicationRequest;
import pl.konwent.adapters.web.meetings.OrganiserViews.ApplicationView;
import pl.konwent.adapters.web.meetings.OrganiserViews.AwardRequest;
import pl.konwent.adapters.web.meetings.OrganiserViews.CompetitionRequest;
import pl.konwent.adapters.web.meetings.OrganiserViews.CompetitionView;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.meetings.Competition;
import pl.konwent.domain.meetings.CompetitionApplication;
import pl.konwent.domain.meetings.CompetitionService;

/** O1: the organiser competition: announced and awarded by the department, applied to by institutions. */
@Path("/api/v1/konwents/{konwentId}/organiser-competitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CompetitionResource {
    private final CompetitionService competitions;
    private final Clock clock;

    public CompetitionResource(CompetitionService competitions, Clock clock) {
        this.competitions = competitions;
        this.clock = clock;
    }

    @GET
    public PageView<CompetitionView> list(@PathParam("konwentId") String konwentId, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        return Paging.view(competitions.list(konwentId, Paging.request(limit, cursor)),
                c -> CompetitionView.of(c, clock.instant()));
    }

    @POST
    public Response announce(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             CompetitionRequest body, @Context UriInfo uri) {
        Competition created = competitions.announce(caller, konwentId, RequestBodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(Etags.ofVersion(created.version())).entity(CompetitionView.of(created, clock.instant())).build();
    }

    @GET
    @Path("/{competitionId}")
    public Response get(@PathParam("konwentId") String konwentId, @PathParam("competitionId") String competitionId) {
        return found(competitions.get(konwentId, competitionId));
    }

    @POST
    @Path("/{competitionId}/applications")
    public Response apply(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                          @PathParam("competitionId") String competitionId, ApplicationRequest body,
                          @Context HttpServletRequest servlet, @Context UriInfo uri) {
        CompetitionApplication sent = competitions.apply(caller, konwentId, competitionId,
                RequestBodies.required(body).toInput(), servlet.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path(sent.id()).build())
                .entity(new ApplicationReceipt(sent.id(), sent.competitionId(), sent.submittedAt())).build();
    }

    @GET
    @Path("/{competitionId}/applications")
    public PageView<ApplicationView> applications(@Auth Optional<Caller> caller,
                                                  @PathParam("konwentId") String konwentId,
                                                  @PathParam("competitionId") String competitionId,
                                                  @QueryParam("limit") String limit,
                                                  @QueryParam("cursor") String cursor) {
        return Paging.view(competitions.applications(caller, konwentId, competitionId,
                Paging.request(limit, cursor)), ApplicationView::of);
    }

    @GET
    @Path("/{competitionId}/applications/{applicationId}")
    public ApplicationView application(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                       @PathParam("competitionId") String competitionId,
                                       @PathParam("applicationId") String applicationId) {
        return ApplicationView.of(competitions.application(caller, konwentId, competitionId, applicationId));
    }

    @POST
    @Path("/{competitionId}/award")
    public Response award(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                          @PathParam("competitionId") String competitionId, AwardRequest body) {
        AwardRequest request = RequestBodies.required(body);
        return found(competitions.award(caller, konwentId, competitionId,
                new CompetitionService.AwardInput(request.applicationId(), request.accountIds(), request.reason())));
    }

    private Response found(Competition competition) {
        return Response.ok(CompetitionView.of(competition, clock.instant()))
                .tag(Etags.ofVersion(competition.version())).build();
    }
}
