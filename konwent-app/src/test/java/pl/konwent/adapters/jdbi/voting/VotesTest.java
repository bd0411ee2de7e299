package pl.konwent.adapters.jdbi.voting;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class VotesTest {
    @Nested
    class OnH2 extends VotesContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends VotesContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
