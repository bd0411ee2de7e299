package pl.konwent.adapters.jdbi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.security.ServerSecret;
import pl.konwent.adapters.web.http.IdempotencySecrets;
import pl.konwent.adapters.web.http.IdempotencyStore.Claim;
import pl.konwent.adapters.web.http.IdempotencyStore.Outcome;
import pl.konwent.adapters.web.http.IdempotencyStore.StoredResponse;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/** What {@link JdbiIdempotencyStore} must do on every database engine. */
abstract class IdempotencyStoreContract {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant LEASE_START = NOW.minusSeconds(120);
    private static final Instant EXPIRED_BEFORE = NOW.minusSeconds(24 * 3600);
    private static final IdempotencySecrets SECRETS =
            IdempotencySecrets.from(ServerSecret.fromBase64(TestServer.SECRET_KEY));

    private Jdbi jdbi;
    private JdbiIdempotencyStore store;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(engine()).jdbi();
        store = new JdbiIdempotencyStore(jdbi, SECRETS);
    }

    private Claim claim(String id, String fingerprint) {
        return store.claim(id, fingerprint, NOW, LEASE_START, EXPIRED_BEFORE);
    }

    @Test
    void theFirstClaimWinsAndARepeatWhileRunningIsInProgress() {
        assertThat(claim("key-1", "fp").outcome()).isEqualTo(Outcome.CLAIMED);
        assertThat(claim("key-1", "fp").outcome()).isEqualTo(Outcome.IN_PROGRESS);
    }

    @Test
    void aCompletedKeyReplaysTheStoredAnswerByteForByteAndKeepsItSealed() {
        claim("key-1", "fp");
        byte[] body = "{\"name\":\"Zażółć gęślą jaźń\"}".getBytes(StandardCharsets.UTF_8);
        store.complete("key-1", new StoredResponse(201, "application/json", "http://x/api/v1/konwents/a", body),
                List.of("api", "v1", "konwents", "a"));

        Claim again = claim("key-1", "fp");

        assertThat(again.outcome()).isEqualTo(Outcome.REPLAY);
        assertThat(again.response().status()).isEqualTo(201);
        assertThat(again.response().contentType()).isEqualTo("application/json");
        assertThat(again.response().location()).isEqualTo("http://x/api/v1/konwents/a");
        assertThat(again.response().body()).isEqualTo(body);
        byte[] stored = jdbi.withHandle(handle -> handle.createQuery("SELECT answer FROM idempotency_record")
                .mapTo(byte[].class).one());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("konwents/a", "application/json")
                .doesNotContain(new String(body, StandardCharsets.ISO_8859_1));
    }

    @Test
    void theSameKeyWithAnotherRequestIsAMismatch() {
        claim("key-1", "fp");

        assertThat(claim("key-1", "other").outcome()).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void keysOfDifferentCallersAndDifferentCaseNeverMeet() {
        claim("key-1", "fp");

        assertThat(claim("key-2", "fp").outcome()).isEqualTo(Outcome.CLAIMED);
        assertThat(claim("KEY-1", "fp").outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        claim("key-1", "fp");
        store.release("key-1");

        assertThat(claim("key-1", "fp").outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void aClaimAbandonedPastItsLeaseIsTakenOverOnce() {
        claim("key-1", "fp");
        Instant later = NOW.plusSeconds(600);

        assertThat(store.claim("key-1", "fp", later, later.minusSeconds(120), EXPIRED_BEFORE).outcome())
                .isEqualTo(Outcome.CLAIMED);
        assertThat(store.claim("key-1", "fp", later, later.minusSeconds(120), EXPIRED_BEFORE).outcome())
                .isEqualTo(Outcome.IN_PROGRESS);
    }

    @Test
    void aRecordPastItsRetentionCountsAsAbsentAndIsPurged() {
        claim("old", "fp");
        store.complete("old", new StoredResponse(201, null, null, null), List.of());
        claim("young", "fp");
        Instant dayLater = NOW.plusSeconds(24 * 3600 + 1);

        assertThat(store.claim("old", "another request", dayLater, dayLater.minusSeconds(120),
                dayLater.minusSeconds(24 * 3600)).outcome()).isEqualTo(Outcome.CLAIMED);
        assertThat(store.purge(NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(claim("young", "fp").outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void erasureForgetsTheRecordsAboutAResourceAndNoOther() {
        claim("about-member");
        store.complete("about-member", new StoredResponse(200, null, null, null),
                List.of("konwents", "k", "members", "m-1", "withdrawal"));
        claim("about-other");
        store.complete("about-other", new StoredResponse(200, null, null, null),
                List.of("konwents", "k", "members", "m-11", "withdrawal"));

        store.forgetAbout(List.of("m-1"));

        int left = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM idempotency_record")
                .mapTo(Integer.class).one());
        assertThat(left).isEqualTo(1);
        assertThat(claim("about-other", "fp").outcome()).isEqualTo(Outcome.REPLAY);
    }

    private void claim(String id) {
        claim(id, "fp");
    }
}
