package pl.konwent.adapters.web.documents;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import pl.konwent.adapters.web.documents.ChainViews.HeadView;
import pl.konwent.adapters.web.documents.ChainViews.RecordView;
import pl.konwent.adapters.web.documents.ChainViews.VerificationView;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.documents.ArchiveChainService;

/**
 * D3: a konwent's archive chain: its records and head are public (a reader pins the head and recomputes the chain
 * with the README's procedure); the server's own walk answers 200 with {@code valid} and the first broken link.
 */
@Path("/api/v1/konwents/{konwentId}/archive-chain")
@Produces(MediaType.APPLICATION_JSON)
public final class ArchiveChainResource {
    private final ArchiveChainService chain;

    public ArchiveChainResource(ArchiveChainService chain) {
        this.chain = chain;
    }

    @GET
    public PageView<RecordView> records(@PathParam("konwentId") String konwentId,
                                        @QueryParam("documentId") String documentId,
                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(chain.list(konwentId, documentId, Paging.request(limit, cursor)), RecordView::of);
    }

    @GET
    @Path("/head")
    public HeadView head(@PathParam("konwentId") String konwentId) {
        return HeadView.of(konwentId, chain.head(konwentId));
    }

    @GET
    @Path("/verification")
    public VerificationView verification(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId) {
        return VerificationView.of(konwentId, chain.verify(caller, konwentId));
    }
}
