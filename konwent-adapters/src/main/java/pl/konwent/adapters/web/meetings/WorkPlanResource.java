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
import pl.konwent.adapters.web.meetings.OrganiserViews.WorkPlanRequest;
import pl.konwent.adapters.web.meetings.OrganiserViews.WorkPlanView;
import pl.konwent.adapters.web.meetings.OrganiserViews.WorkPlanVoteRequest;
import pl.konwent.adapters.web.voting.VoteViews.VoteView;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.meetings.WorkPlanService;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.voting.Vote;

/** O5: the yearly work plan and schedule, proposed by the council and adopted by the members' vote. */
@Path("/api/v1/konwents/{konwentId}/work-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WorkPlanResource {
    private final WorkPlanService plans;

    public WorkPlanResource(WorkPlanService plans) {
        this.plans = plans;
    }

    @GET
    public PageView<WorkPlanView> list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(plans.list(caller, konwentId, Paging.request(limit, cursor)), WorkPlanView::of);
    }

    @GET
    @Path("/{year}")
    public Response get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                        @PathParam("year") String year) {
        return found(plans.get(caller, konwentId, yearOf(konwentId, year)));
    }

    @PUT
    @Path("/{year}")
    public Response propose(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                            @PathParam("year") String year, WorkPlanRequest body,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        WorkPlanService.Proposal proposal = plans.propose(caller, konwentId, yearOf(konwentId, year),
                RequestBodies.required(body).toInput(), Etags.expectedVersion(ifMatch));
        if (proposal.created()) {
            return Response.created(uri.getAbsolutePath()).tag(Etags.ofVersion(proposal.view().plan().version()))
                    .entity(WorkPlanView.of(proposal.view())).build();
        }
        return found(proposal.view());
    }

    /** Calls the WORK_PLAN vote on the plan: a draft vote, answered with its Location under {@code …/votes}. */
    @POST
    @Path("/{year}/vote")
    public Response callVote(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             @PathParam("year") String year, WorkPlanVoteRequest body, @Context UriInfo uri) {
        WorkPlanVoteRequest request = body == null ? new WorkPlanVoteRequest(null, null, null, null) : body;
        Vote vote = plans.callVote(caller, konwentId, yearOf(konwentId, year), request.toInput());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/konwents").path(konwentId).path("votes")
                        .path(vote.id()).build())
                .tag(Etags.ofVersion(vote.version())).entity(VoteView.of(vote)).build();
    }

    private static Response found(WorkPlanService.View view) {
        return Response.ok(WorkPlanView.of(view)).tag(Etags.ofVersion(view.plan().version())).build();
    }

    private static int yearOf(String konwentId, String year) {
        if (year.matches("[0-9]{4}")) {
            return Integer.parseInt(year);
        }
        throw new DomainException.NotFound("Konwent '" + konwentId + "' has no work plan for '" + year + "'");
    }
}
