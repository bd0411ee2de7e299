package pl.konwent.adapters.jdbi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.web.http.IdempotencyStore.Claim;
import pl.konwent.adapters.web.http.IdempotencyStore.Outcome;
import pl.konwent.adapters.web.http.IdempotencyStore.StoredResponse;
import pl.konwent.app.testing.TestDatabases;

/** What {@link JdbiIdempotencyStore} must do on every database engine. */
abstract class IdempotencyStoreContract {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant LEASE_START = NOW.minusSeconds(120);

    private JdbiIdempotencyStore store;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        store = new JdbiIdempotencyStore(TestDatabases.fresh(engine()).jdbi());
    }

    @Test
    void theFirstClaimWinsAndARepeatWhileRunningIsInProgress() {
        assertThat(store.claim("caller", "key-1", "fp", NOW, LEASE_START).outcome()).isEqualTo(Outcome.CLAIMED);
        assertThat(store.claim("caller", "key-1", "fp", NOW, LEASE_START).outcome()).isEqualTo(Outcome.IN_PROGRESS);
    }

    @Test
    void aCompletedKeyReplaysTheStoredAnswerByteForByte() {
        store.claim("caller", "key-1", "fp", NOW, LEASE_START);
        byte[] body = "{\"name\":\"Zażółć gęślą jaźń\"}".getBytes(StandardCharsets.UTF_8);
        store.complete("caller", "key-1", new StoredResponse(201, "application/json", "http://x/api/v1/konwents/a", body));

        Claim again = store.claim("caller", "key-1", "fp", NOW, LEASE_START);

        assertThat(again.outcome()).isEqualTo(Outcome.REPLAY);
        assertThat(again.response().status()).isEqualTo(201);
        assertThat(again.response().contentType()).isEqualTo("application/json");
        assertThat(again.response().location()).isEqualTo("http://x/api/v1/konwents/a");
        assertThat(again.response().body()).isEqualTo(body);
    }

    @Test
    void theSameKeyWithAnotherRequestIsAMismatch() {
        store.claim("caller", "key-1", "fp", NOW, LEASE_START);

        assertThat(store.claim("caller", "key-1", "other", NOW, LEASE_START).outcome()).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void keysOfDifferentCallersAndDifferentCaseNeverMeet() {
        store.claim("caller", "key-1", "fp", NOW, LEASE_START);

        assertThat(store.claim("someone-else", "key-1", "fp", NOW, LEASE_START).outcome()).isEqualTo(Outcome.CLAIMED);
        assertThat(store.claim("caller", "KEY-1", "fp", NOW, LEASE_START).outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        store.claim("caller", "key-1", "fp", NOW, LEASE_START);
        store.release("caller", "key-1");

        assertThat(store.claim("caller", "key-1", "fp", NOW, LEASE_START).outcome()).isEqualTo(Outcome.CLAIMED);
    }

    @Test
    void aClaimAbandonedPastItsLeaseIsTakenOverOnce() {
        store.claim("caller", "key-1", "fp", NOW, LEASE_START);
        Instant later = NOW.plusSeconds(600);

        assertThat(store.claim("caller", "key-1", "fp", later, later.minusSeconds(120)).outcome())
                .isEqualTo(Outcome.CLAIMED);
        assertThat(store.claim("caller", "key-1", "fp", later, later.minusSeconds(120)).outcome())
                .isEqualTo(Outcome.IN_PROGRESS);
    }
}
