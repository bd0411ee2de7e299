package pl.konwent.adapters.web.meetings;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import pl.konwent.adapters.web.http.Csv;
import pl.konwent.adapters.web.meetings.MinutesViews.MeetingResultsView;
import pl.konwent.domain.meetings.MinutesService;

/** The results of a meeting's votes and elections, public, as JSON or as CSV. */
@Path("/api/v1/konwents/{konwentId}/meetings/{meetingId}/results")
@Produces(MediaType.APPLICATION_JSON)
public final class MeetingResultsResource {
    private final MinutesService minutes;

    public MeetingResultsResource(MinutesService minutes) {
        this.minutes = minutes;
    }

    @GET
    public MeetingResultsView results(@PathParam("konwentId") String konwentId,
                                      @PathParam("meetingId") String meetingId) {
        return MeetingResultsView.of(minutes.results(konwentId, meetingId));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    public Response resultsCsv(@PathParam("konwentId") String konwentId, @PathParam("meetingId") String meetingId) {
        MeetingResultsView view = MeetingResultsView.of(minutes.results(konwentId, meetingId));
        return Response.ok(Csv.write(MinutesViews.CSV_HEADER, view.csvRows()), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"results-" + view.meetingId() + ".csv\"")
                .build();
    }
}
