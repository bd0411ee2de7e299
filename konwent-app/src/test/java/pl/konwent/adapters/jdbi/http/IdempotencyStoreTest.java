package pl.konwent.adapters.jdbi.http;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class IdempotencyStoreTest {
    @Nested
    class OnH2 extends IdempotencyStoreContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends IdempotencyStoreContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
