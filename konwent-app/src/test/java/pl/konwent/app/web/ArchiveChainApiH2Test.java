package pl.konwent.app.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

@ExtendWith(DropwizardExtensionsSupport.class)
class ArchiveChainApiH2Test extends ArchiveChainApiContract {
    static final TestClock CLOCK = new TestClock(START);
    static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.H2);
    static final DropwizardAppExtension<KonwentConfiguration> APP = new DropwizardAppExtension<>(
            TestServer.over(DATABASE, TestServer.DECLARATION_LIMIT, CLOCK));

    @Override
    DropwizardAppExtension<KonwentConfiguration> app() {
        return APP;
    }

    @Override
    TestClock clock() {
        return CLOCK;
    }

    @Override
    Jdbi database() {
        return DATABASE.jdbi();
    }
}
