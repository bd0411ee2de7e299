package pl.konwent.adapters.jdbi.mail;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class OutboxTest {
    @Nested
    class OnH2 extends OutboxContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends OutboxContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
