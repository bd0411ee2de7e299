package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/** Mass declarations from one address are a sensitive business flow (OWASP API6): they are limited. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeclarationLimitTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2, 5);

    @Test
    void anonymousDeclarationsFromOneAddressAreLimitedButNotTheDepartments() {
        Api anonymous = new Api(APP.getLocalPort());
        Api admin = anonymous.asAdmin();
        admin.post("/api/v1/konwents", Map.of("id", "limity", "name", "Konwent")).expect(201);
        Api department = Accounts.withRole(admin, anonymous, "dep-limity", "limity", "DEPARTMENT", null);
        String declarations = "/api/v1/konwents/limity/declarations";
        for (int i = 0; i < 5; i++) {
            anonymous.post(declarations, Declarations.of("CIS numer " + i)).expect(201);
        }

        Api.Reply refused = anonymous.post(declarations, Declarations.of("CIS numer 5")).expect(429);

        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        department.post(declarations, Declarations.of("CIS wpisany przez departament")).expect(201);
        assertThat(department.get(declarations + "?limit=500").expect(200).json().path("items")).hasSize(6);
    }
}
