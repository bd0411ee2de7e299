package pl.konwent.adapters.web.meetings;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
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
import pl.konwent.adapters.web.meetings.MeetingViews.AttendanceRequest;
import pl.konwent.adapters.web.meetings.MeetingViews.AttendanceView;
import pl.konwent.adapters.web.meetings.MeetingViews.CancellationRequest;
import pl.konwent.adapters.web.meetings.MeetingViews.InvitationView;
import pl.konwent.adapters.web.meetings.MeetingViews.MeetingRequest;
import pl.konwent.adapters.web.meetings.MeetingViews.MeetingView;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.meetings.Attendance;
import pl.konwent.domain.meetings.Meeting;
import pl.konwent.domain.meetings.MeetingService;

/** Meetings: the secretariat plans, invites, records attendance and that they were held; public to read. */
@Path("/api/v1/konwents/{konwentId}/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MeetingResource {
    private final MeetingService meetings;

    public MeetingResource(MeetingService meetings) {
        this.meetings = meetings;
    }

    @GET
    public PageView<MeetingView> list(@PathParam("konwentId") String konwentId, @QueryParam("state") String state,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Paging.view(meetings.list(konwentId, state, from, to, Paging.request(limit, cursor)), MeetingView::of);
    }

    @POST
    public Response create(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           MeetingRequest body, @Context UriInfo uri) {
        Meeting created = meetings.create(caller, konwentId, RequestBodies.required(body).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(Etags.ofVersion(created.version())).entity(MeetingView.of(created)).build();
    }

    @GET
    @Path("/{meetingId}")
    public Response get(@PathParam("konwentId") String konwentId, @PathParam("meetingId") String meetingId) {
        return found(meetings.get(konwentId, meetingId));
    }

    @PUT
    @Path("/{meetingId}")
    public Response revise(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("meetingId") String meetingId, MeetingRequest body,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return found(meetings.revise(caller, konwentId, meetingId, RequestBodies.required(body).toInput(),
                Etags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/{meetingId}/invitation")
    public Response invite(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("meetingId") String meetingId) {
        return found(meetings.invite(caller, konwentId, meetingId));
    }

    @GET
    @Path("/{meetingId}/invitations")
    public PageView<InvitationView> invitations(@Auth Optional<Caller> caller,
                                                @PathParam("konwentId") String konwentId,
                                                @PathParam("meetingId") String meetingId,
                                                @QueryParam("limit") String limit,
                                                @QueryParam("cursor") String cursor) {
        return Paging.view(meetings.invitations(caller, konwentId, meetingId, Paging.request(limit, cursor)),
                InvitationView::of);
    }

    @POST
    @Path("/{meetingId}/cancellation")
    public Response cancel(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                           @PathParam("meetingId") String meetingId, CancellationRequest body) {
        return found(meetings.cancel(caller, konwentId, meetingId, RequestBodies.required(body).reason()));
    }

    @POST
    @Path("/{meetingId}/completion")
    public Response complete(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                             @PathParam("meetingId") String meetingId) {
        return found(meetings.complete(caller, konwentId, meetingId));
    }

    @GET
    @Path("/{meetingId}/attendance")
    public Response attendance(@PathParam("konwentId") String konwentId, @PathParam("meetingId") String meetingId) {
        return attendanceFound(meetings.attendance(konwentId, meetingId));
    }

    @PUT
    @Path("/{meetingId}/attendance")
    public Response recordAttendance(@Auth Optional<Caller> caller, @PathParam("konwentId") String konwentId,
                                     @PathParam("meetingId") String meetingId, AttendanceRequest body,
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return attendanceFound(meetings.recordAttendance(caller, konwentId, meetingId,
                RequestBodies.required(body).toInput(), Etags.expectedVersion(ifMatch)));
    }

    /** Attendance is part of the meeting: its ETag is the meeting's version. */
    private static Response attendanceFound(Attendance attendance) {
        return Response.ok(AttendanceView.of(attendance)).tag(Etags.ofVersion(attendance.meeting().version()))
                .build();
    }

    private static Response found(Meeting meeting) {
        return Response.ok(MeetingView.of(meeting)).tag(Etags.ofVersion(meeting.version())).build();
    }
}
