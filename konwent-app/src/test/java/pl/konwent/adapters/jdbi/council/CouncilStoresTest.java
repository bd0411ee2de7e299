package pl.konwent.adapters.jdbi.council;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class CouncilStoresTest {
    @Nested
    class OnH2 extends CouncilStoresContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends CouncilStoresContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
