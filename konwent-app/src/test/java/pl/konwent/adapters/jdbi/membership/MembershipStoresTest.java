package pl.konwent.adapters.jdbi.membership;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class MembershipStoresTest {
    @Nested
    class OnH2 extends MembershipStoresContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends MembershipStoresContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
