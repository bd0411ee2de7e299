package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Councils;
import pl.konwent.app.testing.TestClock;

/**
 * The archive (D1) over HTTP on each engine: the department writes documents, INTERNAL ones stay invisible to the
 * public (by id, in lists, in search, their files), Polish search, filters and paging, files sniffed by their
 * bytes with their size limit and checksum, and the documents adopted votes and published communiqués leave.
 */
abstract class DocumentApiContract {
    static final Instant START = Instant.parse("2027-05-10T08:00:00Z");
    /** Above the 1 MiB every other body is limited to, so the test shows uploads get their own limit. */
    static final String MAX_FILE_SIZE = "2MB";

    abstract DropwizardAppExtension<KonwentConfiguration> app();

    abstract TestClock clock();

    private Api anonymous;
    private Api admin;
    private Api department;
    private Api secretariat;
    private Councils.Council council;
    /** A member's representative outside the council: no role that reads INTERNAL documents. */
    private Api representative;
    private String konwent;

    @BeforeEach
    void konwentWithDepartmentCouncilAndSecretariat() {
        clock().set(START);
        anonymous = new Api(app().getLocalPort());
        admin = anonymous.asAdmin();
        konwent = "arch" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent, "charter", Map.of("organiserCompetition", false)))
                .expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        council = Councils.appoint(admin, anonymous, department, konwent, konwent, 2027);
        representative = Accounts.withRole(admin, anonymous, konwent + "-rep", konwent, "REPRESENTATIVE", "cis-x");
    }

    @Test
    void theDepartmentArchivesAndPublishesAndThePublicSeesOnlyWhatIsPublished() {
        Api.Reply created = department.post(path("/documents"), document("Stanowisko w sprawie ŁODZI",
                "Zażółć gęślą jaźń", "POSITION", "2027-03-10", "INTERNAL")).expect(201);
        JsonNode internal = created.json();
        String id = internal.path("id").asText();
        assertThat(created.header("Location")).endsWith(path("/documents/" + id));
        assertThat(internal.path("language").asText()).isEqualTo("pl");
        assertThat(internal.path("publishedAt").isNull()).isTrue();
        assertThat(internal.path("source").isNull()).isTrue();
        council.any().post(path("/documents"), document("Nie", "", "OTHER", "2027-03-10", "PUBLIC")).expect(403);
        anonymous.unvalidatedRequest().post(path("/documents"), document("Nie", "", "OTHER", "2027-03-10", null))
                .expect(401);
        department.unvalidatedRequest().post(path("/documents"), Map.of("title", "Bez rodzaju", "date", "10.03.2027",
                "language", "polski")).expect(422);

        // INTERNAL: invisible to the public and to a representative, by id, in the list and in search
        anonymous.get(path("/documents/" + id)).expect(404);
        representative.get(path("/documents/" + id)).expect(404);
        assertThat(ids(representative.get(path("/documents")))).doesNotContain(id);
        secretariat.get(path("/documents/" + id)).expect(200);
        council.any().get(path("/documents/" + id)).expect(200);
        assertThat(ids(anonymous.get(path("/documents")))).doesNotContain(id);
        assertThat(ids(anonymous.get(path("/documents?q=%C5%82odzi")))).isEmpty();
        assertThat(ids(department.get(path("/documents?q=%C5%82odzi")))).containsExactly(id);

        // revised with If-Match; made PUBLIC it is published
        department.put(path("/documents/" + id), document("Stanowisko w sprawie Łodzi", "Zażółć gęślą jaźń",
                "POSITION", "2027-03-10", "INTERNAL"), "If-Match", created.header("ETag")).expect(200);
        department.put(path("/documents/" + id), document("Stale", "", "POSITION", "2027-03-10", "PUBLIC"),
                "If-Match", created.header("ETag")).expect(412);
        Api.Reply current = department.get(path("/documents/" + id)).expect(200);
        JsonNode published = department.put(path("/documents/" + id), document("Stanowisko w sprawie Łodzi",
                "Zażółć gęślą jaźń", "POSITION", "2027-03-10", "PUBLIC"), "If-Match", current.header("ETag"))
                .expect(200).json();
        assertThat(published.path("publishedAt").asText()).isNotEmpty();
        Api.Reply read = anonymous.get(path("/documents/" + id)).expect(200);
        anonymous.get(path("/documents/" + id), "If-None-Match", read.header("ETag")).expect(304);
        assertThat(ids(anonymous.get(path("/documents?q=" + encode("ŁODZI stanowisko GĘŚLĄ"))))).containsExactly(id);
        assertThat(ids(anonymous.get(path("/documents?q=lodzi")))).isEmpty();

        // deleted only from the version read
        department.delete(path("/documents/" + id), "If-Match", current.header("ETag")).expect(412);
        department.delete(path("/documents/" + id), "If-Match", read.header("ETag")).expect(204);
        anonymous.get(path("/documents/" + id)).expect(404);
    }

    @Test
    void filtersAndSearchApplyBeforePagingAndNeverRevealInternalDocuments() {
        for (int day = 1; day <= 6; day++) {
            department.post(path("/documents"), document("Wniosek nr " + day + " – źródła finansowania", "Treść",
                    day % 2 == 0 ? "MOTION" : "POSTULATE", "2027-01-0" + day, day <= 4 ? "PUBLIC" : "INTERNAL"))
                    .expect(201);
        }
        JsonNode first = anonymous.get(path("/documents?q=%C5%B9R%C3%93D%C5%81A&limit=3")).expect(200).json();
        assertThat(first.path("items").findValuesAsText("date")).containsExactly("2027-01-04", "2027-01-03",
                "2027-01-02");
        JsonNode second = anonymous.get(path("/documents?q=%C5%BAr%C3%B3d%C5%82a&limit=3&cursor="
                + first.path("next").asText())).expect(200).json();
        assertThat(second.path("items").findValuesAsText("date")).containsExactly("2027-01-01");
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(anonymous.get(path("/documents?visibility=INTERNAL")).expect(200).json().path("items")).isEmpty();
        assertThat(department.get(path("/documents?visibility=INTERNAL")).expect(200).json().path("items"))
                .hasSize(2);
        assertThat(department.get(path("/documents?kind=MOTION&from=2027-01-02&to=2027-01-04")).expect(200).json()
                .path("items").findValuesAsText("date")).containsExactly("2027-01-04", "2027-01-02");
        anonymous.unvalidatedRequest().get(path("/documents?kind=UCHWALA")).expect(422);
        anonymous.unvalidatedRequest().get(path("/documents?from=jutro")).expect(422);
    }

    @Test
    void filesAreSniffedFromTheirBytesLimitedInSizeAndServedWithTheirChecksum() throws IOException {
        String id = department.post(path("/documents"), document("Sprawozdanie rady", "", "COUNCIL_REPORT",
                "2027-04-01", "INTERNAL")).expect(201).json().path("id").asText();
        String files = path("/documents/" + id + "/files");
        byte[] pdf = pdf(1_500_000);

        JsonNode uploaded = department.post(files + "?filename=" + encode("../../etc/Sprawozdanie „rady”.pdf"), pdf,
                "Content-Type", "application/octet-stream").expect(201).json();
        assertThat(uploaded.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(uploaded.path("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(uploaded.path("name").asText()).isEqualTo("Sprawozdanie „rady”.pdf");
        String file = files + "/" + uploaded.path("id").asText();

        JsonNode docx = department.post(files, docx(), "Content-Type", "application/pdf",
                "Content-Disposition", "attachment; filename=\"plan.docx\"").expect(201).json();
        assertThat(docx.path("contentType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.path("name").asText()).isEqualTo("plan.docx");
        JsonNode odt = department.post(files, odt(), "Content-Type", "application/vnd.oasis.opendocument.text")
                .expect(201).json();
        assertThat(odt.path("contentType").asText()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(odt.path("name").asText()).isEqualTo("dokument.odt");
        assertThat(department.get(path("/documents/" + id)).expect(200).json().path("files")).hasSize(3);

        // anything else is refused by its bytes, whatever it claims to be; too large is refused too
        department.unvalidatedRequest().post(files, png(), "Content-Type", "application/pdf").expect(415);
        department.unvalidatedRequest().post(files, zip("inny.txt", "nie dokument"), "Content-Type",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document").expect(415);
        department.unvalidatedRequest().post(files, pdf(2_100_000), "Content-Type", "application/pdf").expect(413);
        council.any().post(files, pdf(100), "Content-Type", "application/pdf").expect(403);

        // the file follows its document's visibility
        anonymous.get(file).expect(404);
        representative.get(file).expect(404);
        Api.Reply download = secretariat.get(file).expect(200);
        assertThat(download.header("Content-Type")).startsWith("application/pdf");
        assertThat(download.header("Content-Length")).isEqualTo(String.valueOf(pdf.length));
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256(pdf) + "\"");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"Sprawozdanie _rady_.pdf\"; "
                + "filename*=UTF-8''Sprawozdanie%20%E2%80%9Erady%E2%80%9D.pdf");
        assertThat(sha256(download.bytes())).isEqualTo(uploaded.path("sha256").asText());
        secretariat.get(file, "If-None-Match", download.header("ETag")).expect(304);
        Api.Reply current = department.get(path("/documents/" + id)).expect(200);
        department.put(path("/documents/" + id), document("Sprawozdanie rady", "", "COUNCIL_REPORT", "2027-04-01",
                "PUBLIC"), "If-Match", current.header("ETag")).expect(200);
        assertThat(anonymous.get(file).expect(200).bytes()).isEqualTo(pdf);

        department.delete(file).expect(204);
        anonymous.get(file).expect(404);
        assertThat(anonymous.get(path("/documents/" + id)).expect(200).json().path("files")).hasSize(2);
    }

    @Test
    void anAdoptedVoteAndAPublishedCommuniqueArchiveThemselvesAsPublicDocuments() {
        String adopted = closedVote("Stanowisko w sprawie ekonomii społecznej", "POSITION", "FOR");
        String rejected = closedVote("Wniosek odrzucony", "MOTION", "AGAINST");
        JsonNode archived = anonymous.get(path("/documents?kind=POSITION")).expect(200).json().path("items");
        assertThat(archived).hasSize(1);
        JsonNode resolution = archived.get(0);
        assertThat(resolution.path("source").path("type").asText()).isEqualTo("VOTE");
        assertThat(resolution.path("source").path("id").asText()).isEqualTo(adopted);
        assertThat(resolution.path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(resolution.path("date").asText()).isEqualTo("2027-05-10");
        assertThat(resolution.path("body").asText()).contains("Treść uchwały").contains("za 3, przeciw 0");
        assertThat(anonymous.get(path("/documents?q=" + encode("odrzucony"))).expect(200).json().path("items"))
                .isEmpty();
        assertThat(department.get(path("/documents")).expect(200).json().path("items")).hasSize(1);

        String meeting = heldMeeting();
        String communique = path("/meetings/" + meeting + "/communique");
        secretariat.put(communique, Map.of("title", "Komunikat z posiedzenia w Łodzi", "text", "Omówiono plan."))
                .expect(201);
        secretariat.post(communique + "/sending", null).expect(200);
        assertThat(anonymous.get(path("/documents?kind=COMMUNIQUE")).expect(200).json().path("items")).isEmpty();
        secretariat.post(communique + "/publication", null).expect(200);
        JsonNode published = anonymous.get(path("/documents?kind=COMMUNIQUE&q=" + encode("łodzi"))).expect(200)
                .json().path("items");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("source").path("type").asText()).isEqualTo("MEETING");
        assertThat(published.get(0).path("source").path("id").asText()).isEqualTo(meeting);
        assertThat(published.get(0).path("body").asText()).startsWith("Omówiono plan.");
    }

    /** A vote outside a meeting in which three of the five council members vote {@code choice}. */
    private String closedVote(String title, String kind, String choice) {
        String vote = council.any().post(path("/votes"), Map.of("title", title, "kind", kind, "text",
                "Treść uchwały", "secret", false)).expect(201).json().path("id").asText();
        council.any().post(path("/votes/" + vote + "/opening"), null).expect(200);
        for (int i = 0; i < 3; i++) {
            council.representatives().get(i).post(path("/votes/" + vote + "/ballots"), Map.of("memberId",
                    council.memberIds().get(i), "choice", choice)).expect(201);
        }
        council.any().post(path("/votes/" + vote + "/closing"), null).expect(200);
        return vote;
    }

    private String heldMeeting() {
        Instant start = clock().instant().minus(Duration.ofHours(2));
        String meeting = secretariat.post(path("/meetings"), Map.of("title", "Posiedzenie", "startsAt",
                start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString(), "venue",
                Map.of("name", "Sala"), "scope", "Archiwum", "delegationLimit", 2)).expect(201).json()
                .path("id").asText();
        secretariat.post(path("/meetings/" + meeting + "/invitation"), null).expect(200);
        secretariat.post(path("/meetings/" + meeting + "/completion"), null).expect(200);
        return meeting;
    }

    private static Map<String, Object> document(String title, String body, String kind, String date,
                                                String visibility) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", title);
        document.put("kind", kind);
        document.put("date", date);
        document.put("body", body);
        if (visibility != null) {
            document.put("visibility", visibility);
        }
        return document;
    }

    private static List<String> ids(Api.Reply list) {
        List<String> ids = new java.util.ArrayList<>();
        list.expect(200).json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        byte[] head = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, pdf, 0, Math.min(head.length, size));
        for (int i = head.length; i < size; i++) {
            pdf[i] = (byte) ('a' + i % 26);
        }
        return pdf;
    }

    private static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    }

    private static byte[] docx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** An ODT as ODF requires: a first, uncompressed entry "mimetype" with the media type. */
    private static byte[] odt() throws IOException {
        byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String path(String tail) {
        return "/api/v1/konwents/" + konwent + tail;
    }
}
