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
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.council.CouncilViews.AppointmentRequest;
import pl.konwent.adapters.web.council.CouncilViews.OfficersRequest;
import pl.konwent.adapters.web.council.CouncilViews.TermView;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.council.CouncilService;
import pl.konwent.domain.shared.DomainException;

/** The programme council of each year: appointed first, elected later; public to read. */
@Path("/api/v1/konwents/{konwentId}/council-terms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CouncilResource {
    private final CouncilService councils;

    public CouncilResource(CouncilService councils) {
        this.councils = councils;
    }

    @GET
    public PageView<TermView> list(@PathParam("konwentId") String konwentId, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        return Paging.view(councils.list(konwentId, Paging.request(limit, cursor)), TermView::of);
    }

    @POST
    public Response appoint(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                            AppointmentRequest body, @Context UriInfo uri) {
        CouncilService.TermView appointed = councils.appoint(caller, konwentId, RequestBodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(appointed.term().year())).build())
                .entity(TermView.of(appointed)).build();
    }

    @GET
    @Path("/{year}")
    public TermView get(@PathParam("konwentId") String konwentId, @PathParam("year") String year) {
        return TermView.of(councils.get(konwentId, yearOf(konwentId, year)));
    }

    @POST
    @Path("/{year}/officers")
    public TermView electOfficers(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                  @PathParam("year") String year, OfficersRequest body) {
        OfficersRequest request = RequestBodies.required(body);
        return TermView.of(councils.electOfficers(caller, konwentId, yearOf(konwentId, year), request.chairMemberId(),
                request.deputyMemberId()));
    }

    private static int yearOf(String konwentId, String year) {
        if (year.matches("[0-9]{4}")) {
            return Integer.parseInt(year);
        }
        throw new DomainException.NotFound("Konwent '" + konwentId + "' has no council for '" + year + "'");
    }
}
