package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestClock;

/**
 * D3 over HTTP on each engine: every change of what a konwent publishes appends a record to its chain, publicly
 * readable with its head; the server's walk finds a row or a file altered behind the API's back at the record it
 * breaks; and the README's procedure (examples/verify-archive-chain.py) recomputes the same hashes from the public
 * API alone.
 */
abstract class ArchiveChainApiContract {
    static final Instant START = Instant.parse("2027-05-10T08:00:00Z");
    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    abstract DropwizardAppExtension<KonwentConfiguration> app();

    abstract TestClock clock();

    abstract Jdbi database();

    private Api anonymous;
    private Api department;
    private Api secretariat;
    private Api representative;
    private String konwent;

    @BeforeEach
    void konwentWithDepartmentAndSecretariat() {
        clock().set(START);
        anonymous = new Api(app().getLocalPort());
        Api admin = anonymous.asAdmin();
        konwent = "chain" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent, "charter",
                Map.of("organiserCompetition", false))).expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        representative = Accounts.withRole(admin, anonymous, konwent + "-rep", konwent, "REPRESENTATIVE", "cis-x");
    }

    @Test
    void everyChangeOfWhatIsPublishedAppendsARecordAndNothingIsEverRemoved() {
        JsonNode empty = anonymous.get(path("/archive-chain/head")).expect(200).json();
        assertThat(empty.path("sequence").asLong()).isZero();
        assertThat(empty.path("hash").asText()).isEqualTo("0".repeat(64));

        Api.Reply draft = department.post(path("/documents"), document("Stanowisko w sprawie Łodzi", "Zażółć",
                "INTERNAL")).expect(201);
        String id = draft.json().path("id").asText();
        assertThat(records(null)).as("an INTERNAL document is not published").isEmpty();
        clock().advance(Duration.ofMinutes(1));
        Api.Reply published = department.put(path("/documents/" + id), document("Stanowisko w sprawie Łodzi",
                "Zażółć gęślą jaźń", "PUBLIC"), "If-Match", draft.header("ETag")).expect(200);
        department.post(path("/documents/" + id + "/files?filename=stanowisko.pdf"), PDF, "Content-Type",
                "application/pdf").expect(201);
        department.put(path("/documents/" + id), document("Stanowisko w sprawie Łodzi (poprawione)",
                "Zażółć gęślą jaźń", "PUBLIC")).expect(200);
        department.put(path("/documents/" + id), document("Stanowisko w sprawie Łodzi (poprawione)",
                "Zażółć gęślą jaźń", "INTERNAL")).expect(200);
        String other = department.post(path("/documents"), document("Komunikat", "Treść", "PUBLIC")).expect(201)
                .json().path("id").asText();
        department.delete(path("/documents/" + other)).expect(204);

        List<JsonNode> records = records(null);
        assertThat(records).extracting(r -> r.path("action").asText()).containsExactly("PUBLISHED", "REVISED",
                "REVISED", "WITHDRAWN", "PUBLISHED", "DELETED");
        assertThat(records).extracting(r -> r.path("documentId").asText()).containsExactly(id, id, id, id, other,
                other);
        assertThat(records).extracting(r -> r.path("documentVersion").asLong()).containsExactly(2L, 3L, 4L, 5L, 1L,
                1L);
        assertThat(records.get(0).path("recordedAt").asText()).isEqualTo("2027-05-10T08:01:00.000Z");
        assertThat(published.json().path("publishedAt").asText()).startsWith("2027-05-10T08:01");
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).path("sequence").asLong()).isEqualTo(i + 1);
            assertThat(records.get(i).path("previousHash").asText())
                    .isEqualTo(i == 0 ? "0".repeat(64) : records.get(i - 1).path("hash").asText());
        }
        assertThat(records.get(1).path("contentSha256").asText()).as("the file changed the content")
                .isNotEqualTo(records.get(0).path("contentSha256").asText());
        JsonNode head = anonymous.get(path("/archive-chain/head")).expect(200).json();
        assertThat(head.path("sequence").asLong()).isEqualTo(6);
        assertThat(head.path("hash").asText()).isEqualTo(records.get(5).path("hash").asText());
        assertThat(records(other)).hasSize(2);
        JsonNode pinned = anonymous.get(path("/feed.json")).expect(200).json().path("_konwent")
                .path("archiveChainHead");
        assertThat(pinned.path("hash").asText()).as("the JSON feed carries the head").isEqualTo(head.path("hash")
                .asText());
        assertThat(pinned.path("url").asText()).endsWith(path("/archive-chain/head"));

        JsonNode verification = secretariat.get(path("/archive-chain/verification")).expect(200).json();
        assertThat(verification.path("valid").asBoolean()).isTrue();
        assertThat(verification.path("checkedRecords").asLong()).isEqualTo(6);
        assertThat(verification.path("broken").isNull()).isTrue();
        assertThat(verification.path("head")).isEqualTo(head);
        anonymous.unvalidatedRequest().get(path("/archive-chain/verification")).expect(401);
        representative.get(path("/archive-chain/verification")).expect(403);
        anonymous.get("/api/v1/konwents/nie-ma-takiego/archive-chain/head").expect(404);
        JsonNode firstPage = anonymous.get(path("/archive-chain?limit=4")).expect(200).json();
        assertThat(firstPage.path("items")).hasSize(4);
        assertThat(anonymous.get(path("/archive-chain?cursor=" + firstPage.path("next").asText())).expect(200)
                .json().path("items").findValuesAsText("action")).containsExactly("PUBLISHED", "DELETED");
    }

    @Test
    void aDocumentRowAlteredBehindTheApisBackFailsVerificationAtItsRecord() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(department.post(path("/documents"), document("Uchwała nr " + i, "Treść " + i, "PUBLIC"))
                    .expect(201).json().path("id").asText());
        }
        assertThat(verify().path("valid").asBoolean()).isTrue();

        database().useHandle(h -> h.execute("UPDATE document SET body = 'Treść podmieniona' WHERE id = ?",
                ids.get(1)));
        JsonNode broken = verify();
        assertThat(broken.path("valid").asBoolean()).isFalse();
        assertThat(broken.path("checkedRecords").asLong()).isEqualTo(1);
        assertThat(broken.path("broken").path("sequence").asLong()).isEqualTo(2);
        assertThat(broken.path("broken").path("documentId").asText()).isEqualTo(ids.get(1));
        assertThat(broken.path("broken").path("link").asText()).isEqualTo("CONTENT");

        database().useHandle(h -> h.execute("UPDATE document SET body = 'Treść 2' WHERE id = ?", ids.get(1)));
        assertThat(verify().path("valid").asBoolean()).isTrue();
        database().useHandle(h -> h.execute("UPDATE archive_record SET title = 'Uchwała nr 9' WHERE konwent_id = ? "
                + "AND sequence_no = 1", konwent));
        JsonNode record = verify().path("broken");
        assertThat(record.path("sequence").asLong()).isEqualTo(1);
        assertThat(record.path("link").asText()).isEqualTo("RECORD_HASH");

        database().useHandle(h -> h.execute("UPDATE archive_record SET title = 'Uchwała nr 1' WHERE konwent_id = ? "
                + "AND sequence_no = 1", konwent));
        database().useHandle(h -> h.execute("DELETE FROM archive_record WHERE konwent_id = ? AND sequence_no = 2",
                konwent));
        JsonNode removed = verify().path("broken");
        assertThat(removed.path("sequence").asLong()).isEqualTo(3);
        assertThat(removed.path("link").asText()).isEqualTo("SEQUENCE");
    }

    @Test
    void aFileAlteredOnDiskFailsVerificationAtItsDocumentsRecord() throws IOException {
        String id = department.post(path("/documents"), document("Sprawozdanie", "", "PUBLIC")).expect(201).json()
                .path("id").asText();
        String fileId = department.post(path("/documents/" + id + "/files?filename=sprawozdanie.pdf"), PDF,
                "Content-Type", "application/pdf").expect(201).json().path("id").asText();
        department.post(path("/documents"), document("Później", "", "PUBLIC")).expect(201);
        assertThat(verify().path("valid").asBoolean()).isTrue();

        Path bytes = Path.of(app().getConfiguration().getDataDir(), "files", fileId);
        byte[] altered = PDF.clone();
        altered[altered.length - 8] = 'X';
        Files.write(bytes, altered);

        JsonNode broken = verify().path("broken");
        assertThat(broken.path("sequence").asLong()).isEqualTo(2);
        assertThat(broken.path("documentId").asText()).isEqualTo(id);
        assertThat(broken.path("link").asText()).isEqualTo("CONTENT");
        Files.write(bytes, PDF);
        assertThat(verify().path("valid").asBoolean()).isTrue();
    }

    @Test
    void theReadmeProcedureRecomputesTheApisHashesFromThePublicApiAlone() throws Exception {
        assumeTrue(python3Runs(), "python3 is needed for the README's procedure");
        String id = department.post(path("/documents"), document("Stanowisko \"cytat\" \\ i\tznaki\nnowej linii",
                "Zażółć gęślą jaźń\n\t✓", "PUBLIC")).expect(201).json().path("id").asText();
        department.post(path("/documents/" + id + "/files?filename=stanowisko.pdf"), PDF, "Content-Type",
                "application/pdf").expect(201);
        department.post(path("/documents"), document("Wniosek", "Treść", "PUBLIC")).expect(201);
        JsonNode head = anonymous.get(path("/archive-chain/head")).expect(200).json();

        JsonNode outside = script(head.path("sequence").asText(), head.path("hash").asText());
        assertThat(outside.path("valid").asBoolean()).as(outside.toString()).isTrue();
        assertThat(outside.path("records").asInt()).isEqualTo(3);
        assertThat(outside.path("head").path("hash").asText()).isEqualTo(head.path("hash").asText());

        database().useHandle(h -> h.execute("UPDATE document SET body = 'Inna treść' WHERE id = ?", id));
        JsonNode tampered = script();
        assertThat(tampered.path("valid").asBoolean()).isFalse();
        assertThat(tampered.path("broken").path("sequence").asInt()).isEqualTo(2);
        assertThat(tampered.path("broken").path("link").asText()).isEqualTo("CONTENT");
    }

    private JsonNode script(String... pinned) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", Path.of("..", "examples",
                "verify-archive-chain.py").toString(), konwent));
        command.addAll(List.of(pinned));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KONWENT_URL", "http://localhost:" + app().getLocalPort());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ObjectMapper().readTree(output);
    }

    private static boolean python3Runs() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private JsonNode verify() {
        return department.get(path("/archive-chain/verification")).expect(200).json();
    }

    private List<JsonNode> records(String documentId) {
        List<JsonNode> all = new ArrayList<>();
        anonymous.get(path("/archive-chain" + (documentId == null ? "" : "?documentId=" + documentId))).expect(200)
                .json().path("items").forEach(all::add);
        return all;
    }

    private String path(String rest) {
        return "/api/v1/konwents/" + konwent + rest;
    }

    private static Map<String, Object> document(String title, String body, String visibility) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", title);
        document.put("kind", "POSITION");
        document.put("date", "2027-05-01");
        document.put("body", body);
        document.put("visibility", visibility);
        return document;
    }
}
