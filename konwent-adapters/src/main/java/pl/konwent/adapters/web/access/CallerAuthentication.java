package pl.konwent.adapters.web.access;

import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.UnauthorizedHandler;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import pl.konwent.adapters.web.ProblemType;
import pl.konwent.domain.access.Authentication;
import pl.konwent.domain.access.Caller;

/**
 * Authenticates every request that carries credentials, with dropwizard-auth's Bearer and Basic filters; a
 * request without an Authorization header goes on as anonymous (public reads), and each use case then says what
 * it needs ({@link pl.konwent.domain.access.Access}). Credentials that are present but wrong are always a 401,
 * never a silent downgrade to anonymous. No decision about a caller is cached between requests (issue 19: a cached
 * Basic check let a password keep working ~30 s after a reset): every request checks its password against the
 * stored hash or its token, and reads the account and its roles, in the database all instances share, so a password
 * change or reset, a disabled account, a revoked role or a new council term takes effect on the next request at
 * every instance. Basic pays bcrypt only for a password the instance has not yet verified against that very hash
 * ({@code VerifiedPasswords}); a token costs a hash and two reads on one connection: the token joined
 * to its account, and the roles.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class CallerAuthentication implements ContainerRequestFilter {
    public static final String REALM = "konwent";
    public static final String CHALLENGE = "Bearer realm=\"" + REALM + "\", Basic realm=\"" + REALM + "\"";
    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private final AuthFilter<?, Caller> credentials;

    @Context
    private HttpServletRequest servletRequest;

    public CallerAuthentication(Authentication authentication) {
        this(authentication, Supplier::get, () -> { });
    }

    /**
     * @param reads       runs a token's reads (the token with its account, then the roles) on one database connection
     * @param awaitWrites on a cluster, waits until this node has applied every write committed anywhere (issue 21),
     *                    so that a token, a password or a role revoked through another node is already refused here;
     *                    on one server it does nothing
     */
    public CallerAuthentication(Authentication authentication,
                                Function<Supplier<Optional<Caller>>, Optional<Caller>> reads, Runnable awaitWrites) {
        Authenticator<BasicCredentials, Caller> basic = given -> {
            awaitWrites.run();
            return authentication.byPassword(given.getUsername(), given.getPassword(), currentAddress());
        };
        UnauthorizedHandler problem = new UnauthorizedHandler() {
            @Override
            public Response buildResponse(String prefix, String realm) {
                return unauthorized("The credentials are wrong, expired, or belong to a disabled account");
            }
        };
        AuthFilter<String, Caller> bearer = new HeaderBearerFilter.Builder()
                .setAuthenticator(token -> reads.apply(() -> {
                    awaitWrites.run();
                    return authentication.byToken(token);
                }))
                .setPrefix("Bearer").setRealm(REALM).setUnauthorizedHandler(problem)
                .buildAuthFilter();
        AuthFilter<BasicCredentials, Caller> password = new BasicCredentialAuthFilter.Builder<Caller>()
                .setAuthenticator(basic)
                .setPrefix("Basic").setRealm(REALM).setUnauthorizedHandler(problem)
                .buildAuthFilter();
        @SuppressWarnings({"unchecked", "rawtypes"})
        AuthFilter<?, Caller> chained = new ChainedAuthFilter(List.of(bearer, password));
        this.credentials = chained;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return;
        }
        ADDRESS.set(servletRequest == null ? "unknown" : servletRequest.getRemoteAddr());
        try {
            credentials.filter(request);
        } finally {
            ADDRESS.remove();
        }
    }

    /** The caller of a request this filter has seen: empty when anonymous. */
    public static Optional<Caller> callerOf(jakarta.ws.rs.core.SecurityContext security) {
        return security != null && security.getUserPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    /** The client's address, for throttling logins. */
    public static String currentAddress() {
        String address = ADDRESS.get();
        return address == null ? "unknown" : address;
    }

    /**
     * Bearer tokens from the Authorization header only. dropwizard-auth's {@code OAuthCredentialAuthFilter} also
     * takes an {@code access_token} query parameter whenever the header holds no Bearer token, which would accept a
     * token from a URL (kept in logs, histories and Referer headers) and even let it win over wrong credentials of
     * another scheme in the header.
     */
    static final class HeaderBearerFilter extends AuthFilter<String, Caller> {
        static final class Builder extends AuthFilterBuilder<String, Caller, HeaderBearerFilter> {
            @Override
            protected HeaderBearerFilter newInstance() {
                return new HeaderBearerFilter();
            }
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!authenticate(request, token(request.getHeaderString(HttpHeaders.AUTHORIZATION)),
                    SecurityContext.BASIC_AUTH)) {
                throw unauthorizedHandler.buildException(prefix, realm);
            }
        }

        private String token(String header) {
            if (header == null) {
                return null;
            }
            int space = header.indexOf(' ');
            return space > 0 && header.substring(0, space).equalsIgnoreCase(prefix)
                    ? header.substring(space + 1) : null;
        }
    }

    public static Response unauthorized(String detail) {
        return Response.fromResponse(ProblemType.UNAUTHENTICATED.response(detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }
}
