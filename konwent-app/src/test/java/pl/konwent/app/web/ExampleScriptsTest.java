package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.Scripts;
import pl.konwent.app.testing.TestServer;

/**
 * The curl examples a newcomer follows, run as they are against a live server: the journey scripts of examples/
 * and README's blocks marked {@code <!-- tested: ... -->}. If the API or the scripts change apart, this fails.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ExampleScriptsTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2);

    @Test
    void theJourneyScriptsRunEndToEndAndCanBeRepeated() throws Exception {
        String first = bash(List.of(Path.of("..", "examples", "journey.sh").toString(), "pomorski"), null);
        String again = bash(List.of(Path.of("..", "examples", "journey.sh").toString(), "pomorski"), null);

        assertThat(first).contains("token: obtained", "konwent: pomorski", "\"voted\":true", "\"state\":\"CLOSED\"",
                "\"counts\":{\"for\":1,\"against\":0,\"abstain\":0}", "\"adopted\":true",
                "Nowy członek: Centrum Integracji Społecznej w Gdyni", "unchanged: 304");
        assertThat(again.lines().filter(line -> line.startsWith("member: ")))
                .isEqualTo(first.lines().filter(line -> line.startsWith("member: ")).toList());
        assertThat(new Api(APP.getLocalPort()).get("/api/v1/konwents/pomorski/members").expect(200).json()
                .path("items")).hasSize(1);
    }

    /** README's blocks run twice on the same server: no Idempotency-Key is reused with another body. */
    @Test
    void readmesTestedCurlBlocksRunAsWrittenAndAgain(@TempDir Path work) throws Exception {
        Path readme = Scripts.readmeBlocks(work);

        String first = bash(List.of(readme.toString()), work);
        String again = bash(List.of(readme.toString()), work);

        Scripts.assertReadmeRan(first);
        Scripts.assertReadmeRan(again);
        assertThat(again).as("the second founding is the first one's answer, replayed").contains("\"id\":\"krajowy\"")
                .doesNotContain("\"status\":409");
        assertThat(new Api(APP.getLocalPort()).get("/api/v1/konwents/krajowy").expect(200).json()
                .path("charter").path("councilSize").asInt()).isEqualTo(5);
    }

    private static String bash(List<String> arguments, Path directory) throws IOException, InterruptedException {
        return Scripts.bash(APP.getLocalPort(), arguments, directory, Duration.ofSeconds(60));
    }
}
