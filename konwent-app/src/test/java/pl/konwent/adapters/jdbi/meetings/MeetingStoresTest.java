package pl.konwent.adapters.jdbi.meetings;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class MeetingStoresTest {
    @Nested
    class OnH2 extends MeetingStoresContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends MeetingStoresContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
