package pl.konwent.adapters.web.access;

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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import pl.konwent.adapters.web.access.AccountViews.AccountView;
import pl.konwent.adapters.web.access.AccountViews.NewAccountRequest;
import pl.konwent.adapters.web.access.AccountViews.PasswordRequest;
import pl.konwent.adapters.web.access.AccountViews.ProfileRequest;
import pl.konwent.adapters.web.access.AccountViews.RoleList;
import pl.konwent.adapters.web.access.AccountViews.RoleRequest;
import pl.konwent.adapters.web.audit.AuditFilter;
import pl.konwent.adapters.web.access.AccountViews.RoleView;
import pl.konwent.adapters.web.http.Etags;
import pl.konwent.adapters.web.http.PageView;
import pl.konwent.adapters.web.http.Paging;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.domain.access.Account;
import pl.konwent.domain.access.AccountService;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.RoleGrant;

/** Accounts and the roles they hold per konwent. Who may do what is decided by {@link AccountService}. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AccountResource {
    private final AccountService accounts;

    public AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public PageView<AccountView> list(@Auth Optional<Caller> caller, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return Paging.view(accounts.list(caller, Paging.request(limit, cursor)), AccountView::of);
    }

    @POST
    public Response create(@Auth Optional<Caller> caller, NewAccountRequest body, @Context UriInfo uri) {
        NewAccountRequest request = RequestBodies.required(body);
        Account created = accounts.create(caller, new AccountService.NewAccount(request.username(),
                request.password(), request.displayName(), request.email()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().value()).build())
                .tag(Etags.ofVersion(created.version())).entity(AccountView.of(created)).build();
    }

    @GET
    @Path("/current")
    public Response current(@Auth Optional<Caller> caller) {
        return found(accounts.current(caller));
    }

    @GET
    @Path("/{accountId}")
    public Response get(@Auth Optional<Caller> caller, @PathParam("accountId") String accountId) {
        return found(accounts.get(caller, accountId));
    }

    @PUT
    @Path("/{accountId}")
    public Response updateProfile(@Auth Optional<Caller> caller, @PathParam("accountId") String accountId,
                                  ProfileRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ProfileRequest request = RequestBodies.required(body);
        RequestBodies.requireSameId("id", request.id(), accountId);
        return found(accounts.updateProfile(caller, accountId, request.displayName(), request.email(),
                Etags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("/{accountId}/password")
    public Response changePassword(@Auth Optional<Caller> caller, @PathParam("accountId") String accountId,
                                   PasswordRequest body) {
        PasswordRequest request = RequestBodies.required(body);
        accounts.changePassword(caller, accountId, request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }

    @POST
    @Path("/{accountId}/disabling")
    public Response disable(@Auth Optional<Caller> caller, @PathParam("accountId") String accountId) {
        return found(accounts.setEnabled(caller, accountId, false));
    }

    @POST
    @Path("/{accountId}/enabling")
    public Response enable(@Auth Optional<Caller> caller, @PathParam("accountId") String accountId) {
        return found(accounts.setEnabled(caller, accountId, true));
    }

    @GET
    @Path("/{accountId}/roles")
    public RoleList roles(@Auth Optional<Caller> caller, @PathParam("accountId") String accountId) {
        return new RoleList(accounts.roles(caller, accountId).stream().map(RoleView::of).toList());
    }

    @POST
    @Path("/{accountId}/roles")
    public Response grant(@Auth Optional<Caller> caller, @PathParam("accountId") String accountId,
                          RoleRequest body, @Context UriInfo uri, @Context ContainerRequestContext context) {
        RoleRequest request = RequestBodies.required(body);
        AuditFilter.note(context, request.konwentId(), request.reason());
        RoleGrant grant = accounts.grant(caller, accountId, new AccountService.NewGrant(request.konwentId(),
                request.role(), request.memberId(), request.reason()));
        return Response.created(uri.getAbsolutePathBuilder().path(grant.id()).build())
                .entity(RoleView.of(grant)).build();
    }

    @DELETE
    @Path("/{accountId}/roles/{roleId}")
    public Response revoke(@Auth Optional<Caller> caller, @PathParam("accountId") String accountId,
                           @PathParam("roleId") String roleId) {
        accounts.revoke(caller, accountId, roleId);
        return Response.noContent().build();
    }

    private static Response found(Account account) {
        return Response.ok(AccountView.of(account)).tag(Etags.ofVersion(account.version())).build();
    }
}
