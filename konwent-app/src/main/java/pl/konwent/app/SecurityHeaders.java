package pl.konwent.app;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers every answer carries, whoever writes it (Jersey, the documentation's static files, Jetty's own errors
 * through {@link ProblemErrorHandler}), as the OWASP REST security cheat sheet asks of an API: browsers must not
 * guess a content type other than the one declared ({@code nosniff}), and no page may frame the API's answers
 * (clickjacking of /docs). A JSON API needs no more; the documentation page keeps its own scripts.
 */
final class SecurityHeaders extends Handler.Wrapper {
    static void addTo(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addTo(response.getHeaders());
        return super.handle(request, response, callback);
    }
}
