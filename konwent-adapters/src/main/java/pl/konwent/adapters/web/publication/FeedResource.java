package pl.konwent.adapters.web.publication;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.function.Function;
import java.util.function.Supplier;
import pl.konwent.adapters.web.http.Hashes;
import pl.konwent.domain.documents.ArchiveChain;
import pl.konwent.domain.documents.ArchiveChainService;
import pl.konwent.domain.publication.FeedService;
import pl.konwent.domain.shared.DomainException;

/**
 * D2: what regional portals show, as Atom and JSON Feed. A poll with the last ETag is answered 304 from one read of
 * the konwent's feed stamp (issue 20), before the feed is built; If-Modified-Since works too.
 */
@Path("/api/v1/konwents/{konwentId}/{feed: feed\\.(?:atom|json)}")
public final class FeedResource {
    static final String MEMBER_KONWENTS = "member-konwents";
    /** Part of every ETag: a new shape of the feeds replaces the copies caches hold of the old one. */
    private static final String SHAPE = "3";

    private final FeedService feeds;
    private final ArchiveChainService chain;

    /** {@code chain}: the JSON feed carries the konwent's archive chain head (D3), for readers to pin. */
    public FeedResource(FeedService feeds, ArchiveChainService chain) {
        this.feeds = feeds;
        this.chain = chain;
    }

    /** {@code feed.atom} (Atom 1.0) or {@code feed.json} (JSON Feed 1.1): one address each, no negotiation. */
    @GET
    public Response feed(@PathParam("konwentId") String konwentId, @PathParam("feed") String feed,
                         @QueryParam("include") String include, @Context Request request, @Context UriInfo uri) {
        FeedLinks links = new FeedLinks(uri.getBaseUri());
        if (feed.endsWith(".atom")) {
            return feed(konwentId, include, request, uri, "atom", () -> "", AtomFeed.MEDIA_TYPE + "; charset=utf-8",
                    f -> AtomFeed.of(f, uri.getRequestUri(), links));
        }
        // the JSON feed carries the chain head: read once, and only when the stamp does not answer for it
        Supplier<ArchiveChain.Head> head = memoized(() -> chain.head(konwentId));
        return feed(konwentId, include, request, uri, "json", () -> head.get().hash(),
                JsonFeed.MEDIA_TYPE + "; charset=utf-8",
                f -> JsonFeed.of(f, uri.getRequestUri(), links, head.get(),
                        uri.getBaseUriBuilder().path("api/v1/konwents/{id}/archive-chain/head").build(konwentId)));
    }

    /**
     * {@code carried}: what the format carries beyond the feed's entries (the JSON feed's chain head), else empty.
     * The ETag is the konwent's feed stamp when it has one (issue 20: a 304 from one read, the chain head's moves
     * included in the stamp), else made of the feed's sources and {@code carried}.
     */
    private Response feed(String konwentId, String include, Request request, UriInfo uri, String format,
                          Supplier<String> carried, String type, Function<FeedService.Feed, Object> render) {
        boolean aggregated = aggregated(include);
        String version = feeds.stamp(konwentId, aggregated).map(stamp -> "stamp/" + stamp)
                .orElseGet(() -> feeds.version(konwentId, aggregated) + "/" + carried.get());
        EntityTag tag = new EntityTag(Hashes.sha256Base64Url((SHAPE + "/" + format + "/" + uri.getBaseUri() + "/"
                + version).getBytes(StandardCharsets.UTF_8)).substring(0, 27));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        FeedService.Feed feed = feeds.feed(konwentId, aggregated);
        Date lastModified = Date.from(feed.updated().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        unchanged = request.evaluatePreconditions(lastModified, tag);
        if (unchanged != null) {
            return unchanged.tag(tag).lastModified(lastModified).build();
        }
        return Response.ok(render.apply(feed), type).tag(tag).lastModified(lastModified).build();
    }

    private static <T> Supplier<T> memoized(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }

    private static boolean aggregated(String include) {
        if (include == null || include.isBlank()) {
            return false;
        }
        if (include.equals(MEMBER_KONWENTS)) {
            return true;
        }
        throw DomainException.InvalidInput.of("include", "must be '" + MEMBER_KONWENTS + "' or left out");
    }
}
