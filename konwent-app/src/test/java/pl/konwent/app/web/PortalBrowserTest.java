package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/**
 * D2 in a real browser: a regional portal's page, served from another origin than the API (the only origin the
 * API's CORS allows here), embeds the portal view with its two lines; headless Chromium loads it, the component
 * reads the public API across origins and renders into its shadow root. A script of the host page writes what
 * the shadow root holds (text, headings, links, a computed style) into the light DOM, which Chromium's
 * {@code --dump-dom} prints; a second run keeps a screenshot in target/portal-screenshots. Skipped where no
 * Chromium is installed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PortalBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final Map<String, byte[]> PAGES = new ConcurrentHashMap<>();
    private static final HttpServer HOST = hostServer();
    private static final String HOST_ORIGIN = "http://127.0.0.1:" + HOST.getAddress().getPort();
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2,
            ConfigOverride.config("cors.allowedOrigins", HOST_ORIGIN));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path profile;

    @AfterAll
    static void stopHost() {
        HOST.stop(0);
    }

    @Test
    void aPortalPageElsewhereShowsTheKonwentsMembersMeetingsDocumentsAndResults() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "No Chromium at " + CHROMIUM + " (apt-get install chromium): the "
                + "portal view is not tested in a browser on this machine");
        String api = "http://127.0.0.1:" + APP.getLocalPort();
        String konwent = seededKonwent(new Api(APP.getLocalPort()));
        serve("/portal.html", hostPage(api, konwent));

        JsonNode report = report(chromium("--dump-dom", HOST_ORIGIN + "/portal.html"));

        assertThat(report.path("state").asText()).isEqualTo("ready");
        String text = report.path("text").asText();
        assertThat(headings(report)).contains("h2 Konwent Dolnośląski", "h3 Najbliższe posiedzenia",
                "h3 Członkowie (4)", "h4 Województwo dolnośląskie", "h4 Województwo wielkopolskie",
                "h5 Centra Integracji Społecznej (2)", "h5 Kluby Integracji Społecznej (1)", "h3 Ostatnie dokumenty",
                "h3 Wyniki głosowań i wyborów");
        assertThat(text).contains("CIS Wrocław", "KIS Legnica", "Posiedzenie jesienne „Łódź” <&>",
                "Stanowisko w sprawie reintegracji", "Przyjęta", "Za: 2, przeciw: 0")
                .doesNotContain("Notatka wewnętrzna", "cis@example.pl", "Anna Nowak");
        assertThat(report.path("lang").asText()).isEqualTo("pl");
        assertThat(report.path("region").asText()).isNotBlank();
        // a member's name that is markup stays text: no element came of it
        assertThat(text).contains("CIS <img src=x onerror=alert(1)>");
        assertThat(report.path("images").asInt()).isZero();
        // the host page colours every h2 red: its style does not reach inside
        assertThat(report.path("h2Color").asText()).isNotEqualTo("rgb(255, 0, 0)");

        Map<String, JsonNode> links = links(report);
        assertThat(links.get("Dołącz online").path("href").asText()).isEqualTo("https://spotkania.example.pl/konwent");
        assertThat(links.get("Dołącz online").path("label").asText()).startsWith("Dołącz online: Posiedzenie");
        assertThat(links.get("Dodaj do kalendarza").path("href").asText())
                .isEqualTo(api + "/api/v1/konwents/" + konwent + "/meetings.ics");
        assertThat(links.get("Stanowisko w sprawie reintegracji").path("href").asText())
                .startsWith(api + "/portal/v1/konwents/" + konwent + "/documents/");
        assertThat(report.path("links")).allSatisfy(link -> assertThat(link.path("focusable").asBoolean()).isTrue());

        // the API's own portal page holds the same view, under its own content security policy
        assertThat(chromium("--dump-dom", api + "/portal/v1/konwents/" + konwent))
                .containsPattern("<konwent-portal [^>]*data-state=\"ready\"");

        screenshot("portal.png", HOST_ORIGIN + "/portal.html");
        screenshot("meeting.png", links.get("Posiedzenie jesienne „Łódź” <&>").path("href").asText());
    }

    /** Keeps a picture of the page as a build artefact, for people to look at. */
    private void screenshot(String name, String address) throws Exception {
        Path screenshot = SCREENSHOTS.resolve(name).toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, "--window-size=1280,1000", "--hide-scrollbars", address);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    }

    /** A konwent with members in two voivodeships, an upcoming online meeting, documents and a closed vote. */
    private static String seededKonwent(Api anonymous) {
        Api admin = anonymous.asAdmin();
        String konwent = "dolnoslaski";
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent Dolnośląski", "description",
                "Regionalny konwent centrów i klubów integracji społecznej Dolnego Śląska.")).expect(201);
        Api department = Accounts.withRole(admin, anonymous, "portal-dep", konwent, "DEPARTMENT", null);
        List<String> members = new ArrayList<>();
        members.add(member(anonymous, department, konwent, "CIS Wrocław", "CIS", "Wrocław", "02"));
        members.add(member(anonymous, department, konwent, "KIS Legnica", "KIS", "Legnica", "02"));
        members.add(member(anonymous, department, konwent, "CIS Wałbrzych", "CIS", "Wałbrzych", "02"));
        members.add(member(anonymous, department, konwent, "CIS <img src=x onerror=alert(1)>", "CIS", "Pniewy",
                "30"));

        ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Europe/Warsaw")).plusDays(20).truncatedTo(ChronoUnit.DAYS)
                .withHour(10);
        DateTimeFormatter rfc3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
        String meeting = admin.post("/api/v1/konwents/" + konwent + "/meetings", Map.of(
                "title", "Posiedzenie jesienne „Łódź” <&>", "startsAt", start.format(rfc3339),
                "endsAt", start.plusHours(4).format(rfc3339), "venue", Map.of("name", "Sala konferencyjna",
                        "address", "ul. Rynek 1, Wrocław"), "onlineUrl", "https://spotkania.example.pl/konwent",
                "scope", "Ekonomia społeczna", "delegationLimit", 2)).expect(201).json().path("id").asText();
        admin.post("/api/v1/konwents/" + konwent + "/meetings/" + meeting + "/invitation", null).expect(200);

        department.post("/api/v1/konwents/" + konwent + "/documents", Map.of("title",
                "Stanowisko w sprawie reintegracji", "kind", "POSITION", "date", "2026-10-21", "visibility", "PUBLIC",
                "body", "Konwent popiera zwiększenie środków na reintegrację społeczną.")).expect(201);
        department.post("/api/v1/konwents/" + konwent + "/documents", Map.of("title", "Notatka wewnętrzna",
                "kind", "OTHER", "date", "2026-10-22", "visibility", "INTERNAL", "body", "Tylko dla departamentu"))
                .expect(201);

        String votes = "/api/v1/konwents/" + konwent + "/votes";
        String vote = admin.post(votes, Map.of("title", "Wniosek o przyjęcie planu", "kind", "MOTION", "text",
                "Konwent przyjmuje plan.", "secret", false)).expect(201).json().path("id").asText();
        admin.post(votes + "/" + vote + "/opening", null).expect(200);
        for (int i = 0; i < 2; i++) {
            Api representative = Accounts.withRole(admin, anonymous, "portal-rep-" + i, konwent, "REPRESENTATIVE",
                    members.get(i));
            representative.post(votes + "/" + vote + "/ballots", Map.of("memberId", members.get(i), "choice", "FOR"))
                    .expect(201);
        }
        admin.post(votes + "/" + vote + "/closing", null).expect(200);
        return konwent;
    }

    private static String member(Api anonymous, Api decider, String konwent, String name, String kind, String town,
                                 String voivodeship) {
        Map<String, Object> declaration = Declarations.of(name);
        declaration.put("kind", kind);
        declaration.put("address", Map.of("street", "ul. Społeczna 1", "postalCode", "50-001", "town", town,
                "voivodeship", voivodeship));
        String id = anonymous.post("/api/v1/konwents/" + konwent + "/declarations", declaration).expect(201).json()
                .path("id").asText();
        return decider.post("/api/v1/konwents/" + konwent + "/declarations/" + id + "/decision",
                Map.of("outcome", "ACCEPTED", "reason", "Spełnia warunki")).expect(200).json().path("memberId")
                .asText();
    }

    /**
     * The regional portal's page: its own styles (which must not reach the view), the two lines of README, and a
     * script that, once the view says it is ready, writes what its open shadow root holds into the light DOM.
     */
    private static String hostPage(String api, String konwent) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Portal regionalny</title>
                <style>
                  body { margin: 0; padding: 24px 32px; background: #e9eef2; font-family: Georgia, serif; }
                  h2, h3, li { color: rgb(255, 0, 0) !important; text-transform: uppercase; }
                </style>
                <script type="module" src="API/portal/v1/konwent-portal.js"></script>
                </head>
                <body>
                <h1>Portal regionalny Dolnego Śląska</h1>
                <konwent-portal konwent="KONWENT" api="API"></konwent-portal>
                <script>
                  function report(state) {
                    const root = document.querySelector('konwent-portal').shadowRoot;
                    const all = selector => [...root.querySelectorAll(selector)];
                    const region = root.querySelector('[role=region]');
                    const data = {
                      state: state,
                      text: root.textContent.replace(/\\s+/g, ' '),
                      headings: all('h2, h3, h4, h5').map(h => h.tagName.toLowerCase() + ' ' + h.textContent),
                      links: all('a').map(a => {
                        a.focus();
                        return {text: a.textContent, href: a.href, label: a.getAttribute('aria-label'),
                                focusable: root.activeElement === a};
                      }),
                      images: all('img').length,
                      lang: root.querySelector('[lang]') ? root.querySelector('[lang]').getAttribute('lang') : null,
                      region: region ? region.getAttribute('aria-labelledby') : null,
                      h2Color: root.querySelector('h2') ? getComputedStyle(root.querySelector('h2')).color : null
                    };
                    document.activeElement.blur();
                    const bytes = new TextEncoder().encode(JSON.stringify(data));
                    document.body.setAttribute('data-report', btoa(String.fromCharCode(...bytes)));
                  }
                  document.addEventListener('konwent-portal-ready', () => report('ready'));
                  document.addEventListener('konwent-portal-error', event => report('error: ' + event.detail.message));
                </script>
                </body>
                </html>
                """.replace("API", api).replace("KONWENT", konwent);
    }

    private static HttpServer hostServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] page = PAGES.get(exchange.getRequestURI().getPath());
                if (page == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(String path, String html) {
        PAGES.put(path, html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs headless Chromium with a fresh profile until it ends by itself (it does once the page has loaded and
     * its network and timers are idle: virtual time), or kills it after a minute; what it printed.
     */
    private String chromium(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--virtual-time-budget=20000",
                "--user-data-dir=" + Files.createTempDirectory(profile, "chromium")));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(profile, "out", ".html");
        Path err = Files.createTempFile(profile, "err", ".log");
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        try {
            assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("Chromium ended within a minute").isTrue();
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        assertThat(chromium.exitValue()).as("Chromium's exit code; it said:%n%s", Files.readString(err)).isZero();
        return Files.readString(out);
    }

    private static JsonNode report(String dom) throws IOException {
        Matcher report = Pattern.compile("data-report=\"([A-Za-z0-9+/=]+)\"").matcher(dom);
        assertThat(report.find()).as("the host page's report of the view, in:%n%s", dom).isTrue();
        return JSON.readTree(Base64.getDecoder().decode(report.group(1)));
    }

    private static List<String> headings(JsonNode report) {
        List<String> headings = new ArrayList<>();
        report.path("headings").forEach(heading -> headings.add(heading.asText()));
        return headings;
    }

    private static Map<String, JsonNode> links(JsonNode report) {
        Map<String, JsonNode> links = new LinkedHashMap<>();
        report.path("links").forEach(link -> links.putIfAbsent(link.path("text").asText(), link));
        return links;
    }
}
