package pl.konwent.adapters.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import pl.konwent.adapters.web.http.ClasspathFiles;

/**
 * The contract and its reader: {@code openapi.yaml} as shipped in the jar, Swagger UI from the swagger-ui
 * webjar (no CDN), and a short description of each problem type the API answers with.
 */
@Path("/")
public final class ContractResource {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> UI_FILES = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String DOCS_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Konwent API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script src="/docs/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({url: "/openapi.yaml", dom_id: "#swagger-ui", deepLinking: true,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: "StandaloneLayout"});
              </script>
            </body>
            </html>
            """;

    private final byte[] contract;
    private final String uiVersion;

    public ContractResource() {
        this.contract = ClasspathFiles.read("openapi.yaml");
        this.uiVersion = webjarVersion();
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public byte[] contract() {
        return contract;
    }

    @GET
    @Path("docs")
    @Produces(MediaType.TEXT_HTML)
    public String docs() {
        return DOCS_PAGE;
    }

    @GET
    @Path("docs/{file}")
    public Response docsFile(@PathParam("file") String file) {
        String type = UI_FILES.get(file);
        if (type == null) {
            throw new NotFoundException();
        }
        return Response.ok(ClasspathFiles.read(WEBJAR + uiVersion + "/" + file), type)
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    @GET
    @Path("problems/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public ProblemView problemType(@PathParam("slug") String slug) {
        for (ProblemType type : ProblemType.values()) {
            if (type.uri().equals("/problems/" + slug)) {
                return new ProblemView(type.uri(), type.title(), type.status(), type.description(), null);
            }
        }
        throw new NotFoundException();
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = ContractResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui webjar is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
