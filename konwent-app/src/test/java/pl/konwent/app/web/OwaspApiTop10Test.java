package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.PathTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.Receiver;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * The OWASP API Security Top 10 (2023), one nested group per category, each against a live server. Two konwents,
 * X and Y, each with its DEPARTMENT; X has two members A and B with a REPRESENTATIVE each. Where another test holds
 * a category thoroughly (named in each group), the group here is a representative check; docs/operations.md maps
 * every category to the tests that hold it. Most groups share one server on H2; the webhook receivers' answers
 * (API10) are recorded by a second server on MariaDB, whose column sizes and encodings they meet.
 */
class OwaspApiTop10Test {
    private static final int DECLARATION_LIMIT = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Shorter than the shipped ten seconds, so that a slow client is seen cut off in a few. */
    private static final String HEADER_TIMEOUT = "2 seconds";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String X = "owasp-x";
    private static final String Y = "owasp-y";
    /** Moved forward only to expire a token; starts at the real time, so everything else behaves as usual. */
    private static final TestClock CLOCK = new TestClock(Instant.now());

    private static DropwizardTestSupport<KonwentConfiguration> server;
    /** Allows loopback receivers, attempts every 100 ms, gives each one second: for the receivers' answers. */
    private static DropwizardTestSupport<KonwentConfiguration> consumer;
    private static Api anonymous;
    private static Api admin;
    private static Api departmentX;
    private static Api departmentY;
    private static Api secretariatX;
    private static Api representativeA;
    private static Api representativeB;
    private static String representativeAId;
    private static String memberA;
    private static String memberB;
    private static String memberY;
    private static String declarationY;
    private static String voteX;
    private static String voteY;
    private static String webhookY;
    private static String documentY;

