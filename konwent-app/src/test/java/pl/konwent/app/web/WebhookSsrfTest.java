package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/** With the shipped settings a webhook cannot point into the server's own network (SSRF): 422 on url. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookSsrfTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://169.254.169.254/latest/meta-data/", "http://localhost:8081/",
            "http://10.0.0.5/", "https://192.168.1.10/", "http://100.64.1.1/", "http://[::1]/", "http://0.0.0.0/",
            "http://[fd00::1]/"})
    void anAddressThatIsNotPublicIsRefused(String url) {
        Api admin = new Api(APP.getLocalPort()).asAdmin();
        String konwent = "ssrf" + Integer.toHexString(url.hashCode());
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent")).expect(201);

        JsonNode problem = admin.post("/api/v1/konwents/" + konwent + "/webhooks", Map.of("url", url,
                "events", List.of("member.accepted"))).expect(422).json();

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("url");
        assertThat(admin.get("/api/v1/konwents/" + konwent + "/webhooks").expect(200).json().path("items")).isEmpty();
    }
}
