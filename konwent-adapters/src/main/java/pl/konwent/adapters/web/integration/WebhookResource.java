package pl.konwent.adapters.web.integration;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.adapters.web.integration.WebhookViews.DeliveryView;
import pl.konwent.adapters.web.integration.WebhookViews.WebhookRequest;
import pl.konwent.adapters.web.integration.WebhookViews.WebhookView;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.integration.Webhook;
import pl.konwent.domain.integration.WebhookService;

/** Webhooks of a konwent: its DEPARTMENT registers, changes and removes them and reads their deliveries. */
@Path("/api/v1/konwents/{konwentId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WebhookResource {
    /** Answers that carry a whole secret are kept by no cache. */
    private static final String NO_STORE = "no-store";

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    public PageView<WebhookView> list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(webhooks.list(caller, konwentId, Paging.request(limit, cursor)), WebhookView::of);
    }

    @POST
    public Response register(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             WebhookRequest body, @Context UriInfo uri) {
        Webhook created = webhooks.register(caller, konwentId, RequestBodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(Etags.ofVersion(created.version())).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .entity(WebhookView.withSecret(created)).build();
    }

    @GET
    @Path("/{webhookId}")
    public Response get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                        @PathParam("webhookId") String webhookId) {
        Webhook webhook = webhooks.get(caller, konwentId, webhookId);
        return Response.ok(WebhookView.of(webhook)).tag(Etags.ofVersion(webhook.version())).build();
    }

    @PUT
    @Path("/{webhookId}")
    public Response revise(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("webhookId") String webhookId, WebhookRequest body,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Webhook revised = webhooks.revise(caller, konwentId, webhookId, RequestBodies.required(body).toInput(),
                Etags.expectedVersion(ifMatch));
        return Response.ok(WebhookView.of(revised)).tag(Etags.ofVersion(revised.version())).build();
    }

    @DELETE
    @Path("/{webhookId}")
    public Response delete(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("webhookId") String webhookId) {
        webhooks.delete(caller, konwentId, webhookId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{webhookId}/secret-rotation")
    public Response rotateSecret(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                 @PathParam("webhookId") String webhookId) {
        Webhook rotated = webhooks.rotateSecret(caller, konwentId, webhookId);
        return Response.ok(WebhookView.withSecret(rotated)).tag(Etags.ofVersion(rotated.version()))
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    @GET
    @Path("/{webhookId}/deliveries")
    public PageView<DeliveryView> deliveries(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                             @PathParam("webhookId") String webhookId,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(webhooks.deliveries(caller, konwentId, webhookId, Paging.request(limit, cursor)),
                DeliveryView::of);
    }

    @POST
    @Path("/{webhookId}/ping")
    public Response ping(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                         @PathParam("webhookId") String webhookId) {
        return Response.accepted(DeliveryView.of(webhooks.ping(caller, konwentId, webhookId))).build();
    }
}
