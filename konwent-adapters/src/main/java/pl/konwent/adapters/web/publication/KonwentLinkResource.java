package pl.konwent.adapters.web.publication;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.publication.FeedService;

/** D2: which konwent hosted here a forum's REGIONAL_KONWENT member is; its feed then joins the forum's. */
@Path("/api/v1/konwents/{konwentId}/members/{memberId}/konwent-link")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class KonwentLinkResource {
    public record KonwentLinkView(String memberId, String konwentId) {
    }

    public record KonwentLinkRequest(String konwentId) {
    }

    private final FeedService feeds;

    public KonwentLinkResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    public KonwentLinkView get(@PathParam("konwentId") String forumId, @PathParam("memberId") String memberId) {
        return new KonwentLinkView(memberId, feeds.linkOf(forumId, memberId).value());
    }

    @PUT
    public KonwentLinkView link(@Auth Optional<Caller> caller, @PathParam("konwentId") String forumId,
                                @PathParam("memberId") String memberId, KonwentLinkRequest body) {
        return new KonwentLinkView(memberId, feeds.link(caller, forumId, memberId,
                RequestBodies.required(body).konwentId()).value());
    }

    @DELETE
    public Response unlink(@Auth Optional<Caller> caller, @PathParam("konwentId") String forumId,
                           @PathParam("memberId") String memberId) {
        feeds.unlink(caller, forumId, memberId);
        return Response.noContent().build();
    }
}
