package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/** Accounts, tokens, roles per konwent and the audit trail, over HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessApiTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2);

    private Api anonymous;
    private Api admin;
    private String prefix;

    @BeforeEach
    void clients() {
        anonymous = new Api(APP.getLocalPort());
        admin = anonymous.asAdmin();
        prefix = "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTokenWorksUntilLogout() {
        Accounts.create(admin, prefix);
        Api.Reply login = anonymous.post("/api/v1/tokens", Map.of("username", prefix, "password", Accounts.PASSWORD))
                .expect(201);
        String token = login.json().path("token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Instant.parse(login.json().path("expiresAt").asText())).isAfter(Instant.now());
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        Api bearer = anonymous.withToken(token);

        assertThat(bearer.get("/api/v1/accounts/current").expect(200).json().path("username").asText())
                .isEqualTo(prefix);
        bearer.delete("/api/v1/tokens/current").expect(204);

        bearer.get("/api/v1/accounts/current").expect(401);
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSame401() {
        Accounts.create(admin, prefix);

        Api.Reply wrongPassword = anonymous.post("/api/v1/tokens",
                Map.of("username", prefix, "password", "nie-to-haslo-zupelnie")).expect(401);
        Api.Reply unknownUser = anonymous.post("/api/v1/tokens",
                Map.of("username", prefix + "-nikt", "password", "nie-to-haslo-zupelnie")).expect(401);

        assertThat(wrongPassword.json().path("detail")).isEqualTo(unknownUser.json().path("detail"));
        assertThat(wrongPassword.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void repeatedFailedLoginsForOneUsernameAreRefusedWith429() {
        Accounts.create(admin, prefix);
        for (int i = 0; i < 5; i++) {
            anonymous.post("/api/v1/tokens", Map.of("username", prefix, "password", "zgadywane-haslo-" + i)).expect(401);
        }

        Api.Reply refused = anonymous.post("/api/v1/tokens",
                Map.of("username", prefix, "password", Accounts.PASSWORD)).expect(429);

        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        anonymous.unvalidatedRequest().as(prefix, Accounts.PASSWORD).get("/api/v1/accounts/current").expect(429);
    }

    @Test
    void aDisabledAccountCannotAuthenticateAndItsTokensStopWorking() {
        String id = Accounts.create(admin, prefix);
        String token = anonymous.post("/api/v1/tokens", Map.of("username", prefix, "password", Accounts.PASSWORD))
                .expect(201).json().path("token").asText();

        JsonNode disabled = admin.post("/api/v1/accounts/" + id + "/disabling", null).expect(200).json();

        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        anonymous.withToken(token).get("/api/v1/accounts/current").expect(401);
        anonymous.as(prefix, Accounts.PASSWORD).get("/api/v1/accounts/current").expect(401);
        admin.post("/api/v1/accounts/" + id + "/enabling", null).expect(200);
        anonymous.as(prefix, Accounts.PASSWORD).get("/api/v1/accounts/current").expect(200);
    }

    @Test
    void accountsNeverShowPasswordsOrHashes() {
        String id = Accounts.create(admin, prefix);

        String body = admin.get("/api/v1/accounts/" + id).expect(200).body();

        assertThat(body).doesNotContain(Accounts.PASSWORD, "$2", "password");
    }

    @Test
    void newAccountsAreValidatedFieldByFieldAndUsernamesAreUnique() {
        Api.Reply invalid = admin.unvalidatedRequest().post("/api/v1/accounts",
                Map.of("username", "A", "password", "krotkie", "displayName", "", "email", "nie-email")).expect(422);
        assertThat(invalid.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("username", "password", "displayName", "email");

        Accounts.create(admin, prefix);
        admin.post("/api/v1/accounts", Map.of("username", prefix, "password", Accounts.PASSWORD,
                "displayName", "Drugi")).expect(409);
    }

    @Test
    void ownersChangeTheirProfileAndPasswordWhichEndsTheirTokens() {
        String id = Accounts.create(admin, prefix);
        Api self = anonymous.as(prefix, Accounts.PASSWORD);
        String etag = self.get("/api/v1/accounts/" + id).expect(200).header("ETag");

        JsonNode updated = self.put("/api/v1/accounts/" + id, Map.of("displayName", "Anna Nowak-Kowalska",
                "email", "anna@example.pl"), "If-Match", etag).expect(200).json();
        assertThat(updated.path("displayName").asText()).isEqualTo("Anna Nowak-Kowalska");
        self.put("/api/v1/accounts/" + id, Map.of("displayName", "Spóźniona"), "If-Match", etag).expect(412);

        String token = anonymous.post("/api/v1/tokens", Map.of("username", prefix, "password", Accounts.PASSWORD))
                .expect(201).json().path("token").asText();
        self.post("/api/v1/accounts/" + id + "/password", Map.of("currentPassword", "nie-to-haslo-wcale",
                "newPassword", "nowe-haslo-bardzo-dlugie")).expect(422);
        self.post("/api/v1/accounts/" + id + "/password", Map.of("currentPassword", Accounts.PASSWORD,
                "newPassword", "nowe-haslo-bardzo-dlugie")).expect(204);

        anonymous.withToken(token).get("/api/v1/accounts/current").expect(401);
        anonymous.as(prefix, "nowe-haslo-bardzo-dlugie").get("/api/v1/accounts/current").expect(200);
    }

    @Test
    void anAccountHoldsSeveralRolesInSeveralKonwentsAndLosesARevokedOne() {
        konwent(prefix + "-a");
        konwent(prefix + "-b");
        String id = Accounts.create(admin, prefix);

        String secretariat = admin.post("/api/v1/accounts/" + id + "/roles",
                Map.of("konwentId", prefix + "-a", "role", "SECRETARIAT")).expect(201).json().path("id").asText();
        admin.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", prefix + "-b", "role", "REPRESENTATIVE",
                "memberId", "cis-pniewy", "reason", "named by the member's board in writing")).expect(201);
        admin.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", prefix + "-a", "role", "SECRETARIAT"))
                .expect(409);

        List<String> roles = anonymous.as(prefix, Accounts.PASSWORD).get("/api/v1/accounts/" + id + "/roles")
                .expect(200).json().path("items").findValuesAsText("role");
        assertThat(roles).containsExactlyInAnyOrder("SECRETARIAT", "REPRESENTATIVE");

        admin.delete("/api/v1/accounts/" + id + "/roles/" + secretariat).expect(204);
        assertThat(admin.get("/api/v1/accounts/" + id + "/roles").expect(200).json().path("items")
                .findValuesAsText("role")).containsExactly("REPRESENTATIVE");
        admin.delete("/api/v1/accounts/" + id + "/roles/" + secretariat).expect(404);
    }

    @Test
    void roleGrantsAreValidated() {
        konwent(prefix);
        String id = Accounts.create(admin, prefix);
        Api raw = admin.unvalidatedRequest();

        raw.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", prefix, "role", "KING")).expect(422);
        admin.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", prefix, "role", "REPRESENTATIVE"))
                .expect(422);
        admin.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", prefix, "role", "SECRETARIAT",
                "memberId", "x")).expect(422);
        admin.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", prefix + "-brak", "role", "SECRETARIAT"))
                .expect(422);
        admin.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", prefix, "role", "ADMIN")).expect(422);
        admin.post("/api/v1/accounts/" + UUID.randomUUID() + "/roles", Map.of("konwentId", prefix,
                "role", "SECRETARIAT")).expect(404);
        assertThat(admin.post("/api/v1/accounts/" + id + "/roles", Map.of("konwentId", prefix, "role", "COUNCIL"))
                .expect(422).json().path("detail").asText()).contains("follows the council term");
    }

    @Test
    void theDepartmentManagesKonwentRolesInItsOwnKonwentOnly() {
        konwent(prefix);
        konwent(prefix + "-obcy");
        Api department = Accounts.withRole(admin, anonymous, prefix + "-dep", prefix, "DEPARTMENT", null);
        String secretary = department.post("/api/v1/accounts", Map.of("username", prefix + "-sek",
                "password", Accounts.PASSWORD, "displayName", "Sekretariat")).expect(201).json().path("id").asText();

        department.post("/api/v1/accounts/" + secretary + "/roles", Map.of("konwentId", prefix, "role", "SECRETARIAT"))
                .expect(201);
        department.post("/api/v1/accounts/" + secretary + "/roles",
                Map.of("konwentId", prefix + "-obcy", "role", "SECRETARIAT")).expect(403);
        department.post("/api/v1/accounts/" + secretary + "/roles", Map.of("konwentId", prefix, "role", "DEPARTMENT"))
                .expect(403);
        department.post("/api/v1/accounts/" + secretary + "/roles", Map.of("role", "ADMIN")).expect(403);
        department.get("/api/v1/accounts").expect(403);
    }

    @Test
    void accountsOfOthersAreInvisibleToThoseWithNoBusinessSeeingThem() {
        konwent(prefix);
        konwent(prefix + "-obcy");
        String stranger = Accounts.create(admin, prefix + "-obcy-czlonek");
        admin.post("/api/v1/accounts/" + stranger + "/roles", Map.of("konwentId", prefix + "-obcy",
                "role", "REPRESENTATIVE", "memberId", "kis-x", "reason", "named in writing")).expect(201);
        Api department = Accounts.withRole(admin, anonymous, prefix + "-dep", prefix, "DEPARTMENT", null);
        Api representative = Accounts.withRole(admin, anonymous, prefix + "-rep", prefix, "REPRESENTATIVE", "cis-y");

        department.get("/api/v1/accounts/" + stranger).expect(404);
        representative.get("/api/v1/accounts/" + stranger).expect(404);
        representative.put("/api/v1/accounts/" + stranger, Map.of("displayName", "Przejęte")).expect(403);
        representative.post("/api/v1/accounts/" + stranger + "/disabling", null).expect(403);
        assertThat(admin.get("/api/v1/accounts/" + stranger).expect(200).json().path("displayName").asText())
                .isEqualTo("Konto " + prefix + "-obcy-czlonek");
    }

    @Test
    void theAuditTrailShowsWhoDidWhatAndRefusalsTooButNoBodies() {
        konwent(prefix);
        Api department = Accounts.withRole(admin, anonymous, prefix + "-dep", prefix, "DEPARTMENT", null);
        admin.put("/api/v1/konwents/" + prefix, Map.of("name", "Po zmianie")).expect(200);
        Api outsider = Accounts.withRole(admin, anonymous, prefix + "-rep", prefix, "REPRESENTATIVE", "cis-z");
        outsider.put("/api/v1/konwents/" + prefix, Map.of("name", "Tajne hasło do urny")).expect(403);

        JsonNode trail = department.get("/api/v1/konwents/" + prefix + "/audit").expect(200).json();

        List<String> actions = trail.path("items").findValuesAsText("action");
        assertThat(actions).contains("PUT /api/v1/konwents/{konwentId}", "POST /api/v1/konwents");
        JsonNode refusal = trail.path("items").get(0);
        assertThat(refusal.path("actor").asText()).isEqualTo(prefix + "-rep");
        assertThat(refusal.path("status").asInt()).isEqualTo(403);
        assertThat(refusal.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(trail.toString()).doesNotContain("Tajne hasło do urny");

        JsonNode onlyOutsider = department.get("/api/v1/konwents/" + prefix + "/audit?actor=" + prefix + "-rep")
                .expect(200).json();
        assertThat(onlyOutsider.path("items")).hasSize(1);
        assertThat(department.get("/api/v1/konwents/" + prefix + "/audit?from=2999-01-01T00:00:00Z")
                .expect(200).json().path("items")).isEmpty();
        assertThat(department.get("/api/v1/konwents/" + prefix + "/audit?limit=1").expect(200).json()
                .path("next").isNull()).isFalse();
        department.unvalidatedRequest().get("/api/v1/konwents/" + prefix + "/audit?from=wczoraj").expect(422);
        outsider.get("/api/v1/konwents/" + prefix + "/audit").expect(403);
    }

    @Test
    void theAuditTrailIsPagedWithoutGapsOrRepeats() {
        konwent(prefix);
        for (int i = 0; i < 5; i++) {
            admin.put("/api/v1/konwents/" + prefix, Map.of("name", "Wersja " + i)).expect(200);
        }
        List<String> ids = new java.util.ArrayList<>();
        String next = null;
        do {
            JsonNode page = admin.get("/api/v1/konwents/" + prefix + "/audit?limit=2"
                    + (next == null ? "" : "&cursor=" + next)).expect(200).json();
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            next = page.path("next").isNull() ? null : page.path("next").asText();
        } while (next != null);

        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
    }

    private void konwent(String id) {
        admin.post("/api/v1/konwents", Map.of("id", id, "name", "Konwent " + id, "charter", Map.of("organiserCompetition", false))).expect(201);
    }
}
