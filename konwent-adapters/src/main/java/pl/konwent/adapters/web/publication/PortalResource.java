package pl.konwent.adapters.web.publication;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.http.ClasspathFiles;
import pl.konwent.adapters.web.http.Hashes;
import pl.konwent.domain.documents.DocumentService;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.meetings.MeetingService;

/**
 * D2 for people: the portal view a regional portal embeds (a standard web component, one script), and the public
 * pages a feed entry links to: a konwent's portal page, a public document, a meeting. Everything here is what an
 * anonymous caller may read anyway; the pages are read as anonymous whoever asks, so no page carries what only a
 * role may see.
 */
@Path(PortalPaths.ROOT)
public final class PortalResource {
    static final String HTML = "text/html; charset=utf-8";
    private static final String SCRIPT_TYPE = "text/javascript; charset=utf-8";

    private final KonwentService konwents;
    private final DocumentService documents;
    private final MeetingService meetings;
    private final PortalPages pages = new PortalPages();
    private final byte[] script = ClasspathFiles.read("portal/" + PortalPaths.SCRIPT);
    private final EntityTag scriptTag = new EntityTag(Hashes.sha256Base64Url(script).substring(0, 27));

    public PortalResource(KonwentService konwents, DocumentService documents, MeetingService meetings) {
        this.konwents = konwents;
        this.documents = documents;
        this.meetings = meetings;
    }

    /**
     * The component, cached for a week: within {@code v1} it only gets fixes that keep its attributes and looks,
     * so a portal may serve a week-old copy; the ETag makes the check after that cheap.
     */
    @GET
    @Path(PortalPaths.SCRIPT)
    @Produces("text/javascript")
    public Response script() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(7 * 24 * 3600);
        cache.getCacheExtension().put("public", null);
        return Response.ok(script, SCRIPT_TYPE).tag(scriptTag).cacheControl(cache).build();
    }

    @GET
    @Path("konwents/{konwentId}")
    @Produces("text/html")
    public Response konwent(@PathParam("konwentId") String konwentId, @Context UriInfo uri) {
        return page(pages.konwent(konwents.get(konwentId), uri.getBaseUri()));
    }

    @GET
    @Path("konwents/{konwentId}/documents/{documentId}")
    @Produces("text/html")
    public Response document(@PathParam("konwentId") String konwentId, @PathParam("documentId") String documentId,
                             @Context UriInfo uri) {
        return page(pages.document(konwents.get(konwentId), documents.get(Optional.empty(), konwentId, documentId),
                uri.getBaseUri()));
    }

    @GET
    @Path("konwents/{konwentId}/meetings/{meetingId}")
    @Produces("text/html")
    public Response meeting(@PathParam("konwentId") String konwentId, @PathParam("meetingId") String meetingId,
                            @Context UriInfo uri) {
        return page(pages.meeting(konwents.get(konwentId), meetings.get(konwentId, meetingId), uri.getBaseUri()));
    }

    /**
     * A page of data others wrote: its text is escaped by the templates, and its own policy lets it load nothing
     * but this server's script and styles, so even a slip in escaping would run no foreign script (XSS).
     */
    private static Response page(String html) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        cache.getCacheExtension().put("public", null);
        return Response.ok(html, HTML).cacheControl(cache)
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; connect-src 'self'; "
                        + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
                .build();
    }
}
