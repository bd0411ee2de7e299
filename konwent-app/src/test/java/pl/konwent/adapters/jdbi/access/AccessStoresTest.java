package pl.konwent.adapters.jdbi.access;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class AccessStoresTest {
    @Nested
    class OnH2 extends AccessStoresContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends AccessStoresContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
