package pl.konwent.adapters.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The entry point: where the collections and the contract are. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class RootResource {
    public record RootView(String name, String version, Map<String, String> links) {
    }

    private static final RootView ROOT = new RootView("Konwent API", "v1", links());

    @GET
    public RootView root() {
        return ROOT;
    }

    private static Map<String, String> links() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/v1");
        links.put("konwents", "/api/v1/konwents");
        links.put("openapi", "/openapi.yaml");
        links.put("docs", "/docs");
        return links;
    }
}
