package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/** Idempotency keys live in the database: a retry after a restart, or at another instance, gets the first answer. */
class IdempotencyAcrossRestartTest {

    @Test
    void aRetryAfterARestartGetsTheFirstAnswer() throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.empty(TestDatabases.Engine.MARIADB);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", "lubelski", "name", "Lubelski Konwent CIS i KIS");

        Api.Reply first = TestServer.runOnce(database, api -> api.post("/api/v1/konwents", body, "Idempotency-Key", key));
        Api.Reply retry = TestServer.runOnce(database, api -> api.post("/api/v1/konwents", body, "Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }
}
