package pl.konwent.adapters.webhooks;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class WebhookDispatcherTest {
    @Nested
    class OnH2 extends WebhookDispatcherContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends WebhookDispatcherContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
