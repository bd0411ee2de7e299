package pl.konwent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/*.md leads to a file of this repository: a newcomer with a fresh
 * clone meets no broken link, and none that works only on a machine where something lies beside the clone.
 */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Inline Markdown links and images: {@code [text](target "title")}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    @Test
    void everyRelativeLinkInReadmeAndDocsResolvesToAFileInTheRepository() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/domain.md"),
                ROOT.resolve("docs/api-conventions.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (String target : relativeLinks(Files.readString(page, StandardCharsets.UTF_8))) {
                checked++;
                String file = target.replaceFirst("#.*$", "");
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(5);
        assertThat(broken).as("links leading outside the repository or to nothing").isEmpty();
    }

    @Test
    void aLinkOutsideTheRepositoryIsCaughtEvenWhenSomethingLiesThere() {
        assertThat(relativeLinks("see [the rules](../shared/DOMAIN.md) and [ops](docs/operations.md#backup), "
                + "[site](https://example.org/x) and [top](#top)"))
                .containsExactly("../shared/DOMAIN.md", "docs/operations.md#backup", "#top");
        assertThat(ROOT.resolve("../shared/DOMAIN.md").normalize().startsWith(ROOT)).isFalse();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The link targets that are not absolute URLs (any scheme, e.g. https: or mailto:). */
    static List<String> relativeLinks(String markdown) {
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(markdown);
        while (link.find()) {
            String target = link.group(1);
            if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                targets.add(target);
            }
        }
        return targets;
    }
}
