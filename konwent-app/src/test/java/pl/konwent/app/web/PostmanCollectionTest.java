package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Receiver;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/**
 * postman/konwent.postman_collection.json covers every operation of openapi.yaml, and newman (pinned, from npm)
 * runs its journey against a live server with all its tests passing. The webhook it subscribes points at a receiver
 * on loopback (the server allows private addresses for it), so no delivery leaves the machine.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostmanCollectionTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2,
            ConfigOverride.config("webhooks.allowPrivateAddresses", "true"));
    private static final Receiver PORTAL = new Receiver();
    static final String NEWMAN = "newman@6.2.2";
    private static final Path COLLECTION = Path.of("..", "postman", "konwent.postman_collection.json");

    @AfterAll
    static void stopThePortal() {
        PORTAL.close();
    }

    @Test
    void theCollectionHasARequestForEveryOperationOfTheContract() throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "openapi.yaml").toFile());
        List<String> operationIds = new ArrayList<>();
        contract.path("paths").forEach(item -> item.forEach(operation -> {
            if (operation.has("operationId")) {
                operationIds.add(operation.get("operationId").asText());
            }
        }));
        Set<String> requests = new TreeSet<>();
        new ObjectMapper().readTree(COLLECTION.toFile()).path("item")
                .forEach(request -> requests.add(request.path("name").asText().split("[ :]")[0]));

        assertThat(operationIds).hasSizeGreaterThan(100);
        assertThat(requests).as("operations with a request (regenerate with postman/generate.py)")
                .isEqualTo(new TreeSet<>(operationIds));
    }

    @Test
    void newmanRunsTheCollectionAgainstALiveServer() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/npx")),
                "npx (Node.js) is not installed here, so newman cannot run; CI has it");
        ProcessBuilder newman = new ProcessBuilder("npx", "--yes", NEWMAN, "run", COLLECTION.toString(),
                "--environment", Path.of("..", "postman", "konwent.postman_environment.json").toString(),
                "--env-var", "baseUrl=http://127.0.0.1:" + APP.getLocalPort(),
                "--env-var", "password=" + TestServer.ADMIN_PASSWORD,
                "--env-var", "webhookUrl=" + PORTAL.url("/konwent-webhook"),
                "--reporters", "cli", "--disable-unicode", "--color", "off", "--timeout-request", "30000")
                .redirectErrorStream(true);
        Process process = newman.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("newman finished in time").isTrue();
        assertThat(process.exitValue()).as("newman failed:\n%s", output).isZero();
        assertThat(output).contains("requests").doesNotContain("AssertionError");
    }
}
