package pl.konwent.adapters.web.calendar;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import pl.konwent.adapters.web.calendar.CalendarViews.ObligationView;
import pl.konwent.adapters.web.calendar.CalendarViews.TaskRequest;
import pl.konwent.adapters.web.calendar.CalendarViews.TaskView;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.calendar.CalendarService;

/**
 * The konwent's calendar: every dated obligation, public ones for anyone and internal tasks for the konwent's
 * roles; the council and the department keep the tasks (issue 23).
 */
@Path("/api/v1/konwents/{konwentId}/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CalendarResource {
    private final CalendarService calendar;

    public CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    public PageView<ObligationView> list(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("kind") String kind, @QueryParam("status") String status,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(calendar.list(caller, konwentId, new CalendarService.Filter(from, to, kind, status),
                Paging.request(limit, cursor)), ObligationView::of);
    }

    @POST
    @Path("/tasks")
    public Response add(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId, TaskRequest body,
                        @Context UriInfo uri) {
        CalendarService.TaskView added = calendar.addTask(caller, konwentId, RequestBodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(added.task().id()).build())
                .tag(Etags.ofVersion(added.task().version())).entity(TaskView.of(added)).build();
    }

    @GET
    @Path("/tasks/{taskId}")
    public Response get(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                        @PathParam("taskId") String taskId) {
        // tagged by its body, not its version: the status moves from OPEN to OVERDUE with the date alone
        return Response.ok(TaskView.of(calendar.task(caller, konwentId, taskId))).build();
    }

    @POST
    @Path("/tasks/{taskId}/completion")
    public Response complete(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             @PathParam("taskId") String taskId) {
        return found(calendar.complete(caller, konwentId, taskId));
    }

    @DELETE
    @Path("/tasks/{taskId}")
    public Response delete(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("taskId") String taskId) {
        calendar.delete(caller, konwentId, taskId);
        return Response.noContent().build();
    }

    private static Response found(CalendarService.TaskView view) {
        return Response.ok(TaskView.of(view)).tag(Etags.ofVersion(view.task().version())).build();
    }
}
