package pl.konwent.adapters.web.council;

import io.dropwizard.auth.Auth;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.http.CausalRead;
import pl.konwent.adapters.web.council.CouncilViews.ApprovalBallotRequest;
import pl.konwent.adapters.web.council.CouncilViews.ApprovalBallotView;
import pl.konwent.adapters.web.council.CouncilViews.CandidateView;
import pl.konwent.adapters.web.council.CouncilViews.ElectionReminderView;
import pl.konwent.adapters.web.council.CouncilViews.ElectionRequest;
import pl.konwent.adapters.web.council.CouncilViews.ElectionResultView;
import pl.konwent.adapters.web.council.CouncilViews.ElectionView;
import pl.konwent.adapters.web.council.CouncilViews.NominationRequest;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.voting.VoteViews.NonVoterView;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.council.Candidate;
import pl.konwent.domain.council.Election;
import pl.konwent.domain.council.ElectionService;
import pl.konwent.domain.voting.Reminders;

/** Council elections: called by the department or council, candidates nominated and accepted, approval ballots. */
@Path("/api/v1/konwents/{konwentId}/elections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ElectionResource {
    private final ElectionService elections;
    private final Reminders reminders;

    public ElectionResource(ElectionService elections, Reminders reminders) {
        this.elections = elections;
        this.reminders = reminders;
    }

    /** Issue 22: the electors of an open election that have not voted yet; never a choice. */
    @GET
    @Path("/{electionId}/non-voters")
    public PageView<NonVoterView> nonVoters(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                            @PathParam("electionId") String electionId) {
        return new PageView<>(reminders.notVotedInElection(caller, konwentId, electionId).stream()
                .map(NonVoterView::of).toList(), null);
    }

    /** Issue 22: mails the electors of an open election that have not voted yet and publishes {@code vote.reminder}. */
    @POST
    @Path("/{electionId}/reminders")
    public ElectionReminderView remind(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                       @PathParam("electionId") String electionId) {
        return ElectionReminderView.of(reminders.remindElection(caller, konwentId, electionId));
    }

    @GET
    public PageView<ElectionView> list(@PathParam("konwentId") String konwentId, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return Paging.view(elections.list(konwentId, Paging.request(limit, cursor)), ElectionView::of);
    }

    @POST
    public Response create(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           ElectionRequest body, @Context UriInfo uri) {
        ElectionRequest request = RequestBodies.required(body);
        return created(uri.getAbsolutePathBuilder(), elections.create(caller, konwentId, request.year(),
                request.seats(), request.tieBreak()));
    }

    @GET
    @Path("/{electionId}")
    public Response get(@PathParam("konwentId") String konwentId, @PathParam("electionId") String electionId) {
        return found(elections.get(konwentId, electionId));
    }

    @POST
    @Path("/{electionId}/run-off")
    public Response runOff(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("electionId") String electionId, @Context UriInfo uri) {
        Election runOff = elections.runOff(caller, konwentId, electionId);
        return created(uri.getBaseUriBuilder().path("api/v1/konwents").path(konwentId).path("elections"), runOff);
    }

    @GET
    @Path("/{electionId}/candidates")
    public PageView<CandidateView> candidates(@PathParam("konwentId") String konwentId,
                                              @PathParam("electionId") String electionId,
                                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(elections.candidates(konwentId, electionId, Paging.request(limit, cursor)),
                CandidateView::of);
    }

    @POST
    @Path("/{electionId}/candidates")
    public Response nominate(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             @PathParam("electionId") String electionId, NominationRequest body,
                             @Context UriInfo uri) {
        NominationRequest request = RequestBodies.required(body);
        Candidate candidate = elections.nominate(caller, konwentId, electionId, request.memberId(),
                request.personName(), request.nominatedBy());
        return Response.created(uri.getAbsolutePathBuilder().path(candidate.id()).build())
                .entity(CandidateView.of(candidate)).build();
    }

    @GET
    @Path("/{electionId}/candidates/{candidateId}")
    public CandidateView candidate(@PathParam("konwentId") String konwentId, @PathParam("electionId") String electionId,
                                   @PathParam("candidateId") String candidateId) {
        return CandidateView.of(elections.candidate(konwentId, electionId, candidateId));
    }

    @POST
    @Path("/{electionId}/candidates/{candidateId}/acceptance")
    public CandidateView accept(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                @PathParam("electionId") String electionId,
                                @PathParam("candidateId") String candidateId) {
        return CandidateView.of(elections.accept(caller, konwentId, electionId, candidateId));
    }

    @POST
    @Path("/{electionId}/candidates/{candidateId}/withdrawal")
    public CandidateView withdraw(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                  @PathParam("electionId") String electionId,
                                  @PathParam("candidateId") String candidateId) {
        return CandidateView.of(elections.withdraw(caller, konwentId, electionId, candidateId));
    }

    @POST
    @Path("/{electionId}/opening")
    public Response open(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                         @PathParam("electionId") String electionId) {
        return found(elections.open(caller, konwentId, electionId));
    }

    @POST
    @Path("/{electionId}/closing")
    @CausalRead
    public ElectionResultView close(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                    @PathParam("electionId") String electionId) {
        return ElectionResultView.of(elections.close(caller, konwentId, electionId));
    }

    @POST
    @Path("/{electionId}/ballots")
    public Response cast(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                         @PathParam("electionId") String electionId, ApprovalBallotRequest body,
                         @Context UriInfo uri) {
        ApprovalBallotRequest request = RequestBodies.required(body);
        elections.cast(caller, konwentId, electionId, request.memberId(), request.approve());
        return Response.created(uri.getAbsolutePathBuilder().path(request.memberId()).build())
                .entity(new ApprovalBallotView(electionId, request.memberId(), true)).build();
    }

    @GET
    @Path("/{electionId}/ballots/{memberId}")
    public ApprovalBallotView hasVoted(@PathParam("konwentId") String konwentId,
                                       @PathParam("electionId") String electionId,
                                       @PathParam("memberId") String memberId) {
        return new ApprovalBallotView(electionId, memberId, elections.hasVoted(konwentId, electionId, memberId));
    }

    @GET
    @Path("/{electionId}/result")
    @CausalRead
    public ElectionResultView result(@PathParam("konwentId") String konwentId,
                                     @PathParam("electionId") String electionId) {
        return ElectionResultView.of(elections.result(konwentId, electionId));
    }

    private static Response created(UriBuilder collection, Election election) {
        return Response.created(collection.path(election.id()).build()).tag(Etags.ofVersion(election.version()))
                .entity(ElectionView.of(election)).build();
    }

    private static Response found(Election election) {
        return Response.ok(ElectionView.of(election)).tag(Etags.ofVersion(election.version())).build();
    }
}
