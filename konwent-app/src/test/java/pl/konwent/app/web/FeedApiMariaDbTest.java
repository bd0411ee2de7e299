package pl.konwent.app.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

@ExtendWith(DropwizardExtensionsSupport.class)
class FeedApiMariaDbTest extends FeedApiContract {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.MARIADB);

    @Override
    DropwizardAppExtension<KonwentConfiguration> app() {
        return APP;
    }
}
