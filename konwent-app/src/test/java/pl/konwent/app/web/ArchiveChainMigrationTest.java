package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.documents.JdbiDocuments;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;
import pl.konwent.domain.documents.Document;
import pl.konwent.domain.documents.DocumentKind;
import pl.konwent.domain.documents.Visibility;
import pl.konwent.domain.konwent.KonwentId;

/**
 * Changeset 021 over an archive of the release before it: the first start records the documents already public,
 * in the order they were published (then by id), stamped with their publication time; INTERNAL ones stay out; a
 * second start adds nothing; the chain verifies.
 */
class ArchiveChainMigrationTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final KonwentId KONWENT = new KonwentId("przed-lancuchem");

    @Test
    void theFirstStartChainsTheDocumentsAlreadyPublishedInTheOrderTheyWerePublished() throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.empty(TestDatabases.Engine.H2);
        DataSafetyTest.migrate(database, "db/before-archive-chain-changelog.xml");
        Jdbi jdbi = database.jdbi();
        DataSafetyTest.legacyKonwent(jdbi, KONWENT.value(), T0);
        // today's repository writes documents as that release did, and also the konwent's feed stamp (issue 20),
        // which that release had no table for: a stand-in table takes the stamps and goes before the upgrade
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE public_stamp (konwent_id VARCHAR(63) PRIMARY KEY, "
                + "register_version BIGINT NOT NULL, feed_version BIGINT NOT NULL)"));
        JdbiDocuments documents = new JdbiDocuments(jdbi);
        documents.add(document("c-pozniej", Visibility.PUBLIC, T0.plusSeconds(300)));
        documents.add(document("b-wewnetrzny", Visibility.INTERNAL, null));
        documents.add(document("z-najpierw", Visibility.PUBLIC, T0.plusSeconds(60)));
        documents.add(document("a-rownoczesnie", Visibility.PUBLIC, T0.plusSeconds(300)));
        jdbi.useHandle(handle -> handle.execute("DROP TABLE public_stamp"));

        List<JsonNode> first = startAndRead(database);
        assertThat(first).extracting(r -> r.path("documentId").asText()).containsExactly("z-najpierw",
                "a-rownoczesnie", "c-pozniej");
        assertThat(first).extracting(r -> r.path("action").asText()).containsOnly("PUBLISHED");
        assertThat(first.get(0).path("recordedAt").asText()).isEqualTo("2026-03-01T10:01:00.000Z");
        assertThat(first.get(0).path("previousHash").asText()).isEqualTo("0".repeat(64));

        List<JsonNode> again = startAndRead(database);
        assertThat(again).as("a second start adds nothing").isEqualTo(first);
    }

    private static List<JsonNode> startAndRead(TestDatabases.TestDatabase database) throws Exception {
        DropwizardTestSupport<KonwentConfiguration> server = TestServer.over(database);
        server.before();
        try {
            Api admin = new Api(server.getLocalPort()).asAdmin();
            String chain = "/api/v1/konwents/" + KONWENT.value() + "/archive-chain";
            JsonNode verification = admin.get(chain + "/verification").expect(200).json();
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
            List<JsonNode> records = new java.util.ArrayList<>();
            new Api(server.getLocalPort()).get(chain).expect(200).json().path("items").forEach(records::add);
            return records;
        } finally {
            server.after();
        }
    }

    private static Document document(String id, Visibility visibility, Instant publishedAt) {
        return new Document(id, KONWENT, new Document.Content("Dokument " + id, DocumentKind.POSITION,
                LocalDate.of(2026, 2, 1), "pl", "Treść " + id, visibility), null, List.of(), T0, T0, publishedAt, 1);
    }
}
