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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.Scripts;
import pl.konwent.app.testing.TestServer;

/**
 * examples/founding.sh, as a newcomer runs it, against a live server on MariaDB: the 43 addressees of seed 002
 * declared, accepted by the department and exported. Run twice, it changes nothing the second time; README's
 * example, which founds the same konwent, runs before and after it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FoundingScriptTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.MARIADB);

    @Test
    void theSeed002FoundingRunsEndToEndAndCanBeRepeated(@TempDir Path work) throws Exception {
        Path first = work.resolve("first.csv");
        Path again = work.resolve("again.csv");

        // README's example founds krajowy first, with another body and key; after the founding it runs again
        Path readme = Scripts.readmeBlocks(work);
        Scripts.assertReadmeRan(readme(readme, work));
        assertThat(run(first)).contains("43 declarations accepted");
        assertThat(run(again)).contains("43 declarations accepted");
        Scripts.assertReadmeRan(readme(readme, work));

        List<String> rows = Files.readAllLines(first, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(44);
        assertThat(rows.get(0)).startsWith("\uFEFF\"id\"");
        assertThat(String.join("\n", rows)).contains("Centrum Integracji Społecznej „Przystań” Barlinek",
                "Klub Integracji Społecznej MOPS Tczew", "Skarżysko-Kamienna");
        assertThat(Files.readAllLines(again, StandardCharsets.UTF_8)).isEqualTo(rows);
        Api anonymous = new Api(APP.getLocalPort());
        assertThat(anonymous.get("/api/v1/konwents/krajowy/members?limit=500&status=ACTIVE").expect(200).json()
                .path("items")).hasSize(43);
        assertThat(anonymous.get("/api/v1/konwents/krajowy/members?voivodeship=24").expect(200).json()
                .path("items")).hasSize(4);
    }

    private static String readme(Path script, Path work) throws IOException, InterruptedException {
        return Scripts.bash(APP.getLocalPort(), List.of(script.toString()), work, Duration.ofSeconds(60));
    }

    private static String run(Path out) throws IOException, InterruptedException {
        return Scripts.bash(APP.getLocalPort(), List.of(Path.of("..", "examples", "founding.sh").toString(),
                out.toString()), null, Duration.ofSeconds(120));
    }
}
