package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

/**
 * Cross-origin reads (konwent.yml, section {@code cors}): web pages of the listed origins (comma-separated, or
 * {@code *} for any; empty for none) may read the API's public GET resources, feeds included, from the browser.
 * Only GET and HEAD, never with credentials, so a page elsewhere can show public data but act for nobody.
 */
public class CorsSettings {
    @JsonProperty
    @NotNull
    private String allowedOrigins = "*";

    /** The origin patterns Jetty matches against, one per listed origin. */
    Set<String> originPatterns() {
        return Arrays.stream(allowedOrigins.split(","))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.equals("*") ? ".*" : Pattern.quote(origin))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Puts Jetty's cross-origin handler in front of the API, when any origin is allowed. */
    void apply(Environment environment) {
        Set<String> patterns = originPatterns();
        if (patterns.isEmpty()) {
            return;
        }
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(patterns);
        cors.setAllowedMethods(Set.of("GET", "HEAD"));
        cors.setAllowedHeaders(Set.of("Accept", "Accept-Language", "If-None-Match", "If-Modified-Since"));
        cors.setExposedHeaders(Set.of("ETag", "Last-Modified", "Location", "Link"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(Duration.ofHours(1));
        environment.getApplicationContext().insertHandler(cors);
    }
}
