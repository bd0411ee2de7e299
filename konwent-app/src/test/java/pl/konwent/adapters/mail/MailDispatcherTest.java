package pl.konwent.adapters.mail;

import org.junit.jupiter.api.Nested;
import pl.konwent.app.testing.TestDatabases.Engine;

class MailDispatcherTest {
    @Nested
    class OnH2 extends MailDispatcherContract {
        @Override
        Engine engine() {
            return Engine.H2;
        }
    }

    @Nested
    class OnMariaDb extends MailDispatcherContract {
        @Override
        Engine engine() {
            return Engine.MARIADB;
        }
    }
}
