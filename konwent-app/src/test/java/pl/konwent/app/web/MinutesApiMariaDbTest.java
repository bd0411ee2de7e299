package pl.konwent.app.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

@ExtendWith(DropwizardExtensionsSupport.class)
class MinutesApiMariaDbTest extends MinutesApiContract {
    static final TestClock CLOCK = new TestClock(START);
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.MARIADB, CLOCK);

    @Override
    DropwizardAppExtension<KonwentConfiguration> app() {
        return APP;
    }

    @Override
    TestClock clock() {
        return CLOCK;
    }
}
