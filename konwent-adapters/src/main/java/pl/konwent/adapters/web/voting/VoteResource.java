package pl.konwent.adapters.web.voting;

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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import pl.konwent.adapters.web.audit.AuditFilter;
import pl.konwent.adapters.web.http.CausalRead;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.adapters.web.voting.VoteViews.BallotRequest;
import pl.konwent.adapters.web.voting.VoteViews.BallotView;
import pl.konwent.adapters.web.voting.VoteViews.NonVoterView;
import pl.konwent.adapters.web.voting.VoteViews.ReminderView;
import pl.konwent.adapters.web.voting.VoteViews.ResultView;
import pl.konwent.adapters.web.voting.VoteViews.VoteRequest;
import pl.konwent.adapters.web.voting.VoteViews.VoteView;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.voting.Reminders;
import pl.konwent.domain.voting.Vote;
import pl.konwent.domain.voting.VotingService;

/** Resolution votes: prepared, opened and closed by the council or secretariat; one ballot per member. */
@Path("/api/v1/konwents/{konwentId}/votes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class VoteResource {
    private final VotingService voting;
    private final Reminders reminders;
    private final AuditFilter audit;

    public VoteResource(VotingService voting, Reminders reminders, AuditFilter audit) {
        this.voting = voting;
        this.reminders = reminders;
        this.audit = audit;
    }

    @GET
    public PageView<VoteView> list(@PathParam("konwentId") String konwentId, @QueryParam("state") String state,
                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(voting.list(konwentId, state, Paging.request(limit, cursor)), VoteView::of);
    }

    @POST
    public Response create(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId, VoteRequest body,
                           @Context UriInfo uri) {
        Vote created = voting.create(caller, konwentId, RequestBodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(Etags.ofVersion(created.version())).entity(VoteView.of(created)).build();
    }

    @GET
    @Path("/{voteId}")
    public Response get(@PathParam("konwentId") String konwentId, @PathParam("voteId") String voteId) {
        return found(voting.get(konwentId, voteId));
    }

    @PUT
    @Path("/{voteId}")
    public Response revise(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("voteId") String voteId, VoteRequest body,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return found(voting.revise(caller, konwentId, voteId, RequestBodies.required(body).toInput(),
                Etags.expectedVersion(ifMatch)));
    }

    @DELETE
    @Path("/{voteId}")
    public Response delete(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("voteId") String voteId) {
        voting.delete(caller, konwentId, voteId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{voteId}/opening")
    public Response open(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                         @PathParam("voteId") String voteId) {
        return found(voting.open(caller, konwentId, voteId));
    }

    @POST
    @Path("/{voteId}/closing")
    @CausalRead
    public Response close(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                          @PathParam("voteId") String voteId) {
        return found(voting.close(caller, konwentId, voteId));
    }

    @POST
    @Path("/{voteId}/ballots")
    public Response cast(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                         @PathParam("voteId") String voteId, BallotRequest body, @Context UriInfo uri,
                         @Context ContainerRequestContext context) {
        BallotRequest request = RequestBodies.required(body);
        // without a member the use case refuses the ballot (422) before the location is needed
        URI location = request.memberId() == null ? null
                : uri.getAbsolutePathBuilder().path(request.memberId()).build();
        // the audit entry of the 201 commits with the ballot: one commit, never one without the other (issue 20)
        voting.cast(caller, konwentId, voteId, request.memberId(), request.choice(),
                audit.inTheCommand(context, Response.Status.CREATED.getStatusCode(), location));
        AuditFilter.recorded(context);
        return Response.created(location).entity(new BallotView(voteId, request.memberId(), true)).build();
    }

    @GET
    @Path("/{voteId}/ballots/{memberId}")
    public BallotView hasVoted(@PathParam("konwentId") String konwentId, @PathParam("voteId") String voteId,
                               @PathParam("memberId") String memberId) {
        return new BallotView(voteId, memberId, voting.hasVoted(konwentId, voteId, memberId));
    }

    /** Issue 22: the electors of an open vote that have not voted yet (COUNCIL, SECRETARIAT); never a choice. */
    @GET
    @Path("/{voteId}/non-voters")
    public PageView<NonVoterView> nonVoters(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                            @PathParam("voteId") String voteId) {
        return new PageView<>(reminders.notVoted(caller, konwentId, voteId).stream().map(NonVoterView::of).toList(),
                null);
    }

    /** Issue 22: mails the electors that have not voted yet and publishes {@code vote.reminder}. */
    @POST
    @Path("/{voteId}/reminders")
    public ReminderView remind(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                               @PathParam("voteId") String voteId) {
        return ReminderView.of(reminders.remind(caller, konwentId, voteId));
    }

    @GET
    @Path("/{voteId}/result")
    @CausalRead
    public ResultView result(@PathParam("konwentId") String konwentId, @PathParam("voteId") String voteId) {
        return ResultView.of(voting.result(konwentId, voteId));
    }

    private static Response found(Vote vote) {
        return Response.ok(VoteView.of(vote)).tag(Etags.ofVersion(vote.version())).build();
    }
}
