package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Councils;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestClock;

/**
 * Issue 23, item 3, on each engine: a meeting lived through the API (delegations, attendance, an open and a
 * secret vote, a council election closed while it sat) ends in minutes drawn up as PDF/A that read back with
 * Polish text intact, archived as the meeting's public MINUTES document (a new version on drawing them up
 * again, the first PDF kept), carried by the feed; and the results as JSON and as a spreadsheet-safe CSV.
 */
abstract class MinutesApiContract {
    static final Instant START = Instant.parse("2027-01-04T09:00:00Z");
    private static final String FORMULA = "=HYPERLINK(\"http://zlo.example\",\"Kliknij\")";

    abstract DropwizardAppExtension<KonwentConfiguration> app();

    abstract TestClock clock();

    @TempDir
    Path dir;

    private Api anonymous;
    private String konwent;
    private final List<String> m = new ArrayList<>();
    private final List<Api> rep = new ArrayList<>();

    @Test
    void aHeldMeetingsMinutesArePdfAWithPolishTextArchivedAndItsResultsSpreadsheetSafe() throws Exception {
        clock().set(START);
        anonymous = new Api(app().getLocalPort());
        Api admin = anonymous.asAdmin();
        konwent = "prot" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent Świętokrzyski " + konwent,
                "charter", Map.of("organiserCompetition", false))).expect(201);
        Api department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        Api secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        Councils.Council council = Councils.appoint(admin, anonymous, department, konwent, konwent, 2027);
        m.addAll(council.memberIds());
        rep.addAll(council.representatives());
        m.add(Declarations.acceptedMember(anonymous, council.any(), konwent, "KIS „Żółta Łąka” w Źródłach", "KIS"));
        rep.add(Accounts.withRole(admin, anonymous, konwent + "-rep6", konwent, "REPRESENTATIVE", m.get(5)));

        String meeting = secretariat.post(path("/meetings"), meeting()).expect(201).json().path("id").asText();
        secretariat.post(path("/meetings/" + meeting + "/invitation"), null).expect(200);
        rep.get(5).post(path("/meetings/" + meeting + "/registrations"), Map.of("memberId", m.get(5), "persons",
                List.of(Map.of("name", "Grzegorz Brzęczyszczykiewicz"), Map.of("name", "Ewa Żak",
                        "participation", "ONLINE")))).expect(201);
        String open = council.any().post(path("/votes"), vote("Stanowisko w sprawie ustawy o zatrudnieniu "
                + "socjalnym – źdźbło", false, meeting)).expect(201).json().path("id").asText();
        clock().advance(java.time.Duration.ofMinutes(1)); // the minutes list votes in the order they were prepared
        String secret = council.any().post(path("/votes"), vote(FORMULA, true, meeting)).expect(201).json()
                .path("id").asText();
        String election = council.any().post(path("/elections"), Map.of("year", 2028)).expect(201).json()
                .path("id").asText();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            candidates.add(rep.get(i).post(path("/elections/" + election + "/candidates"), Map.of("memberId",
                    m.get(i), "personName", i == 0 ? "Łucja Ścisło" : "Osoba " + i, "nominatedBy", m.get(i)))
                    .expect(201).json().path("id").asText());
        }

        // the day of the meeting: attendance, both votes, the election closed while it sits
        clock().set("2027-03-10T10:30:00+01:00");
        secretariat.put(path("/meetings/" + meeting + "/attendance"), Map.of("present", List.of(
                Map.of("memberId", m.get(0), "mode", "IN_PERSON"), Map.of("memberId", m.get(1), "mode", "ONLINE"),
                Map.of("memberId", m.get(2), "mode", "IN_PERSON"), Map.of("memberId", m.get(5), "mode",
                        "IN_PERSON")))).expect(200);
        secretariat.post(path("/meetings/" + meeting + "/minutes"), null).expect(409);
        council.any().post(path("/votes/" + open + "/opening"), null).expect(200);
        council.any().post(path("/votes/" + secret + "/opening"), null).expect(200);
        department.post(path("/elections/" + election + "/opening"), null).expect(200);
        for (int i = 0; i < 6; i++) {
            rep.get(i).post(path("/votes/" + open + "/ballots"), Map.of("memberId", m.get(i), "choice",
                    i < 4 ? "FOR" : "AGAINST")).expect(201);
            rep.get(i).post(path("/votes/" + secret + "/ballots"), Map.of("memberId", m.get(i), "choice",
                    i < 2 ? "FOR" : "ABSTAIN")).expect(201);
            rep.get(i).post(path("/elections/" + election + "/ballots"), Map.of("memberId", m.get(i), "approve",
                    candidates.subList(0, 5))).expect(201);
        }
        council.any().post(path("/votes/" + open + "/closing"), null).expect(200);
        council.any().post(path("/votes/" + secret + "/closing"), null).expect(200);
        department.post(path("/elections/" + election + "/closing"), null).expect(200);
        clock().set("2027-03-10T17:00:00+01:00");
        secretariat.post(path("/meetings/" + meeting + "/completion"), null).expect(200);

        // who may draw the minutes up
        anonymous.get(path("/meetings/" + meeting + "/minutes")).expect(404);
        anonymous.unvalidatedRequest().post(path("/meetings/" + meeting + "/minutes"), null).expect(401);
        department.post(path("/meetings/" + meeting + "/minutes"), null).expect(403);
        rep.get(5).post(path("/meetings/" + meeting + "/minutes"), null).expect(403);
        secretariat.post(path("/meetings/nie-ma/minutes"), null).expect(404);

        Api.Reply drawn = secretariat.post(path("/meetings/" + meeting + "/minutes"), null).expect(201);
        JsonNode document = drawn.json();
        String documentId = document.path("id").asText();
        assertThat(drawn.header("Location")).endsWith("/api/v1/konwents/" + konwent + "/documents/" + documentId);
        assertThat(document.path("kind").asText()).isEqualTo("MINUTES");
        assertThat(document.path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(document.path("source").path("type").asText()).isEqualTo("MINUTES");
        assertThat(document.path("source").path("id").asText()).isEqualTo(meeting);
        assertThat(document.path("date").asText()).isEqualTo("2027-03-10");
        assertThat(document.path("body").asText()).contains("Posiedzenie w Łodzi", "KIS „Żółta Łąka” w Źródłach")
                .doesNotContain("Brzęczyszczykiewicz", "Ewa Żak");
        assertThat(document.path("files")).hasSize(1);
        JsonNode file = document.path("files").get(0);
        assertThat(file.path("contentType").asText()).isEqualTo("application/pdf");

        // the PDF as a reader opens it: Polish text intact, PDF/A-1b by its metadata and by Preflight
        byte[] pdf = anonymous.get(path("/documents/" + documentId + "/files/" + file.path("id").asText()))
                .expect(200).bytes();
        String text;
        try (PDDocument read = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
            PDFAIdentificationSchema id = new DomXmpParser().parse(read.getDocumentCatalog().getMetadata()
                    .exportXMPMetadata()).getPDFAIdentificationSchema();
            assertThat(id.getPart()).isEqualTo(1);
            assertThat(id.getConformance()).isEqualTo("B");
        }
        assertThat(text).contains("Protokół posiedzenia: Posiedzenie w Łodzi – źródła współpracy",
                "Konwent Świętokrzyski", "Miejsce: Sala Żółta, ul. Piotrkowska 1, 90-001 Łódź",
                "Transmisja online: https://meet.example.pl/konwent", "10.03.2027 10:00–16:00",
                "Obecnych członków: 4 z 6", "KIS „Żółta Łąka” w Źródłach – na miejscu; delegacja: 2 os. (na miejscu 1, "
                        + "online 1)",
                "Stanowisko w sprawie ustawy o zatrudnieniu socjalnym – źdźbło (stanowisko, głosowanie jawne)",
                "Wynik: za 4, przeciw 2, wstrzymało się 0 (oddano 6)", "uchwała PRZYJĘTA",
                "Wynik: za 2, przeciw 0, wstrzymało się 4 (oddano 6)",
                "Głosowanie tajne: podaje się wyłącznie liczby głosów (V3).",
                "Wybory na rok 2028", "Łucja Ścisło", "wybrany", "Przyjęte uchwały")
                .doesNotContain("Brzęczyszczykiewicz", "Ewa Żak");
        File saved = dir.resolve("protokol.pdf").toFile();
        Files.write(saved.toPath(), pdf);
        ValidationResult preflight = PreflightParser.validate(saved);
        assertThat(preflight.getErrorsList()).extracting(e -> e.getErrorCode() + " " + e.getDetails()).isEmpty();

        // drawn up again: a new version of the same document, the first PDF kept
        Api.Reply again = council.any().post(path("/meetings/" + meeting + "/minutes"), null).expect(200);
        assertThat(again.json().path("id").asText()).isEqualTo(documentId);
        assertThat(again.json().path("files")).hasSize(2);
        assertThat(again.json().path("files").get(0).path("id").asText()).isEqualTo(file.path("id").asText());
        assertThat(again.header("ETag")).isNotEqualTo(drawn.header("ETag"));
        JsonNode archived = anonymous.get(path("/meetings/" + meeting + "/minutes")).expect(200).json();
        assertThat(archived.path("id").asText()).isEqualTo(documentId);
        // D3: both editions are in the archive chain with their PDFs, and the chain verifies
        JsonNode verification = department.get(path("/archive-chain/verification")).expect(200).json();
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(anonymous.get(path("/archive-chain?documentId=" + documentId)).expect(200).json().path("items")
                .findValuesAsText("action")).containsExactly("PUBLISHED", "REVISED");
        assertThat(anonymous.get(path("/documents?kind=MINUTES")).expect(200).json().path("items")).hasSize(1);
        assertThat(anonymous.get(path("/feed.json")).expect(200).json().path("items").findValuesAsText("title"))
                .contains("Protokół posiedzenia: Posiedzenie w Łodzi – źródła współpracy");

        // the results as JSON: a secret vote by its counts only
        JsonNode results = anonymous.get(path("/meetings/" + meeting + "/results")).expect(200).json();
        assertThat(results.path("votes")).extracting(v -> v.path("voteId").asText()).containsExactly(open, secret);
        assertThat(results.path("votes").get(0).path("result").path("ballots")).hasSize(6);
        assertThat(results.path("votes").get(1).path("result").path("ballots").isNull()).isTrue();
        assertThat(results.path("votes").get(1).path("result").path("counts").path("abstain").asInt()).isEqualTo(4);
        assertThat(results.path("elections").get(0).path("result").path("ranking")).hasSize(6);

        // and as CSV a spreadsheet opens safely: UTF-8 with BOM, the formula a title began with neutralised
        Api.Reply csv = anonymous.get(path("/meetings/" + meeting + "/results"), "Accept", "text/csv").expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.bytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<List<String>> rows = parse(new String(csv.bytes(), StandardCharsets.UTF_8).substring(1));
        assertThat(rows.get(0)).startsWith("record", "id", "title");
        assertThat(rows).hasSize(1 + 2 + 6);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(rows.get(0).size()));
        assertThat(rows).allSatisfy(row -> assertThat(row).noneSatisfy(cell ->
                assertThat(cell).matches("^[\\s]*[=+\\-@＝＋－＠\\t\\r].*")));
        assertThat(rows.get(1)).contains(open, "Stanowisko w sprawie ustawy o zatrudnieniu socjalnym – źdźbło",
                "ADOPTED");
        assertThat(rows.get(2)).contains(secret, "'" + FORMULA, "true", "2", "0", "4");
        assertThat(rows.subList(3, 9)).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("ELECTION_CANDIDATE"));
        assertThat(rows.subList(3, 9)).anySatisfy(row -> assertThat(row).contains("Łucja Ścisło", "ELECTED"));
        String all = String.join(" ", rows.stream().flatMap(List::stream).toList());
        assertThat(all).doesNotContain("FOR", "AGAINST", "ABSTAIN");
    }

    /** RFC 4180 as a spreadsheet reads it: quoted cells, doubled quotes, CRLF between rows. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    private static Map<String, Object> meeting() {
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("title", "Posiedzenie w Łodzi – źródła współpracy");
        meeting.put("startsAt", "2027-03-10T10:00:00+01:00");
        meeting.put("endsAt", "2027-03-10T16:00:00+01:00");
        meeting.put("venue", Map.of("name", "Sala Żółta", "address", "ul. Piotrkowska 1, 90-001 Łódź"));
        meeting.put("onlineUrl", "https://meet.example.pl/konwent");
        meeting.put("scope", "Ekonomia społeczna; współpraca z samorządami");
        meeting.put("agenda", List.of(Map.of("title", "Otwarcie"), Map.of("title", "Głosowania")));
        meeting.put("delegationLimit", 2);
        return meeting;
    }

    private static Map<String, Object> vote(String title, boolean secret, String meetingId) {
        return Map.of("title", title, "kind", "POSITION", "text", "Konwent popiera zmianę ustawy – pełna treść.",
                "secret", secret, "meetingId", meetingId);
    }

    private String path(String tail) {
        return "/api/v1/konwents/" + konwent + tail;
    }
}
