package pl.konwent.adapters.jdbi.integration;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class WebhookStoresTest {
    @Nested
    class OnH2 extends WebhookStoresContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends WebhookStoresContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