    @BeforeAll
    static void twoKonwents() throws Exception {
        server = TestServer.over(TestDatabases.empty(TestDatabases.Engine.H2), DECLARATION_LIMIT, CLOCK,
                ConfigOverride.config("requestHeaderTimeout", HEADER_TIMEOUT));
        server.before();
        consumer = TestServer.over(TestDatabases.empty(TestDatabases.Engine.MARIADB),
                ConfigOverride.config("webhooks.allowPrivateAddresses", "true"),
                ConfigOverride.config("webhooks.interval", "100 milliseconds"),
                ConfigOverride.config("webhooks.timeout", "1 second"),
                // its clock runs: a throttled login there waits long enough for the test to see it
                ConfigOverride.config("security.firstLoginDelay", "10 minutes"));
        consumer.before();

        anonymous = new Api(server.getLocalPort());
        admin = anonymous.asAdmin();
        // X's charter has no organiser competition, so its SECRETARIAT is granted by hand (A3); Y's has the default
        admin.post("/api/v1/konwents", Map.of("id", X, "name", "Konwent " + X,
                "charter", Map.of("organiserCompetition", false))).expect(201);
        admin.post("/api/v1/konwents", Map.of("id", Y, "name", "Konwent " + Y)).expect(201);
        departmentX = Accounts.withRole(admin, anonymous, "owasp-dep-x", X, "DEPARTMENT", null);
        departmentY = Accounts.withRole(admin, anonymous, "owasp-dep-y", Y, "DEPARTMENT", null);
        secretariatX = Accounts.withRole(admin, anonymous, "owasp-sek-x", X, "SECRETARIAT", null);
        // submitted by the departments, which no per-address limit holds back: API6 has the anonymous budget
        memberA = Declarations.acceptedMember(departmentX, departmentX, X, "CIS A");
        memberB = Declarations.acceptedMember(departmentX, departmentX, X, "CIS B");
        memberY = Declarations.acceptedMember(departmentY, departmentY, Y, "CIS Y");
        representativeA = Accounts.withRole(admin, anonymous, "owasp-rep-a", X, "REPRESENTATIVE", memberA);
        representativeB = Accounts.withRole(admin, anonymous, "owasp-rep-b", X, "REPRESENTATIVE", memberB);
        representativeAId = representativeA.get("/api/v1/accounts/current").expect(200).json().path("id").asText();
        declarationY = departmentY.post(konwent(Y) + "/declarations", Declarations.of("KIS czekający"))
                .expect(201).json().path("id").asText();
        voteX = openVote(secretariatX, X);
        voteY = openVote(admin, Y);
        webhookY = departmentY.post(konwent(Y) + "/webhooks", Map.of("url", "https://93.184.215.14/konwent",
                "events", List.of("member.accepted"))).expect(201).json().path("id").asText();
        documentY = departmentY.post(konwent(Y) + "/documents", Map.of("title", "Notatka wewnętrzna",
                "kind", "OTHER", "date", "2024-10-23")).expect(201).json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.after();
        }
        if (server != null) {
            server.after();
        }
    }

    private static String openVote(Api by, String konwent) {
        String vote = by.post(konwent(konwent) + "/votes", Map.of("title", "Stanowisko", "kind", "POSITION",
                "text", "Treść", "secret", false)).expect(201).json().path("id").asText();
        by.post(konwent(konwent) + "/votes/" + vote + "/opening", null).expect(200);
        return vote;
    }

    /** A member's contact data as a REPRESENTATIVE sends it to update its member. */
    private static Map<String, Object> contact() {
        Map<String, Object> contact = new LinkedHashMap<>(Declarations.of("x"));
        contact.keySet().retainAll(List.of("address", "phone", "email", "foundingInstitution", "representatives"));
        return contact;
    }

    private static String konwent(String id) {
        return "/api/v1/konwents/" + id;
    }

    @Nested
    @DisplayName("API1 Broken Object Level Authorization (also AuthorizationMatrixTest, MembershipApiTest)")
    class Api1ObjectLevelAuthorization {
        @Test
        void aRepresentativeSeesItsOwnMemberInFullButItsNeighbourWithoutPersonalData() {
            JsonNode own = representativeA.get(konwent(X) + "/members/" + memberA).expect(200).json();
            JsonNode neighbour = representativeA.get(konwent(X) + "/members/" + memberB).expect(200).json();

            assertThat(own.path("view").asText()).isEqualTo("FULL");
            assertThat(own.path("representatives").findValuesAsText("name")).contains("Anna Nowak");
            assertThat(neighbour.path("view").asText()).isEqualTo("PUBLIC");
            assertThat(neighbour.has("phone") || neighbour.has("email") || neighbour.has("representatives")).isFalse();
            assertThat(neighbour.toString()).doesNotContain("Anna Nowak", "@example.pl", "+48");
            representativeA.get(konwent(X) + "/members/" + memberB + "/personal-data").expect(403);
        }

        @Test
        void aRegisterPageShowsEachCallerTheContactsOfOnlyTheMembersItMaySee() {
            JsonNode publicB = anonymous.get(konwent(X) + "/members/" + memberB).expect(200).json();
            JsonNode fullA = admin.get(konwent(X) + "/members/" + memberA).expect(200).json();
            JsonNode fullB = admin.get(konwent(X) + "/members/" + memberB).expect(200).json();

            // the public view read from the register's own columns shows what the member's public view shows
            for (Api caller : List.of(anonymous, departmentY)) {
                JsonNode page = caller.get(konwent(X) + "/members").expect(200).json().path("items");
                assertThat(page.findValuesAsText("view")).containsOnly("PUBLIC");
                assertThat(byId(page, memberB)).isEqualTo(publicB);
                assertThat(page.toString()).doesNotContain("@example.pl", "+48");
            }
            JsonNode ownPage = representativeA.get(konwent(X) + "/members").expect(200).json().path("items");
            assertThat(byId(ownPage, memberA)).isEqualTo(fullA);
            assertThat(byId(ownPage, memberB)).isEqualTo(publicB);
            JsonNode departmentPage = departmentX.get(konwent(X) + "/members").expect(200).json().path("items");
            assertThat(byId(departmentPage, memberA)).isEqualTo(fullA);
            assertThat(byId(departmentPage, memberB)).isEqualTo(fullB);

            // the page's ETag (issue 20: from the register's stamp) names whose contacts it shows, so one caller's
            // tag never brings another caller a 304 for a page that shows that caller more
            String anonymousTag = anonymous.get(konwent(X) + "/members").expect(200).header("ETag");
            anonymous.get(konwent(X) + "/members", "If-None-Match", anonymousTag).expect(304);
            representativeA.get(konwent(X) + "/members", "If-None-Match", anonymousTag).expect(200);
            departmentX.get(konwent(X) + "/members", "If-None-Match", anonymousTag).expect(200);
            departmentY.get(konwent(X) + "/members", "If-None-Match", anonymousTag).expect(304);
        }

        private static JsonNode byId(JsonNode items, String id) {
            for (JsonNode item : items) {
                if (item.path("id").asText().equals(id)) {
                    return item;
                }
            }
            throw new AssertionError("no member " + id + " in " + items);
        }

        @Test
        void aRepresentativeCannotActForAnotherMember() {
            Map<String, Object> contact = contact();
            contact.put("phone", "+48 999 999 999");

            representativeA.put(konwent(X) + "/members/" + memberB, contact).expect(403);
            representativeA.post(konwent(X) + "/votes/" + voteX + "/ballots", Map.of("memberId", memberB,
                    "choice", "AGAINST")).expect(403);

            assertThat(admin.get(konwent(X) + "/members/" + memberB).expect(200).json().path("phone").asText())
                    .isEqualTo("+48 61 000 00 00");
            representativeB.post(konwent(X) + "/votes/" + voteX + "/ballots", Map.of("memberId", memberB,
                    "choice", "FOR")).expect(201);
        }

        @Test
        void idsOfAnotherKonwentAreNotFoundThroughOnesOwnKonwent() {
            // each caller holds the role the operation needs in X, and names an object of Y under X's address
            departmentX.get(konwent(X) + "/declarations/" + declarationY).expect(404);
            departmentX.post(konwent(X) + "/declarations/" + declarationY + "/decision",
                    Map.of("outcome", "ACCEPTED", "reason", "Przejęcie")).expect(404);
            departmentX.get(konwent(X) + "/members/" + memberY + "/personal-data").expect(404);
            departmentX.post(konwent(X) + "/members/" + memberY + "/withdrawal", Map.of("reason", "Przejęcie"))
                    .expect(404);
            departmentX.get(konwent(X) + "/webhooks/" + webhookY).expect(404);
            departmentX.get(konwent(X) + "/webhooks/" + webhookY + "/deliveries").expect(404);
            departmentX.delete(konwent(X) + "/webhooks/" + webhookY).expect(404);
            departmentX.get(konwent(X) + "/documents/" + documentY).expect(404);
            departmentX.delete(konwent(X) + "/documents/" + documentY).expect(404);
            secretariatX.post(konwent(X) + "/votes/" + voteY + "/closing", null).expect(404);

            assertThat(admin.get(konwent(Y) + "/declarations/" + declarationY).expect(200).json().path("state")
                    .asText()).isEqualTo("SUBMITTED");
            assertThat(admin.get(konwent(Y) + "/members/" + memberY).expect(200).json().path("status").asText())
                    .isEqualTo("ACTIVE");
            admin.get(konwent(Y) + "/webhooks/" + webhookY).expect(200);
            admin.get(konwent(Y) + "/documents/" + documentY).expect(200);
            assertThat(admin.get(konwent(Y) + "/votes/" + voteY).expect(200).json().path("state").asText())
                    .isEqualTo("OPEN");
        }

        @Test
        void aRoleInOneKonwentReachesNothingInternalInAnother() {
            departmentX.get(konwent(Y) + "/declarations").expect(403);
            departmentX.get(konwent(Y) + "/declarations/" + declarationY).expect(403);
            departmentX.get(konwent(Y) + "/webhooks/" + webhookY).expect(403);
            departmentX.get(konwent(Y) + "/members/" + memberY + "/personal-data").expect(403);
            // an internal document does not exist for those who may not read it
            departmentX.get(konwent(Y) + "/documents/" + documentY).expect(404);
            anonymous.get(konwent(Y) + "/documents/" + documentY).expect(404);
            assertThat(departmentX.get(konwent(Y) + "/documents").expect(200).json().path("items")).isEmpty();
            assertThat(departmentX.get(konwent(Y) + "/members/" + memberY).expect(200).json().path("view").asText())
                    .isEqualTo("PUBLIC");
        }

        @Test
        void aDepartmentReadsNoAccountOfAnotherKonwentNorTheAdministratorsWhateverIdItLearns() {
            // issue 19: DEPARTMENT of X read accounts and roles of Y's people and of the ADMIN by their ids
            String departmentYId = departmentY.get("/api/v1/accounts/current").expect(200).json().path("id").asText();
            String adminId = admin.get("/api/v1/accounts/current").expect(200).json().path("id").asText();

            for (String foreign : List.of(departmentYId, adminId)) {
                assertThat(departmentX.get("/api/v1/accounts/" + foreign).expect(404).json().path("status").asInt())
                        .isEqualTo(404);
                departmentX.get("/api/v1/accounts/" + foreign + "/roles").expect(404);
            }
            departmentX.get("/api/v1/accounts/" + representativeAId).expect(200);
            departmentX.get("/api/v1/accounts/" + representativeAId + "/roles").expect(200);
        }
    }

    @Nested
    @DisplayName("API2 Broken Authentication (also AccessApiTest, TwoInstancesTest)")
    class Api2Authentication {
        @Test
        void failedLoginsAreThrottledWith429EvenForTheRightPassword() {
            Accounts.create(admin, "owasp-cel");
            for (int i = 0; i < 5; i++) {
                anonymous.post("/api/v1/tokens", Map.of("username", "owasp-cel", "password", "zgadywane-" + i))
                        .expect(401);
            }

            Api.Reply refused = anonymous.post("/api/v1/tokens", Map.of("username", "owasp-cel",
                    "password", Accounts.PASSWORD)).expect(429);

            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
            anonymous.unvalidatedRequest().as("owasp-cel", Accounts.PASSWORD).get("/api/v1/accounts/current")
                    .expect(429);
        }

        @Test
        void aLoggedOutOrExpiredTokenIsRefused() {
            Accounts.create(admin, "owasp-sesja");
            String loggedOut = token("owasp-sesja");
            String expiring = token("owasp-sesja");
            anonymous.withToken(loggedOut).delete("/api/v1/tokens/current").expect(204);

            anonymous.withToken(loggedOut).get("/api/v1/accounts/current").expect(401);
            anonymous.withToken(expiring).get("/api/v1/accounts/current").expect(200);
            CLOCK.advance(Duration.ofHours(13));
            Api.Reply expired = anonymous.withToken(expiring).get("/api/v1/accounts/current").expect(401);
            assertThat(expired.header("WWW-Authenticate")).contains("Bearer");
        }

        @Test
        void aTokenIsTakenFromTheAuthorizationHeaderOnlyNeverFromTheQueryString() {
            Accounts.create(admin, "owasp-url");
            String token = token("owasp-url");
            Api raw = anonymous.unvalidatedRequest();

            raw.get("/api/v1/accounts/current?access_token=" + token).expect(401);
            raw.get("/api/v1/accounts/current?access_token=" + token, "Authorization", "Digest username=\"x\"")
                    .expect(401);
            raw.get("/api/v1/accounts/current?access_token=" + token, "Authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString("nikt:nic-takiego".getBytes(StandardCharsets.UTF_8)))
                    .expect(401);
        }

        @Test
        void credentialsThatArePresentButMalformedAreA401NeverAnAnonymousRequest() {
            Api raw = anonymous.unvalidatedRequest();
            for (String authorization : List.of("Bearer ", "Bearer nie-ma-takiego-tokenu", "Basic !!!",
                    "Basic " + java.util.Base64.getEncoder().encodeToString("bez-dwukropka".getBytes(
                            StandardCharsets.UTF_8)), "Negotiate abc")) {
                Api.Reply reply = raw.get("/api/v1/konwents", "Authorization", authorization).expect(401);
                assertThat(reply.header("WWW-Authenticate")).as(authorization).contains("Bearer realm=\"konwent\"");
            }
        }

        @Test
        void tokensAreLongRandomAndNeverCached() {
            Accounts.create(admin, "owasp-token");
            Api.Reply login = anonymous.post("/api/v1/tokens", Map.of("username", "owasp-token",
                    "password", Accounts.PASSWORD)).expect(201);

            assertThat(login.json().path("token").asText()).hasSizeGreaterThanOrEqualTo(43)
                    .isNotEqualTo(token("owasp-token"));
            assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        }

        private String token(String username) {
            return anonymous.post("/api/v1/tokens", Map.of("username", username, "password", Accounts.PASSWORD))
                    .expect(201).json().path("token").asText();
        }

        @Test
        void aUsernameWithTrailingSpacesOrAnotherCaseIsTheSameUserAndTheSameThrottleOnMariaDb() {
            // issue 19: on MariaDB (PAD SPACE) "name" was throttled while "name   " went on guessing
            Api onMariaDb = new Api(consumer.getLocalPort());
            onMariaDb.asAdmin().post("/api/v1/accounts", Map.of("username", "owasp-spacje", "password",
                    Accounts.PASSWORD, "displayName", "Spacje")).expect(201);
            for (int i = 0; i < 5; i++) {
                onMariaDb.post("/api/v1/tokens", Map.of("username", "owasp-spacje", "password", "zle-" + i))
                        .expect(401);
            }

            for (String guise : List.of("owasp-spacje   ", " OWASP-Spacje", "owasp-spacje\t")) {
                Api.Reply refused = onMariaDb.post("/api/v1/tokens", Map.of("username", guise, "password", "zle"))
                        .expect(429);
                assertThat(refused.json().path("type").asText()).isEqualTo("/problems/too-many-requests");
            }
            onMariaDb.asAdmin().unvalidatedRequest().post("/api/v1/accounts", Map.of("username", "OWASP-Spacje  ",
                    "password",
                    Accounts.PASSWORD, "displayName", "Podszyty")).expect(409);
        }

        @Test
        void aStrangerFailingOnPurposeDoesNotLockTheMemberOutFromItsOwnAddress() throws IOException {
            // issue 19: five failed logins from anywhere locked a representative out for 15 minutes
            for (int i = 0; i < 5; i++) {
                assertThat(loginFrom("127.0.0.2", "owasp-rep-a", "zgadywane-" + i)).startsWith("HTTP/1.1 401");
            }

            String delayed = loginFrom("127.0.0.2", "owasp-rep-a", Accounts.PASSWORD);
            assertThat(delayed).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After: 1")
                    .contains("application/problem+json");
            anonymous.post("/api/v1/tokens", Map.of("username", "owasp-rep-a", "password", Accounts.PASSWORD))
                    .expect(201);
        }

        @Test
        void aPasswordResetEndsTheOldPasswordOnTheVeryNextRequest() {
            // issue 19: after an ADMIN reset a password the old one kept working over Basic for ~30 s
            String id = Accounts.create(admin, "owasp-reset");
            Api old = anonymous.as("owasp-reset", Accounts.PASSWORD);
            old.get("/api/v1/accounts/current").expect(200);

            admin.post("/api/v1/accounts/" + id + "/password", Map.of("newPassword", "nowe-haslo-po-resecie"))
                    .expect(204);

            old.get("/api/v1/accounts/current").expect(401);
            anonymous.as("owasp-reset", "nowe-haslo-po-resecie").get("/api/v1/accounts/current").expect(200);
        }
    }

    @Nested
    @DisplayName("API3 Broken Object Property Level Authorization (also MembershipApiTest, AccessApiTest)")
    class Api3PropertyLevelAuthorization {
        @Test
        void thePublicRegisterHasNoContactPersonalData() {
            JsonNode register = anonymous.get(konwent(X) + "/members?limit=500").expect(200).json();

            assertThat(register.path("items")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(register.path("items").findValuesAsText("view")).containsOnly("PUBLIC");
            assertThat(register.findValues("phone")).isEmpty();
            assertThat(register.findValues("email")).isEmpty();
            assertThat(register.findValues("representatives")).isEmpty();
            assertThat(register.toString()).doesNotContain("Anna Nowak", "@example.pl");
        }

        @Test
        void readOnlyAndUnknownFieldsInADeclarationAreRefusedAndNothingIsStored() {
            for (Map.Entry<String, Object> smuggled : Map.<String, Object>of("state", "ACCEPTED", "id", "wybrany-id",
                    "memberId", memberA, "konwentId", Y).entrySet()) {
                Map<String, Object> declaration = Declarations.of("CIS przemycony " + smuggled.getKey());
                declaration.put(smuggled.getKey(), smuggled.getValue());

                JsonNode problem = departmentX.unvalidatedRequest().post(konwent(X) + "/declarations", declaration)
                        .expect(422).json();

                assertThat(problem.path("errors").findValuesAsText("field")).contains(smuggled.getKey());
            }
            assertThat(departmentX.get(konwent(X) + "/declarations?limit=500").expect(200).body())
                    .doesNotContain("przemycony");
        }

        @Test
        void aRepresentativeCannotChangeItsMembersStatusNameOrVersionThroughAnUpdate() {
            Map<String, Object> contact = contact();
            for (Map.Entry<String, Object> smuggled : Map.<String, Object>of("status", "WITHDRAWN", "name",
                    "Przejęta nazwa", "version", 99, "view", "FULL").entrySet()) {
                Map<String, Object> body = new LinkedHashMap<>(contact);
                body.put(smuggled.getKey(), smuggled.getValue());

                representativeA.unvalidatedRequest().put(konwent(X) + "/members/" + memberA, body).expect(422);
            }

            JsonNode member = admin.get(konwent(X) + "/members/" + memberA).expect(200).json();
            assertThat(member.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(member.path("name").asText()).isEqualTo("CIS A");
        }

        @Test
        void anAccountCannotGiveItselfRolesOrReenableItselfThroughItsProfile() {
            for (Map.Entry<String, Object> smuggled : Map.<String, Object>of("roles", List.of(Map.of("role", "ADMIN")),
                    "enabled", true, "username", "admin2", "passwordHash", "$2a$10$x").entrySet()) {
                Map<String, Object> body = new LinkedHashMap<>(Map.of("displayName", "Przedstawiciel A"));
                body.put(smuggled.getKey(), smuggled.getValue());

                representativeA.unvalidatedRequest().put("/api/v1/accounts/" + representativeAId, body).expect(422);
            }

            assertThat(representativeA.get("/api/v1/accounts/" + representativeAId + "/roles").expect(200).json()
                    .path("items").findValuesAsText("role")).containsExactly("REPRESENTATIVE");
            assertThat(admin.get("/api/v1/accounts/" + representativeAId).expect(200).json().path("username")
                    .asText()).isEqualTo("owasp-rep-a");
        }

        @Test
        void secretsAndHashesAreNeverRead() {
            assertThat(admin.get("/api/v1/accounts/" + representativeAId).expect(200).body())
                    .doesNotContain(Accounts.PASSWORD, "$2", "password");
            JsonNode webhook = departmentY.get(konwent(Y) + "/webhooks/" + webhookY).expect(200).json();
            assertThat(webhook.path("secret").isNull()).isTrue();
            assertThat(webhook.path("secretHint").asText()).startsWith("whsec_…");
        }

        @Test
        void aMembersFullAndPublicViewsCarryDifferentTagsAndNoCacheMayShareThem() {
            // issue 19: the public and the full view of a member had one ETag and no Vary or Cache-Control: private
            Api.Reply full = representativeA.get(konwent(X) + "/members/" + memberA).expect(200);
            Api.Reply open = anonymous.get(konwent(X) + "/members/" + memberA).expect(200);

            assertThat(full.header("ETag")).isNotEqualTo(open.header("ETag"));
            assertThat(full.header("Vary")).contains("Authorization");
            assertThat(open.header("Vary")).contains("Authorization");
            assertThat(full.header("Cache-Control")).isEqualTo("private, no-store");
            anonymous.get(konwent(X) + "/members/" + memberA, "If-None-Match", full.header("ETag")).expect(200);
            representativeA.put(konwent(X) + "/members/" + memberA, contact(), "If-Match", open.header("ETag"))
                    .expect(412);
            assertThat(admin.get("/api/v1/accounts/" + representativeAId).expect(200).header("Cache-Control"))
                    .isEqualTo("private, no-store");
        }
    }

    @Nested
    @DisplayName("API4 Unrestricted Resource Consumption (also HttpConventionsTest, ContractFuzzTest)")
    class Api4ResourceConsumption {
        @Test
        void aPageHoldsAtMost500Items() {
            Api raw = anonymous.unvalidatedRequest();
            for (String limit : List.of("501", "1000000", "0", "-1")) {
                JsonNode problem = raw.get(konwent(X) + "/members?limit=" + limit).expect(422).json();
                assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("limit");
            }
            anonymous.get(konwent(X) + "/members?limit=500").expect(200);
        }

        @Test
        void aBodyOverOneMebibyteIs413AndNothingIsStored() {
            Map<String, Object> declaration = Declarations.of("CIS rozdęty");
            declaration.put("signedBy", "ą".repeat(600_000));

            departmentX.unvalidatedRequest().post(konwent(X) + "/declarations", declaration).expect(413);

            assertThat(departmentX.get(konwent(X) + "/declarations?limit=500").expect(200).body())
                    .doesNotContain("CIS rozdęty");
        }

        @Test
        void deeplyNestedJsonIsRefusedWithAProblemWithoutBeingWalked() {
            // 100 000 levels in 200 kB: refused at the first level the schema does not allow, or at the 33rd
            int depth = 100_000;
            for (String deep : List.of("[".repeat(depth) + "]".repeat(depth),
                    "{\"memberName\": " + "[".repeat(depth) + "]".repeat(depth) + "}",
                    "{\"memberName\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + "}")) {
                Api.Reply reply = departmentX.unvalidatedRequest().post(konwent(X) + "/declarations", deep);

                assertThat(reply.status()).as(reply.body()).isIn(400, 422);
                reply.expect(reply.status());
            }
            anonymous.get("/api/v1").expect(200);
        }

        @Test
        void oversizedHeadersAndUrlsAreRefusedAndTheServerServesOn() {
            Api raw = anonymous.outsideContract();

            Api.Reply header = raw.get("/api/v1/konwents", "X-Wypelniacz", "a".repeat(70_000));
            Api.Reply url = raw.get("/api/v1/konwents?q=" + "a".repeat(70_000));

            assertThat(header.status()).isEqualTo(431);
            assertThat(url.status()).isIn(414, 431);
            for (Api.Reply refused : List.of(header, url)) {
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
            anonymous.get("/api/v1").expect(200);
        }

        @Test
        void clientsSendingHeadersOrABodyAByteAtATimeAreCutOffWithin408AndHoldNothing() throws IOException {
            // a byte a second, far slower than any real client; all of it would take a minute
            String post = "POST /api/v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
            String body = "{\"username\": \"admin\", \"password\": \"" + "x".repeat(20) + "\"}";

            Raw.Dripped slowHeaders = Raw.drip(post, "X-Wolno: " + "a".repeat(50) + "\r\n\r\n");
            Raw.Dripped slowBody = Raw.drip(post + "Content-Length: " + body.length() + "\r\n\r\n", body);

            for (Raw.Dripped cut : List.of(slowHeaders, slowBody)) {
                assertThat(cut.bytesSent()).as(cut.answer()).isLessThan(cut.bytesToSend());
                assertThat(cut.answer()).startsWith("HTTP/1.1 408 ").contains("application/problem+json");
            }
            anonymous.get("/api/v1").expect(200);
        }
    }

    @Nested
    @DisplayName("API5 Broken Function Level Authorization (also AuthorizationMatrixTest)")
    class Api5FunctionLevelAuthorization {
        @Test
        void aRepresentativeCannotCallTheDepartmentsOrTheAdministratorsOperations() {
            String pending = departmentX.post(konwent(X) + "/declarations", Declarations.of("KIS oczekujący"))
                    .expect(201).json().path("id").asText();

            representativeA.post("/api/v1/accounts/" + representativeAId + "/roles", Map.of("konwentId", X,
                    "role", "DEPARTMENT")).expect(403);
            representativeA.post("/api/v1/accounts/" + representativeAId + "/roles", Map.of("konwentId", X,
                    "role", "REPRESENTATIVE", "memberId", memberB)).expect(403);
            representativeA.post(konwent(X) + "/declarations/" + pending + "/decision", Map.of("outcome", "ACCEPTED",
                    "reason", "Sam sobie")).expect(403);
            representativeA.post("/api/v1/konwents", Map.of("id", "owasp-wlasny", "name", "Własny")).expect(403);
            representativeA.get("/api/v1/accounts").expect(403);
            representativeA.get(konwent(X) + "/audit").expect(403);
            representativeA.post(konwent(X) + "/webhooks", Map.of("url", "https://93.184.215.14/podsluch",
                    "events", List.of("member.accepted"))).expect(403);
            representativeA.post(konwent(X) + "/votes/" + voteX + "/closing", null).expect(403);
            representativeA.post(konwent(X) + "/members/" + memberB + "/withdrawal", Map.of("reason", "Nie"))
                    .expect(403);

            assertThat(admin.get("/api/v1/accounts/" + representativeAId + "/roles").expect(200).json().path("items")
                    .findValuesAsText("role")).containsExactly("REPRESENTATIVE");
            assertThat(departmentX.get(konwent(X) + "/declarations/" + pending).expect(200).json().path("state")
                    .asText()).isEqualTo("SUBMITTED");
            anonymous.get("/api/v1/konwents/owasp-wlasny").expect(404);
        }

        @Test
        void aDepartmentCannotRaiseItselfOrOthersAboveItsKonwent() {
            String departmentXId = departmentX.get("/api/v1/accounts/current").expect(200).json().path("id").asText();

            departmentX.post("/api/v1/accounts/" + departmentXId + "/roles", Map.of("konwentId", Y,
                    "role", "DEPARTMENT")).expect(403);
            departmentX.post("/api/v1/accounts/" + representativeAId + "/roles", Map.of("konwentId", X,
                    "role", "DEPARTMENT")).expect(403);
            departmentX.post("/api/v1/konwents", Map.of("id", "owasp-departament", "name", "Nowy")).expect(403);
            departmentX.get("/api/v1/accounts").expect(403);
        }

        @Test
        void aMethodOverrideHeaderDoesNotTurnOneOperationIntoAnother() {
            Api.Reply reply = representativeA.outsideContract().send("POST", konwent(X) + "/members/" + memberB,
                    "{\"reason\": \"x\"}", "X-HTTP-Method-Override", "DELETE");

            assertThat(reply.status()).isEqualTo(405);
            assertThat(admin.get(konwent(X) + "/members/" + memberB).expect(200).json().path("status").asText())
                    .isEqualTo("ACTIVE");
        }

        @Test
        void aDepartmentCannotMakeItselfOrAnyoneItLikesAMembersRepresentativeNorGrantCouncil() {
            // issue 19: a DEPARTMENT granted REPRESENTATIVE of any member to any account, itself included
            String departmentXId = departmentX.get("/api/v1/accounts/current").expect(200).json().path("id").asText();
            String stranger = Accounts.create(admin, "owasp-obcy");

            assertThat(departmentX.post("/api/v1/accounts/" + departmentXId + "/roles", Map.of("konwentId", X,
                    "role", "REPRESENTATIVE", "memberId", memberB)).expect(422).json().path("detail").asText())
                    .startsWith("A2");
            assertThat(departmentX.post("/api/v1/accounts/" + stranger + "/roles", Map.of("konwentId", X,
                    "role", "REPRESENTATIVE", "memberId", memberB)).expect(422).json().path("detail").asText())
                    .startsWith("A2");
            assertThat(admin.post("/api/v1/accounts/" + departmentXId + "/roles", Map.of("konwentId", X,
                    "role", "REPRESENTATIVE", "memberId", memberB, "reason", "próba")).expect(422).json()
                    .path("detail").asText()).startsWith("A1");
            assertThat(departmentX.post("/api/v1/accounts/" + stranger + "/roles", Map.of("konwentId", X,
                    "role", "COUNCIL")).expect(422).json().path("detail").asText()).startsWith("C2");

            assertThat(departmentX.get("/api/v1/accounts/" + departmentXId + "/roles").expect(200).json()
                    .path("items").findValuesAsText("role")).containsExactly("DEPARTMENT");
            departmentX.get("/api/v1/accounts/" + stranger).expect(404);
            assertThat(admin.get("/api/v1/accounts/" + stranger + "/roles").expect(200).json().path("items"))
                    .isEmpty();
        }

        @Test
        void aRepresentativeGoesToThePersonTheMemberNamedOrByTheAdminWithAReasonTheTrailKeeps() {
            String named = admin.post("/api/v1/accounts", Map.of("username", "owasp-anna", "password",
                    Accounts.PASSWORD, "displayName", "Anna Nowak", "email", "Anna@Example.pl")).expect(201).json()
                    .path("id").asText();
            String proxy = Accounts.create(admin, "owasp-pelnomocnik");

            departmentX.post("/api/v1/accounts/" + named + "/roles", Map.of("konwentId", X, "role", "REPRESENTATIVE",
                    "memberId", memberA)).expect(201);
            admin.post("/api/v1/accounts/" + proxy + "/roles", Map.of("konwentId", X, "role", "REPRESENTATIVE",
                    "memberId", memberB)).expect(422);
            admin.post("/api/v1/accounts/" + proxy + "/roles", Map.of("konwentId", X, "role", "REPRESENTATIVE",
                    "memberId", memberB, "reason", "pismo zarządu CIS B z 20 listopada")).expect(201);

            JsonNode trail = departmentX.get(konwent(X) + "/audit?resource=/api/v1/accounts/" + proxy).expect(200)
                    .json().path("items");
            assertThat(trail.findValuesAsText("reason")).contains("pismo zarządu CIS B z 20 listopada");
        }

        @Test
        void theAdministratorAndTheDepartmentNeverCastAMembersBallot() {
            // issue 19, V6: an ADMIN cast any member's ballot directly
            String vote = openVote(secretariatX, X);
            for (Api notTheMembersOwn : List.of(admin, departmentX)) {
                assertThat(notTheMembersOwn.post(konwent(X) + "/votes/" + vote + "/ballots", Map.of("memberId",
                        memberA, "choice", "FOR")).expect(403).json().path("detail").asText()).startsWith("V6");
            }

            assertThat(anonymous.get(konwent(X) + "/votes/" + vote + "/ballots/" + memberA).expect(200).json()
                    .path("voted").asBoolean()).isFalse();
            representativeA.post(konwent(X) + "/votes/" + vote + "/ballots", Map.of("memberId", memberA,
                    "choice", "FOR")).expect(201);
        }

        @Test
        void secretariatIsNotGrantedByHandWhereTheOrganiserIsChosenByCompetition() {
            // issue 19: SECRETARIAT was granted by hand without the organiser competition (O1/O2)
            String clerk = Accounts.create(admin, "owasp-sekretarka");

            for (Api granter : List.of(departmentY, admin)) {
                assertThat(granter.post("/api/v1/accounts/" + clerk + "/roles", Map.of("konwentId", Y,
                        "role", "SECRETARIAT")).expect(422).json().path("detail").asText()).startsWith("A3");
            }
            assertThat(admin.get("/api/v1/accounts/" + clerk + "/roles").expect(200).json().path("items")).isEmpty();
        }
    }

    @Nested
    @DisplayName("API6 Unrestricted Access to Sensitive Business Flows (also DeclarationLimitTest)")
    class Api6SensitiveBusinessFlows {
        @Test
        void massAnonymousDeclarationsAreThrottledAndForwardedForHeadersDoNotHelp() {
            String declarations = konwent(Y) + "/declarations";
            for (int i = 0; i < DECLARATION_LIMIT; i++) {
                anonymous.post(declarations, Declarations.of("CIS masowy " + i)).expect(201);
            }

            Api.Reply refused = anonymous.post(declarations, Declarations.of("CIS masowy nadmiarowy")).expect(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
            for (String[] spoof : List.of(new String[] {"X-Forwarded-For", "203.0.113.50"},
                    new String[] {"Forwarded", "for=203.0.113.51"}, new String[] {"X-Real-IP", "203.0.113.52"})) {
                anonymous.post(declarations, Declarations.of("CIS masowy " + spoof[0]), spoof).expect(429);
            }

            assertThat(departmentY.get(declarations + "?limit=500").expect(200).json().path("items")
                    .findValuesAsText("memberName").stream().filter(name -> name.startsWith("CIS masowy")))
                    .hasSize(DECLARATION_LIMIT);
        }

        @Test
        void massAnonymousApplicationsToTheOrganiserCompetitionAreThrottledToo() {
            String competitions = konwent(X) + "/organiser-competitions";
            String competition = departmentX.post(competitions, Map.of("year", 2031, "title", "Konkurs",
                    "grantAmount", 1000, "deadline", CLOCK.instant().plus(Duration.ofDays(30)).toString()))
                    .expect(201).json().path("id").asText();
            String applications = competitions + "/" + competition + "/applications";
            for (int i = 0; i <= DECLARATION_LIMIT; i++) {
                Api.Reply reply = anonymous.post(applications, Map.of("institutionName", "Fundacja " + i,
                        "runs", List.of(Map.of("kind", "CIS", "name", "CIS Fundacji " + i)), "offer", "Sala",
                        "contact", Map.of("name", "Jan Kowalski", "email", "jan@example.pl")));
                reply.expect(i < DECLARATION_LIMIT ? 201 : 429);
            }

            assertThat(departmentX.get(applications + "?limit=500").expect(200).json().path("items"))
                    .hasSize(DECLARATION_LIMIT);
        }
    }

    @Nested
    @DisplayName("API7 Server Side Request Forgery (also WebhookSsrfTest, AddressPolicyTest)")
    class Api7ServerSideRequestForgery {
        @Test
        void webhooksToLoopbackPrivateOrMetadataAddressesAreRefusedHoweverWritten() {
            String webhooks = konwent(X) + "/webhooks";
            for (String url : List.of("http://127.0.0.1:8081/tasks/gc", "http://localhost./", "http://2130706433/",
                    "http://[::ffff:127.0.0.1]/", "http://[::]/", "http://169.254.169.254/latest/meta-data/",
                    "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://10.1.2.3/", "http://[fe80::1]/",
                    "http://metadata.google.internal/", "file:///etc/passwd", "gopher://93.184.215.14/")) {
                JsonNode problem = departmentX.unvalidatedRequest().post(webhooks, Map.of("url", url,
                        "events", List.of("member.accepted"))).expect(422).json();
                assertThat(problem.path("errors").findValuesAsText("field")).as(url).containsExactly("url");
            }

            assertThat(departmentX.get(webhooks).expect(200).json().path("items")).isEmpty();
        }

        @Test
        void aWebhookCannotBeMovedToAPrivateAddressLater() {
            String webhooks = konwent(X) + "/webhooks";
            String webhook = webhooks + "/" + departmentX.post(webhooks, Map.of("url", "https://93.184.215.14/a",
                    "events", List.of("member.accepted"))).expect(201).json().path("id").asText();

            departmentX.unvalidatedRequest().put(webhook, Map.of("url", "http://169.254.169.254/",
                    "events", List.of("member.accepted"))).expect(422);

            assertThat(departmentX.get(webhook).expect(200).json().path("url").asText())
                    .isEqualTo("https://93.184.215.14/a");
            departmentX.delete(webhook).expect(204);
        }

        @Test
        void aRedirectIsNeverFollowedSoAReceiverCannotBounceADeliveryInwards() throws Exception {
            try (Receiver internal = new Receiver();
                 Misbehaving redirecting = new Misbehaving(out -> out.write(("HTTP/1.1 302 Found\r\nLocation: "
                         + internal.url("/wewnetrzny") + "\r\nContent-Length: 0\r\n\r\n").getBytes(
                         StandardCharsets.US_ASCII)))) {
                Webhooks hooks = Webhooks.onConsumer();

                JsonNode delivery = hooks.awaitAttempted(hooks.ping(redirecting.url()));

                assertThat(delivery.path("status").asText()).isEqualTo("PENDING");
                assertThat(delivery.path("lastStatus").asInt()).isEqualTo(302);
                assertThat(internal.received()).isEmpty();
            }
        }

        @Test
        void everySpecialPurposeRangeIsRefusedIPv4AndIPv6AndTheFormsThatEmbedIPv4() {
            // the pinned connect (no DNS rebinding between check and connect) is staged in WebhookSenderTest
            String webhooks = konwent(X) + "/webhooks";
            for (String url : List.of("http://192.0.0.1/", "http://192.0.0.170/", "http://198.18.0.1/",
                    "http://198.19.255.254/", "http://240.0.0.1/", "http://255.255.255.255/", "http://100.64.0.1/",
                    "http://224.0.0.251/", "http://192.0.2.1/", "http://[ff05::1:3]/", "http://[::ffff:10.0.0.1]/",
                    "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::1]/",
                    "http://[2002:c0a8:101::1]/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
                    "http://[2001:db8::1]/", "http://[100::1]/", "http://[fec0::1]/")) {
                JsonNode problem = departmentX.unvalidatedRequest().post(webhooks, Map.of("url", url,
                        "events", List.of("member.accepted"))).expect(422).json();
                assertThat(problem.path("errors").findValuesAsText("field")).as(url).containsExactly("url");
                assertThat(problem.path("errors").findValuesAsText("message")).as(url).singleElement()
                        .asString().contains("special-purpose");
            }

            assertThat(departmentX.get(webhooks).expect(200).json().path("items")).isEmpty();
        }
    }

    @Nested
    @DisplayName("API8 Security Misconfiguration (also HttpConventionsTest)")
    class Api8SecurityMisconfiguration {
        @Test
        void theAdminPortListensOnLoopbackAndIsNotServedOnTheApiPort() {
            HttpConnectorFactory adminConnector = (HttpConnectorFactory) ((DefaultServerFactory) server
                    .getConfiguration().getServerFactory()).getAdminConnectors().get(0);
            assertThat(adminConnector.getBindHost()).isEqualTo("127.0.0.1");

            for (String adminPath : List.of("/healthcheck", "/metrics", "/tasks/gc", "/threads")) {
                Api.Reply reply = anonymous.outsideContract().get(adminPath);
                assertThat(reply.status()).as(adminPath).isEqualTo(404);
            }
        }

        @Test
        void publicReadsMayBeReadCrossOriginButNeverWithCredentials() {
            Api raw = anonymous.outsideContract();
            String origin = "https://portal.example.pl";

            Api.Reply read = raw.get("/api/v1/konwents", "Origin", origin);
            Api.Reply signedIn = raw.withHeaders(Map.of("Authorization", "Bearer " + token()))
                    .get("/api/v1/accounts/current", "Origin", origin);

            assertThat(read.header("Access-Control-Allow-Origin")).isIn(origin, "*");
            for (Api.Reply reply : List.of(read, signedIn)) {
                assertThat(reply.header("Access-Control-Allow-Credentials")).isNotEqualToIgnoringCase("true");
            }
        }

        @Test
        void preflightsAllowNoMethodButGetAndHeadAndNoCredentialHeader() {
            Api raw = anonymous.outsideContract();
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                Api.Reply preflight = raw.send("OPTIONS", konwent(X) + "/declarations", null,
                        "Origin", "https://zly.example", "Access-Control-Request-Method", method);
                assertThat(String.valueOf(preflight.header("Access-Control-Allow-Methods"))).as(method)
                        .doesNotContain(method);
                assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
            }
            Api.Reply withAuthorization = raw.send("OPTIONS", "/api/v1/accounts/current", null,
                    "Origin", "https://zly.example", "Access-Control-Request-Method", "GET",
                    "Access-Control-Request-Headers", "authorization");
            assertThat(String.valueOf(withAuthorization.header("Access-Control-Allow-Headers")).toLowerCase())
                    .doesNotContain("authorization");
        }

        @Test
        void errorsShowNoStackTracesAndNoServerSoftwareOrVersion() {
            Api raw = anonymous.outsideContract();
            List<Api.Reply> errors = List.of(
                    raw.get("/api/v1/nic-tu-nie-ma"),
                    raw.send("TRACE", "/api/v1", null),
                    raw.send("DELETE", "/api/v1/konwents", null),
                    raw.get("/api/v1/konwents/..%2F..%2Fetc%2Fpasswd"),
                    admin.unvalidatedRequest().post("/api/v1/konwents", "{\"id\": \"x\" \"name\"}"),
                    admin.unvalidatedRequest().post("/api/v1/konwents", "{\"id\": \"x\"}", "Content-Type", "text/xml"),
                    raw.get("/api/v1/konwents", "X-Wypelniacz", "a".repeat(70_000)));

            for (Api.Reply error : errors) {
                assertThat(error.status()).as(error.path()).isBetween(400, 499);
                assertThat(error.header("Content-Type")).as(error.path()).startsWith("application/problem+json");
                assertThat(error.body()).as(error.path()).doesNotContain("Exception", "at org.", "at pl.konwent",
                        "jetty", "Jetty", "jersey", "Jersey", "jackson");
                assertThat(error.header("Server")).as(error.path()).isNull();
                assertThat(error.header("X-Powered-By")).as(error.path()).isNull();
            }
            assertThat(errors.get(1).status()).as("TRACE echoes nothing").isEqualTo(405);
        }

        @Test
        void everyAnswerForbidsContentSniffingAndFraming() {
            Api raw = anonymous.outsideContract();
            List<Api.Reply> answers = List.of(
                    raw.get("/api/v1"),
                    raw.get("/api/v1/konwents"),
                    raw.get("/docs"),
                    raw.get("/docs/swagger-ui.css"),
                    raw.get("/api/v1/nic-tu-nie-ma"),
                    raw.get("/api/v1/konwents/..%2F..%2Fetc%2Fpasswd"),
                    raw.get("/api/v1/konwents", "X-Wypelniacz", "a".repeat(70_000)));

            for (Api.Reply answer : answers) {
                assertThat(answer.header("X-Content-Type-Options")).as(answer.path()).isEqualTo("nosniff");
                assertThat(answer.header("X-Frame-Options")).as(answer.path()).isEqualTo("DENY");
                assertThat(answer.header("Content-Security-Policy")).as(answer.path())
                        .isEqualTo("frame-ancestors 'none'");
            }
        }

        private String token() {
            return anonymous.post("/api/v1/tokens", Map.of("username", "admin", "password",
                    TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();
        }

        @Test
        void malformedFramingIsA4xxProblemNeverA500AndLogsNoStackTrace() throws IOException {
            String post = "POST /api/v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\n";
            String chunked = post + "Transfer-Encoding: chunked\r\n\r\n";
            List<String> malformed = List.of(
                    chunked + "FFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
                    chunked + "7FFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
                    chunked + "-1\r\n{}\r\n0\r\n\r\n",
                    chunked + "zz\r\n{}\r\n0\r\n\r\n",
                    chunked + "2\r\n{}XX0\r\n\r\n",
                    post + "Transfer-Encoding: gzip\r\n\r\n{}",
                    post + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                    post + "Content-Length: -1\r\n\r\n{}",
                    post + "Content-Length: 99999999999999999999\r\n\r\n{}",
                    post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
            try (Raw.ErrorLog log = Raw.ErrorLog.start()) {
                for (String request : malformed) {
                    String answer = Raw.exchange(request);

                    assertThat(answer).as(request).matches("(?s)HTTP/1\\.1 4\\d\\d .*")
                            .contains("application/problem+json").doesNotContain("Exception", "at org.");
                }
                assertThat(log.errors()).isEmpty();
            }
            anonymous.get("/api/v1").expect(200);
        }

        @Test
        void textStoredOtherwiseThanSentOrShownAsNothingIsRefusedAndNoCsvCellIsAFormula() throws IOException {
            String declarations = konwent(Y) + "/declarations";
            String template = new ObjectMapper().writeValueAsString(Declarations.of("NAZWA"));
            for (String name : List.of("\\ud800", "CIS \\udc00 Pniewy", "\\u200b\\u200d\\u2060",
                    "\\u3164\\u00a0\\u2800")) {
                JsonNode problem = departmentY.unvalidatedRequest().post(declarations,
                        template.replace("NAZWA", name)).expect(422).json();
                assertThat(problem.path("errors").findValuesAsText("field")).as(name).containsExactly("memberName");
            }
            assertThat(departmentY.get(declarations + "?limit=500").expect(200).body()).doesNotContain("\"?\"");

            String formula = "\uFF1DHYPERLINK(\"http://93.184.215.14/\"&A1)";
            Declarations.acceptedMember(departmentY, departmentY, Y, formula);
            String csv = departmentY.get(konwent(Y) + "/members", "Accept", "text/csv").expect(200).body();

            assertThat(csv).contains("\"'" + formula.replace("\"", "\"\"") + "\"");
            for (String cell : csv.split("\r\n|,")) {
                assertThat(cell).as(cell).doesNotStartWith("\"\uFF1D").doesNotStartWith("\"=")
                        .doesNotStartWith("\"\uFF20").doesNotStartWith("\"@");
            }
        }
    }

    @Nested
    @DisplayName("API9 Improper Inventory Management (also HttpConventionsTest, AuthorizationMatrixTest)")
    class Api9InventoryManagement {
        @Test
        void everyOperationTheServerServesIsInTheContractAndEveryOneThereIsServed() throws IOException {
            // served: Jersey's templates of every resource method; documented: each contract path with its parameters
            // filled in, so that a template with a pattern ({feed: feed\\.(?:atom|json)}) is compared by what it serves
            List<String[]> served = new java.util.ArrayList<>();
            org.glassfish.jersey.server.ResourceConfig jersey = server.getEnvironment().jersey().getResourceConfig();
            Set<Class<?>> components = new java.util.HashSet<>(jersey.getClasses());
            jersey.getInstances().forEach(instance -> components.add(instance.getClass()));
            for (Class<?> component : components) {
                if (component.isAnnotationPresent(Path.class)) {
                    collect(Resource.from(component), "", served);
                }
            }
            List<String[]> documented = new java.util.ArrayList<>();
            contract().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(key -> {
                        if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key)) {
                            documented.add(new String[] {key.toUpperCase(java.util.Locale.ROOT),
                                    path.getKey().replaceAll("\\{[^}]*}", "x1")});
                        }
                    }));

            Set<String> undocumented = new TreeSet<>();
            for (String[] operation : served) {
                PathTemplate template = new PathTemplate(operation[1]);
                if (documented.stream().noneMatch(doc -> doc[0].equals(operation[0])
                        && template.match(doc[1], new java.util.HashMap<>()))) {
                    undocumented.add(operation[0] + " " + operation[1]);
                }
            }
            Set<String> unserved = new TreeSet<>();
            for (String[] operation : documented) {
                if (served.stream().noneMatch(op -> op[0].equals(operation[0])
                        && new PathTemplate(op[1]).match(operation[1], new java.util.HashMap<>()))) {
                    unserved.add(operation[0] + " " + operation[1]);
                }
            }

            assertThat(served).hasSizeGreaterThan(80);
            assertThat(undocumented).as("served, but not in openapi.yaml").isEmpty();
            assertThat(unserved).as("in openapi.yaml, but not served").isEmpty();
        }

        @Test
        void noOtherVersionOrUnprefixedCopyOfTheApiAnswers() {
            for (String path : List.of("/api/v0/konwents", "/api/v2/konwents", "/api/konwents", "/v1/konwents",
                    "/konwents", "/api/V1/konwents", "/api/v1.0/konwents", "/api/latest/konwents",
                    "/application.wadl", "/api/v1/application.wadl", "/swagger.json", "/openapi.json")) {
                assertThat(anonymous.outsideContract().get(path).status()).as(path).isEqualTo(404);
            }
        }

        @Test
        void theContractsVersionsAndServerAgreeWithWhatTheServerSays() throws IOException {
            JsonNode contract = contract();
            JsonNode served = YAML.readTree(anonymous.get("/openapi.yaml").expect(200).body());
            String pathVersion = anonymous.get("/api/v1").expect(200).json().path("version").asText();

            assertThat(served.path("info").path("version")).isEqualTo(contract.path("info").path("version"));
            assertThat(contract.path("info").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
            contract.path("paths").fieldNames().forEachRemaining(path -> assertThat(path)
                    .matches("/api/" + pathVersion + "(/.*)?|/openapi\\.yaml|/docs(/.*)?|/problems/.*|/portal/v1/.*"));
            // relative: Swagger UI's "Try it out" calls whatever host and port /docs was opened at
            assertThat(contract.path("servers").findValuesAsText("url")).containsExactly("/");
        }

        private static JsonNode contract() throws IOException {
            return YAML.readTree(Files.readString(java.nio.file.Path.of("..", "openapi.yaml")));
        }

        private static void collect(Resource resource, String parent, List<String[]> into) {
            String path = (parent + "/" + (resource.getPath() == null ? "" : resource.getPath())).replaceAll("/+", "/");
            for (ResourceMethod method : resource.getResourceMethods()) {
                into.add(new String[] {method.getHttpMethod(), path});
            }
            for (Resource child : resource.getChildResources()) {
                collect(child, path, into);
            }
        }

        @Test
        void everyStatusAnsweredToAnUnacceptableAcceptAWrongContentTypeOrAReusedKeyIsDeclared() throws IOException {
            // each answer is validated against its operation in openapi.yaml (an undeclared status fails), as an ADMIN
            // in konwent X, other ids unknown
            String token = anonymous.post("/api/v1/tokens", Map.of("username", "admin", "password",
                    TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();
            Api api = anonymous.withToken(token).unvalidatedRequest();
            JsonNode contract = contract();
            Map<String, String> undeclared = new java.util.TreeMap<>();
            Map<String, Set<Integer>> answered = new java.util.TreeMap<>();
            int operations = 0;
            for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) () ->
                    contract.path("paths").fields()) {
                String url = path.getKey().replace("{konwentId}", X).replace("{year}", "2024")
                        .replaceAll("\\{[^}]*}", "nieznany-1");
                for (Map.Entry<String, JsonNode> operation : (Iterable<Map.Entry<String, JsonNode>>) () ->
                        path.getValue().fields()) {
                    String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                    if (!Set.of("GET", "PUT", "POST", "DELETE").contains(method)) {
                        continue;
                    }
                    operations++;
                    String name = method + " " + path.getKey();
                    String json = operation.getValue().has("requestBody") ? "{}" : null;
                    Map<String, Probe> probes = new LinkedHashMap<>();
                    probes.put("Accept", probe(api, method, url, json, "Accept", "application/x-konwent-nieznany"));
                    probes.put("Content-Type", probe(api, method, url, "nie JSON", "Content-Type", "text/plain"));
                    boolean takesKey = operation.getValue().path("parameters").findValuesAsText("$ref").stream()
                            .anyMatch(ref -> ref.endsWith("/IdempotencyKey"));
                    if (takesKey) {
                        String key = "klucz-" + java.util.UUID.randomUUID();
                        probe(api, method, url, json, "Idempotency-Key", key);
                        probes.put("Idempotency-Key",
                                probe(api, method, url + "?inne=1", json, "Idempotency-Key", key));
                    }
                    probes.forEach((bad, answer) -> {
                        answered.computeIfAbsent(bad, any -> new TreeSet<>()).add(answer.status());
                        if (answer.undeclared() != null) {
                            undeclared.put(name + " with a bad " + bad, answer.status() + " " + answer.undeclared());
                        }
                    });
                }
            }

            assertThat(operations).isGreaterThan(80);
            assertThat(answered.get("Accept")).contains(406);
            assertThat(answered.get("Content-Type")).contains(415);
            assertThat(answered.get("Idempotency-Key")).containsExactly(422);
            assertThat(undeclared).as("answers openapi.yaml does not declare for their operation").isEmpty();
        }

        /** What one probe was answered, and why the contract does not allow it (null when it does). */
        private record Probe(int status, String undeclared) {
        }

        /** Sends one request, its answer validated against its operation in openapi.yaml. */
        private static Probe probe(Api api, String method, String url, String body, String header, String value) {
            try {
                return new Probe(api.send(method, url, body, header, value).status(), null);
            } catch (AssertionError undeclared) {
                String message = String.valueOf(undeclared.getMessage());
                java.util.regex.Matcher status = java.util.regex.Pattern.compile("-> (\\d{3}) ").matcher(message);
                return new Probe(status.find() ? Integer.parseInt(status.group(1)) : 0,
                        message.lines().filter(line -> line.contains("validation.") || line.contains("-> "))
                                .collect(java.util.stream.Collectors.joining(" ")));
            }
        }
    }

    @Nested
    @DisplayName("API10 Unsafe Consumption of APIs: webhook receivers' answers (also WebhookApiTest)")
    class Api10UnsafeConsumption {
        @Test
        void receiversThatHangDripFloodOrBabbleCannotHoldOrHurtTheServer() throws Exception {
            AtomicLong flooded = new AtomicLong();
            AtomicBoolean floodCutOff = new AtomicBoolean();
            byte[] chunk = "[".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (Receiver healthy = new Receiver();
                 Misbehaving hanging = new Misbehaving(out -> Thread.sleep(WAIT.toMillis()));
                 Misbehaving dripping = new Misbehaving(out -> {
                     out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                     for (int i = 0; i < 600; i++) {
                         out.write('X');
                         out.flush();
                         Thread.sleep(50);
                     }
                 });
                 Misbehaving flooding = new Misbehaving(out -> {
                     out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             + "Content-Length: 10737418240\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                     try {
                         while (flooded.get() < 256L << 20) {
                             out.write(chunk);
                             flooded.addAndGet(chunk.length);
                         }
                     } catch (IOException cut) {
                         floodCutOff.set(true);
                     }
                 });
                 Misbehaving babbling = new Misbehaving(out -> {
                     out.write(("SSH-2.0-OpenSSH_9.2 \u0000\u0007" + "\u00ff".repeat(200_000))
                             .getBytes(StandardCharsets.ISO_8859_1));
                     out.flush();
                     Thread.sleep(WAIT.toMillis());
                 })) {
                Webhooks hooks = Webhooks.onConsumer();
                String hangingDelivery = hooks.ping(hanging.url());
                String drippingDelivery = hooks.ping(dripping.url());
                String floodingDelivery = hooks.ping(flooding.url());
                String babblingDelivery = hooks.ping(babbling.url());
                String healthyDelivery = hooks.ping(healthy.url("/zdrowy"));

                JsonNode hung = hooks.awaitAttempted(hangingDelivery);
                JsonNode dripped = hooks.awaitAttempted(drippingDelivery);
                JsonNode flood = hooks.awaitAttempted(floodingDelivery);
                JsonNode babble = hooks.awaitAttempted(babblingDelivery);
                JsonNode healthyOne = hooks.awaitAttempted(healthyDelivery);

                for (JsonNode failed : List.of(hung, dripped, babble)) {
                    assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("PENDING");
                    assertThat(failed.path("lastStatus").isNull()).as(failed.toString()).isTrue();
                    assertThat(failed.path("lastError").asText()).as(failed.toString()).isNotBlank()
                            .hasSizeLessThanOrEqualTo(1000);
                    assertThat(Instant.parse(failed.path("nextAttemptAt").asText()))
                            .isAfter(Instant.parse(failed.path("lastAttemptAt").asText()));
                }
                assertThat(hung.path("lastError").asText()).containsIgnoringCase("timed out");
                assertThat(dripped.path("lastError").asText()).containsIgnoringCase("timed out");
                // a 2xx is delivery; the body behind it is never read, so the flood is cut off at once
                assertThat(flood.path("status").asText()).isEqualTo("DELIVERED");
                awaitTrue(floodCutOff::get);
                assertThat(flooded.get()).isLessThan(64L << 20);
                assertThat(healthyOne.path("status").asText()).isEqualTo("DELIVERED");
                assertThat(healthy.received()).hasSize(1);
                hooks.api.get("/api/v1").expect(200);
            }
        }
    }

    /** Webhook pings from the consumer server, and their deliveries as it records them. */
    private static final class Webhooks {
        private static final AtomicInteger KONWENTS = new AtomicInteger();
        private final Api api;
        private final String webhooks;

        private Webhooks(Api api, String webhooks) {
            this.api = api;
            this.webhooks = webhooks;
        }

        static Webhooks onConsumer() {
            Api admin = new Api(consumer.getLocalPort()).asAdmin();
            String id = "odbiorcy-" + KONWENTS.incrementAndGet();
            admin.post("/api/v1/konwents", Map.of("id", id, "name", "Konwent " + id)).expect(201);
            return new Webhooks(admin, konwent(id) + "/webhooks");
        }

        /** Registers {@code url} and pings it; answers the delivery's address. */
        String ping(String url) {
            String webhook = webhooks + "/" + api.post(webhooks, Map.of("url", url, "events",
                    List.of("member.accepted"))).expect(201).json().path("id").asText();
            String delivery = api.post(webhook + "/ping", null).expect(202).json().path("id").asText();
            return webhook + "/deliveries#" + delivery;
        }

        /** Waits until the delivery has been attempted at least once; answers it as the server lists it. */
        JsonNode awaitAttempted(String delivery) {
            String[] listAndId = delivery.split("#");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                for (JsonNode item : api.get(listAndId[0]).expect(200).json().path("items")) {
                    if (item.path("id").asText().equals(listAndId[1]) && item.path("attempts").asInt() > 0) {
                        return item;
                    }
                }
                assertThat(System.nanoTime()).as("delivery %s attempted within %s", delivery, WAIT)
                        .isLessThan(deadline);
                pause();
            }
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s", WAIT).isLessThan(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTP/1.1 by hand over a socket to the shared server, for what no well-behaved client sends. */
    private static final class Raw {
        /** How long a read waits for the server: between two dripped bytes, or for a whole answer. */
        private static final int PAUSE_MILLIS = 1000;
        private static final int ANSWER_MILLIS = 5000;

        /** How far a dripping client got before the server answered or hung up, and that answer. */
        record Dripped(int bytesSent, int bytesToSend, String answer) {
        }

        /** Sends {@code head} at once, then {@code dripped} a byte a second until the server answers or hangs up. */
        static Dripped drip(String head, String dripped) throws IOException {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setSoTimeout(PAUSE_MILLIS);
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                int sent = 0;
                while (sent < dripped.length()) {
                    try {
                        out.write(dripped.charAt(sent));
                        out.flush();
                        sent++;
                    } catch (IOException hungUp) {
                        break;
                    }
                    try {
                        // waits a second for an answer: the pause between two bytes
                        int first = socket.getInputStream().read();
                        return new Dripped(sent, dripped.length(), first < 0 ? "" : (char) first + rest(socket));
                    } catch (java.net.SocketTimeoutException stillWaiting) {
                        // the server is still listening; send the next byte
                    }
                }
                return new Dripped(sent, dripped.length(), rest(socket));
            }
        }

        /** Sends a whole request and answers what comes back until the server closes or goes quiet. */
        static String exchange(String request) throws IOException {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setSoTimeout(ANSWER_MILLIS);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                return rest(socket);
            }
        }

        private static String rest(Socket socket) {
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            try {
                socket.setSoTimeout(ANSWER_MILLIS);
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException closedOrQuiet) {
                // the answer is what arrived
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }

        /** Records what the server logs at ERROR or with a stack trace while open. */
        static final class ErrorLog implements AutoCloseable {
            private final ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
                    org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                    new ch.qos.logback.core.read.ListAppender<>();

            static ErrorLog start() {
                ErrorLog log = new ErrorLog();
                log.events.start();
                log.root.addAppender(log.events);
                return log;
            }

            List<String> errors() {
                return events.list.stream().filter(event -> event.getThrowableProxy() != null
                        || event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
                        .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
            }

            @Override
            public void close() {
                root.detachAppender(events);
                events.stop();
            }
        }
    }

    /**
     * A webhook receiver on loopback that misbehaves on purpose: for each connection it reads the request's head and
     * then lets {@code answer} write what it likes, or nothing; the connection is closed when the answer returns.
     */
    private static final class Misbehaving implements AutoCloseable {
        interface Answer {
            void answer(OutputStream out) throws IOException, InterruptedException;
        }

        private final ServerSocket listener;
        private final List<Socket> connections = new CopyOnWriteArrayList<>();

        Misbehaving(Answer answer) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket socket = listener.accept();
                        connections.add(socket);
                        Thread handler = new Thread(() -> serve(socket, answer), "misbehaving-receiver");
                        handler.setDaemon(true);
                        handler.start();
                    } catch (IOException closed) {
                        // close() stopped listening
                    }
                }
            }, "misbehaving-receiver-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + listener.getLocalPort() + "/odbiorca";
        }

        private static void serve(Socket socket, Answer answer) {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                readHead(in);
                answer.answer(out);
                out.flush();
            } catch (IOException | InterruptedException e) {
                // the server under test hung up, or close() ended the wait
            }
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int b; matched < end.length && (b = in.read()) != -1; ) {
                matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : connections) {
                socket.close();
            }
        }
    }

    /**
     * Logs in from another loopback address (127.0.0.2): the server throttles by the TCP peer's address, which
     * no header can change. Answers the status line and headers.
     */
    private static String loginFrom(String address, String username, String password) throws IOException {
        byte[] body = ("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                    5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
