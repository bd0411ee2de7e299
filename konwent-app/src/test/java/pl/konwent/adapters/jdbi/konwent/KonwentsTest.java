package pl.konwent.adapters.jdbi.konwent;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class KonwentsTest {
    @Nested
    class OnH2 extends KonwentsContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends KonwentsContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
