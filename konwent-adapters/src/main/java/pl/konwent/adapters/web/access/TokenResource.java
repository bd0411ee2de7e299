package pl.konwent.adapters.web.access;

import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Optional;
import pl.konwent.adapters.web.http.RefusesIdempotencyKey;
import pl.konwent.adapters.web.http.RequestBodies;
import pl.konwent.domain.access.Access;
import pl.konwent.domain.access.Authentication;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.shared.DomainException;

/** Bearer tokens: log in with a username and password, log out with the token. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class TokenResource {
    private static final String BEARER = "Bearer ";

    public record LoginRequest(String username, String password) {
    }

    public record TokenView(String token, String tokenType, Instant expiresAt) {
    }

    private final Authentication authentication;

    public TokenResource(Authentication authentication) {
        this.authentication = authentication;
    }

    @POST
    @RefusesIdempotencyKey
    public Response login(LoginRequest body, @Context HttpServletRequest servlet, @Context UriInfo uri) {
        LoginRequest request = RequestBodies.required(body);
        Authentication.IssuedToken issued = authentication.login(request.username(), request.password(),
                servlet.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path("current").build())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new TokenView(issued.token(), "Bearer", issued.expiresAt()))
                .build();
    }

    @DELETE
    @Path("/current")
    public Response logout(@Auth Optional<Caller> caller, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Access.authenticated(caller);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new DomainException.Conflict("Only a Bearer token can be logged out; HTTP Basic has no session");
        }
        authentication.logout(authorization.substring(BEARER.length()).strip());
        return Response.noContent().build();
    }
}
