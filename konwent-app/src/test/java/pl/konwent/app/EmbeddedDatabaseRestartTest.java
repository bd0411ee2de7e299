package pl.konwent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * The one-command start on the embedded database, twice: the server that `./konwent serve` starts must start
 * again over the H2 file it left (migrations find what they did before) and keep what it stored.
 */
class EmbeddedDatabaseRestartTest {

    @Test
    void theEmbeddedDatabaseServesAgainAfterARestart() throws Exception {
        Path dir = Files.createTempDirectory("konwent-h2");
        TestDatabases.TestDatabase file = new TestDatabases.TestDatabase(TestDatabases.Engine.H2,
                "jdbc:h2:file:" + dir.resolve("konwent") + KonwentConfiguration.H2_FLAGS, "", "");

        TestServer.runOnce(file, api -> api.post("/api/v1/konwents", Map.of("id", "opolski",
                "name", "Opolski Konwent")).expect(201));
        Api.Reply again = TestServer.runOnce(file, api -> api.get("/api/v1/konwents/opolski").expect(200));

        assertThat(again.json().path("name").asText()).isEqualTo("Opolski Konwent");
    }
}
