package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern TESTED_BLOCK =
            Pattern.compile("<!-- tested: [^>]*-->\\s*```sh\\n(.*?)```", Pattern.DOTALL);

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

    /**
     * README's blocks, then the founding script on the same konwent, then README's blocks again: they run in either
     * order and twice, since no Idempotency-Key is reused with another body and founding.sh takes a founded konwent.
     */
    @Test
    void readmesTestedCurlBlocksRunAsWrittenTwiceAndAroundTheFoundingScript(@TempDir Path work) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher blocks = TESTED_BLOCK.matcher(readme);
        StringBuilder script = new StringBuilder("set -eu\n");
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        assertThat(script).as("README has tested blocks").contains("curl");
        Path file = work.resolve("readme.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);

        String first = bash(List.of(file.toString()), work);
        String founding = bash(List.of(Path.of("..", "examples", "founding.sh").toAbsolutePath().toString(),
                work.resolve("register.csv").toString()), work);
        String again = bash(List.of(file.toString()), work);

        for (String output : List.of(first, again)) {
            assertThat(output).contains("\"links\"", "304\n", "\"role\":\"DEPARTMENT\"", "\"status\":400",
                    "\"status\":422", "\"status\":401", "\"status\":404");
            assertThat(output.strip()).endsWith("204");
        }
        assertThat(founding).contains("43 declarations accepted");
        assertThat(again).as("the second founding is the first one's answer, replayed").contains("\"id\":\"krajowy\"")
                .doesNotContain("\"status\":409");
        Api anonymous = new Api(APP.getLocalPort());
        assertThat(anonymous.get("/api/v1/konwents/krajowy").expect(200).json()
                .path("charter").path("councilSize").asInt()).isEqualTo(5);
        assertThat(anonymous.get("/api/v1/konwents/krajowy/members?limit=500").expect(200).json().path("items"))
                .hasSize(43);
    }

    private static String bash(List<String> arguments, Path directory) throws IOException, InterruptedException {
        return Scripts.bash(APP.getLocalPort(), arguments, directory, Duration.ofSeconds(60));
    }
}
