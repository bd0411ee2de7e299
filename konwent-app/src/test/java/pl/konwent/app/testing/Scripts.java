package pl.konwent.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the project's bash scripts (examples/) against a test server, as a newcomer would against theirs. */
public final class Scripts {
    private static final Pattern TESTED_BLOCK =
            Pattern.compile("<!-- tested: [^>]*-->\\s*```sh\\n(.*?)```", Pattern.DOTALL);

    private Scripts() {
    }

    /** README's blocks marked {@code <!-- tested: ... -->}, as one script in {@code work}; answers its path. */
    public static Path readmeBlocks(Path work) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher blocks = TESTED_BLOCK.matcher(readme);
        StringBuilder script = new StringBuilder("set -eu\n");
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        assertThat(script).as("README has tested blocks").contains("curl");
        Path file = work.resolve("readme.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return file;
    }

    /** What README's blocks print when they succeed, the first time or any later one. */
    public static void assertReadmeRan(String output) {
        assertThat(output).contains("\"links\"", "304\n", "\"role\":\"DEPARTMENT\"", "\"status\":400",
                "\"status\":422", "\"status\":401", "\"status\":404");
        assertThat(output.strip()).endsWith("204");
    }

    /**
     * Runs {@code bash arguments…} in {@code directory} (null: the current one) with KONWENT_URL pointing at the
     * server on {@code port} and the first ADMIN's password; asserts it ends in time and succeeds; its output.
     */
    public static String bash(int port, List<String> arguments, Path directory, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash").redirectErrorStream(true);
        builder.command().addAll(arguments);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("KONWENT_URL", "http://127.0.0.1:" + port);
        builder.environment().put("KONWENT_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("%s finished in time", arguments)
                .isTrue();
        assertThat(process.exitValue()).as("%s failed:\n%s", arguments, output).isZero();
        return output;
    }
}
