package pl.konwent.adapters.jdbi.documents;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class DocumentStoresTest {
    @Nested
    class OnH2 extends DocumentStoresContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends DocumentStoresContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
