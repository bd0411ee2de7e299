package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * D3 across two instances on one MariaDB database: documents published at once through either instance, the
 * konwent's very first ones included (the chain is started by whichever comes first), make one chain with no fork
 * and no gap, each document recorded once.
 */
class ArchiveChainConcurrencyTest {
    private static final int PUBLICATIONS = 40;

    @Test
    void documentsPublishedAtOnceThroughTwoInstancesMakeOneUnbrokenChain() throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        List<DropwizardTestSupport<KonwentConfiguration>> instances = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 2; i++) {
                DropwizardTestSupport<KonwentConfiguration> instance = TestServer.over(database);
                instance.before();
                instances.add(instance);
            }
            Api first = new Api(instances.get(0).getLocalPort());
            Api admin = first.asAdmin();
            admin.post("/api/v1/konwents", Map.of("id", "naraz", "name", "Konwent naraz", "charter",
                    Map.of("organiserCompetition", false))).expect(201);
            Accounts.withRole(admin, first, "naraz-dep", "naraz", "DEPARTMENT", null);
            String token = first.post("/api/v1/tokens", Map.of("username", "naraz-dep", "password",
                    Accounts.PASSWORD)).expect(201).json().path("token").asText();
            Api[] department = {first.withToken(token),
                    new Api(instances.get(1).getLocalPort()).withToken(token)};

            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> published = new ArrayList<>();
            for (int i = 0; i < PUBLICATIONS; i++) {
                Api through = department[i % 2];
                String title = "Uchwała nr " + i;
                published.add(pool.submit(() -> {
                    start.await();
                    return through.post("/api/v1/konwents/naraz/documents", Map.of("title", title, "kind",
                            "POSITION", "date", "2027-05-01", "visibility", "PUBLIC")).expect(201).json()
                            .path("id").asText();
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> id : published) {
                ids.add(id.get());
            }

            JsonNode records = first.get("/api/v1/konwents/naraz/archive-chain?limit=500").expect(200).json()
                    .path("items");
            assertThat(records).hasSize(PUBLICATIONS);
            Set<String> recorded = new HashSet<>();
            String previous = "0".repeat(64);
            for (int i = 0; i < records.size(); i++) {
                JsonNode record = records.get(i);
                assertThat(record.path("sequence").asLong()).isEqualTo(i + 1);
                assertThat(record.path("previousHash").asText()).isEqualTo(previous);
                assertThat(record.path("action").asText()).isEqualTo("PUBLISHED");
                recorded.add(record.path("documentId").asText());
                previous = record.path("hash").asText();
            }
            assertThat(recorded).isEqualTo(ids);
            JsonNode verification = department[1].get("/api/v1/konwents/naraz/archive-chain/verification")
                    .expect(200).json();
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("head").path("hash").asText()).isEqualTo(previous);
        } finally {
            pool.shutdownNow();
            for (int i = instances.size() - 1; i >= 0; i--) {
                instances.get(i).after();
            }
        }
    }
}
