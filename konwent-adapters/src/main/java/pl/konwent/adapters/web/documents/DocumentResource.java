package pl.konwent.adapters.web.documents;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pl.konwent.adapters.web.documents.DocumentViews.DocumentRequest;
import pl.konwent.adapters.web.documents.DocumentViews.DocumentView;
import pl.konwent.adapters.web.documents.DocumentViews.FileView;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentFile;
import pl.konwent.domain.documents.DocumentService;

/** D1: the archive: the department writes documents and attaches files; public documents are read by all. */
@Path("/api/v1/konwents/{konwentId}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DocumentResource {
    private static final Pattern DISPOSITION_NAME = Pattern.compile("filename\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    @GET
    public PageView<DocumentView> list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                       @QueryParam("kind") String kind, @QueryParam("visibility") String visibility,
                                       @QueryParam("q") String q, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return Paging.view(documents.list(caller, konwentId, kind, visibility, q, from, to,
                Paging.request(limit, cursor)), DocumentView::of);
    }

    @POST
    public Response create(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           DocumentRequest body, @Context UriInfo uri) {
        Document created = documents.create(caller, konwentId, RequestBodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(Etags.ofVersion(created.version())).entity(DocumentView.of(created)).build();
    }

    @GET
    @Path("/{documentId}")
    public Response get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                        @PathParam("documentId") String documentId) {
        return found(documents.get(caller, konwentId, documentId));
    }

    @PUT
    @Path("/{documentId}")
    public Response revise(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("documentId") String documentId, DocumentRequest body,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return found(documents.revise(caller, konwentId, documentId, RequestBodies.required(body).toInput(),
                Etags.expectedVersion(ifMatch)));
    }

    @DELETE
    @Path("/{documentId}")
    public Response delete(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("documentId") String documentId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        documents.delete(caller, konwentId, documentId, Etags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    /** The raw file is the body; its name comes from {@code ?filename=} or Content-Disposition. */
    @POST
    @Path("/{documentId}/files")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("documentId") String documentId, @QueryParam("filename") String filename,
                           @HeaderParam("Content-Disposition") String disposition, InputStream body,
                           @Context UriInfo uri) {
        DocumentFile file = documents.attach(caller, konwentId, documentId,
                filename != null ? filename : nameIn(disposition), body);
        return Response.created(uri.getAbsolutePathBuilder().path(file.id()).build()).entity(FileView.of(file))
                .build();
    }

    @GET
    @Path("/{documentId}/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             @PathParam("documentId") String documentId, @PathParam("fileId") String fileId) {
        DocumentService.FileContent content = documents.file(caller, konwentId, documentId, fileId);
        DocumentFile file = content.file();
        StreamingOutput bytes = out -> {
            try (InputStream in = content.bytes()) {
                in.transferTo(out);
            }
        };
        return Response.ok(bytes, file.type().mediaType())
                .tag(new EntityTag(file.sha256()))
                .header(HttpHeaders.CONTENT_LENGTH, file.size())
                .header("Content-Disposition", disposition(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @DELETE
    @Path("/{documentId}/files/{fileId}")
    public Response detach(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("documentId") String documentId, @PathParam("fileId") String fileId) {
        documents.detach(caller, konwentId, documentId, fileId);
        return Response.noContent().build();
    }

    /** The file name a Content-Disposition header gives, or null. */
    public static String nameIn(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher matcher = DISPOSITION_NAME.matcher(disposition);
        return matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : null;
    }

    /** RFC 6266: an ASCII fallback and the exact (already sanitised) name in UTF-8. */
    private static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static Response found(Document document) {
        return Response.ok(DocumentView.of(document)).tag(Etags.ofVersion(document.version())).build();
    }
}
