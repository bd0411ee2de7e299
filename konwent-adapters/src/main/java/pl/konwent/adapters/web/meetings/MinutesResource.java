package pl.konwent.adapters.web.meetings;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import pl.konwent.adapters.web.documents.DocumentViews.DocumentView;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.documents.Archive;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.meetings.MinutesService;

/** A held meeting's minutes, archived as a MINUTES document with its PDF/A editions. */
@Path("/api/v1/konwents/{konwentId}/meetings/{meetingId}/minutes")
@Produces(MediaType.APPLICATION_JSON)
public final class MinutesResource {
    private final MinutesService minutes;

    public MinutesResource(MinutesService minutes) {
        this.minutes = minutes;
    }

    @GET
    public Response get(@PathParam("konwentId") String konwentId, @PathParam("meetingId") String meetingId) {
        Document document = minutes.get(konwentId, meetingId);
        return Response.ok(DocumentView.of(document)).tag(Etags.ofVersion(document.version())).build();
    }

    /** 201 with the archived document the first time; 200 with its new version after. */
    @POST
    public Response drawUp(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("meetingId") String meetingId) {
        Archive.Edition edition = minutes.drawUp(caller, konwentId, meetingId);
        Document document = edition.document();
        Response.ResponseBuilder response = edition.created()
                ? Response.created(UriBuilder.fromPath("/api/v1/konwents/{konwentId}/documents/{documentId}")
                        .build(konwentId, document.id()))
                : Response.ok();
        return response.tag(Etags.ofVersion(document.version())).entity(DocumentView.of(document)).build();
    }
}
