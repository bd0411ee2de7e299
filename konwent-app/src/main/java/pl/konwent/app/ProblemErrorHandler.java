package pl.konwent.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Jersey (an ambiguous or malformed URI, headers too
 * large, a bad request line), are problem documents too, like everything Jersey answers.
 */
final class ProblemErrorHandler extends ErrorHandler {

    /** Jetty writes an error body only for GET, POST and HEAD by default; a PUT or DELETE gets the problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String title = HttpStatus.getMessage(code);
        String type = code == 404 ? "not-found" : code == 408 ? "request-timeout" : code >= 500 ? "internal"
                : "malformed-request";
        String detail = code >= 500 ? "Unexpected error" : "The server could not accept this request: " + title;
        String body = "{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + code
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        SecurityHeaders.addTo(response.getHeaders());
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
