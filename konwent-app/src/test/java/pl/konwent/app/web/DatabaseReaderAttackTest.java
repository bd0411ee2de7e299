package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.adapters.security.ServerSecret;
import pl.konwent.adapters.web.http.IdempotencySecrets;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Councils;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * Attacks by someone who reads the database (issue 18), on MariaDB: after secret ballots, logins, anonymous
 * declarations and an erasure, the attacker enumerates every table and every text or binary column through
 * information_schema and searches them with plain SELECTs. No idempotency record confirms a guessed ballot, no token
 * is anywhere, an erased person is nowhere; records past the retention are purged; an anonymous key claimed in
 * advance neither blocks nor hijacks the real request.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseReaderAttackTest {
    private static final TestClock CLOCK = new TestClock(Instant.now());
    private static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.MARIADB);
    static final DropwizardAppExtension<KonwentConfiguration> APP = new DropwizardAppExtension<>(
            TestServer.over(DATABASE, TestServer.DECLARATION_LIMIT, CLOCK));
    private static final List<String> CHOICES = List.of("FOR", "AGAINST", "ABSTAIN");

    private final Api anonymous = new Api(APP.getLocalPort());
    private final Api admin = anonymous.asAdmin();

    @Test
    @Order(1)
    void noIdempotencyRecordConfirmsAGuessedSecretBallotOrNamesItsVoter() {
        String konwent = konwent("tajne");
        Api department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        Api secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        List<String> members = new ArrayList<>();
        List<Api> representatives = new ArrayList<>();
        for (String name : List.of("CIS Bytów", "KIS Tczew", "CIS Miastko")) {
            String member = Declarations.acceptedMember(department, department, konwent, name);
            members.add(member);
            representatives.add(Accounts.withRole(admin, anonymous, konwent + "-r" + members.size(), konwent,
                    "REPRESENTATIVE", member));
        }
        String votes = "/api/v1/konwents/" + konwent + "/votes";
        String vote = secretariat.post(votes, Map.of("title", "Tajne stanowisko", "kind", "POSITION",
                "text", "Konwent popiera zmiany.", "secret", true)).expect(201).json().path("id").asText();
        secretariat.post(votes + "/" + vote + "/opening", null).expect(200);
        String ballots = votes + "/" + vote + "/ballots";
        List<String> sentBodies = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            // the exact bytes sent, and a key as predictable as examples/ballot.sh makes it
            String body = ballotBody(members.get(i), CHOICES.get(i));
            sentBodies.add(body);
            String key = "ballot-" + vote + "-" + members.get(i);
            Api.Reply first = representatives.get(i).post(ballots, body, "Idempotency-Key", key).expect(201);
            Api.Reply retry = representatives.get(i).post(ballots, body, "Idempotency-Key", key).expect(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.body()).isEqualTo(first.body());
        }
        assertThat(count("SELECT COUNT(*) FROM idempotency_record")).isGreaterThanOrEqualTo(members.size());

        Map<String, List<String>> db = snapshot();
        // the scanner works: what is stored in clear is found
        assertThat(whereFound(db, members.get(0))).isNotEmpty();
        for (String member : members) {
            assertThat(whereFound(db, "ballot-" + vote + "-" + member)).as("the key in clear").isEmpty();
            for (String choice : CHOICES) {
                for (String guess : fingerprintGuesses(ballots, ballotBody(member, choice))) {
                    assertThat(whereFound(db, guess)).as("a fingerprint guessed for %s %s", member, choice).isEmpty();
                }
            }
        }
        for (String column : List.of("id", "fingerprint", "state", "subjects", "answer")) {
            for (String member : members) {
                assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE LOCATE(?, " + column + ") > 0",
                        member)).as("a member id in idempotency_record.%s", column).isZero();
            }
            for (String choice : CHOICES) {
                assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE LOCATE(?, " + column + ") > 0",
                        choice)).as("a choice in idempotency_record.%s", column).isZero();
            }
        }
        assertThat(sentBodies).hasSize(3);
    }

    @Test
    @Order(2)
    void noTokenIsStoredAnywhereAndLoginRefusesAnIdempotencyKey() {
        Map<String, String> login = Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD);
        Api.Reply refused = anonymous.post("/api/v1/tokens", login, "Idempotency-Key", "login-1").expect(400);
        assertThat(refused.json().path("detail").asText()).contains("Idempotency-Key");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(anonymous.post("/api/v1/tokens", login).expect(201).json().path("token").asText());
        }
        anonymous.withToken(tokens.get(0)).get("/api/v1/accounts?limit=1").expect(200);
        Map<String, List<String>> db = snapshot();

        for (String token : tokens) {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            for (String form : List.of(token, Base64.getUrlEncoder().encodeToString(raw),
                    Base64.getEncoder().encodeToString(raw), Base64.getEncoder().withoutPadding().encodeToString(raw),
                    HexFormat.of().formatHex(raw))) {
                assertThat(whereFound(db, form)).as("the token %s as %s", token, form).isEmpty();
            }
        }
    }

    @Test
    @Order(3)
    void anAnonymousKeyClaimedInAdvanceNeitherBlocksNorHijacksTheRealRequest() {
        String konwent = konwent("anonimowe");
        String declarations = "/api/v1/konwents/" + konwent + "/declarations";
        String key = "declaration-" + konwent + "-cis-ofiara";
        int before = count("SELECT COUNT(*) FROM idempotency_record");

        // refused anonymous requests keep nothing, however many fresh keys: no flood
        for (int i = 0; i < 30; i++) {
            anonymous.unvalidatedRequest().post(declarations, Map.of("memberName", "x"),
                    "Idempotency-Key", "flood-" + i).expect(422);
            anonymous.unvalidatedRequest().post("/api/v1/konwents", Map.of("id", "flood" + i, "name", "x"),
                    "Idempotency-Key", "flood-konwent-" + i).expect(401);
        }
        anonymous.unvalidatedRequest().post(declarations, Map.of("memberName", "x"), "Idempotency-Key", key)
                .expect(422);
        assertThat(count("SELECT COUNT(*) FROM idempotency_record")).isEqualTo(before);

        // the attacker claims the victim's predictable key first, with a declaration of its own
        Api.Reply attackers = anonymous.post(declarations, Declarations.of("CIS Napastnik"), "Idempotency-Key", key)
                .expect(201);
        Api.Reply victims = anonymous.post(declarations, Declarations.of("CIS Ofiara"), "Idempotency-Key", key)
                .expect(201);
        assertThat(victims.header("Idempotent-Replayed")).isNull();
        assertThat(victims.json().path("memberName").asText()).isEqualTo("CIS Ofiara");
        assertThat(victims.json().path("id").asText()).isNotEqualTo(attackers.json().path("id").asText());

        // the victim's retry gets its own answer; the attacker, with its body, only ever its own
        Api.Reply victimsRetry = anonymous.post(declarations, Declarations.of("CIS Ofiara"), "Idempotency-Key", key)
                .expect(201);
        assertThat(victimsRetry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(victimsRetry.body()).isEqualTo(victims.body());
        Api.Reply attackersRetry = anonymous.post(declarations, Declarations.of("CIS Napastnik"),
                "Idempotency-Key", key).expect(201);
        assertThat(attackersRetry.body()).isEqualTo(attackers.body());
        assertThat(whereFound(snapshot(), key)).isEmpty();
    }

    @Test
    @Order(4)
    void anErasedRepresentativeIsFoundNowhereAndEveryCountStays() {
        String name = "Bożena Wymazywana";
        String email = "bozena.wymazywana@example.pl";
        String phone = "+48 601 987 654";
        // two seats and no alternation, so a small council and election are enough
        String konwent = konwent("rodo", Map.of("councilSize", 2, "alternation", false));
        Api department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        Api secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        String base = "/api/v1/konwents/" + konwent;
        Map<String, Object> declaration = Declarations.of("CIS Wymazany");
        declaration.put("representatives", List.of(Map.of("name", name, "phone", phone, "email", email),
                Map.of("name", "Piotr Zostaje", "phone", "+48 602 000 111", "email", "piotr.zostaje@example.pl")));
        declaration.put("signedBy", name);
        String declarationId = anonymous.post(base + "/declarations", declaration, "Idempotency-Key", "decl-rodo")
                .expect(201).json().path("id").asText();
        String member = department.post(base + "/declarations/" + declarationId + "/decision",
                Map.of("outcome", "ACCEPTED", "reason", "Spełnia warunki"), "Idempotency-Key", "decision-rodo")
                .expect(200).json().path("memberId").asText();
        Api representative = Accounts.withRole(admin, anonymous, konwent + "-rep", konwent, "REPRESENTATIVE", member);
        Instant start = CLOCK.instant().plus(Duration.ofDays(30));
        String meeting = secretariat.post(base + "/meetings", Map.of("title", "Zjazd", "startsAt", start.toString(),
                "endsAt", start.plusSeconds(6 * 3600).toString(), "venue", Map.of("name", "Aula"),
                "scope", "Ekonomia społeczna", "delegationLimit", 3)).expect(201).json().path("id").asText();
        secretariat.post(base + "/meetings/" + meeting + "/invitation", null).expect(200);
        representative.post(base + "/meetings/" + meeting + "/registrations", Map.of("memberId", member, "persons",
                List.of(Map.of("name", name, "participation", "IN_PERSON"),
                        Map.of("name", "Piotr Zostaje", "participation", "ONLINE"))),
                "Idempotency-Key", "registration-rodo").expect(201);
        JsonNode meetingBefore = anonymous.get(base + "/meetings/" + meeting).expect(200).json();
        // the person holds the member's council seat and stands for it in the election of the next council
        String other = Declarations.acceptedMember(department, department, konwent, "KIS Zostaje", "KIS");
        int year = Councils.thisYear(CLOCK);
        department.post(base + "/council-terms", Map.of("year", year - 10, "consultantName", "Departament",
                "seats", List.of(Map.of("memberId", member, "holderName", name),
                        Map.of("memberId", other, "holderName", "Anna Rada")))).expect(201);
        String election = department.post(base + "/elections", Map.of("year", year + 1)).expect(201).json()
                .path("id").asText();
        String candidate = admin.post(base + "/elections/" + election + "/candidates", Map.of("memberId", member,
                "personName", name, "nominatedBy", member)).expect(201).json().path("id").asText();
        admin.post(base + "/elections/" + election + "/candidates", Map.of("memberId", other,
                "personName", "Anna Rada", "nominatedBy", other)).expect(201);
        department.post(base + "/elections/" + election + "/opening", null).expect(200);
        representative.post(base + "/elections/" + election + "/ballots", Map.of("memberId", member,
                "approve", List.of(candidate))).expect(201);
        department.post(base + "/elections/" + election + "/closing", null).expect(200);
        List<String> council = List.of(base + "/council-terms/" + (year - 10), base + "/council-terms/" + (year + 1),
                base + "/elections/" + election + "/result", base + "/elections/" + election + "/candidates");
        List<String> councilBefore = council.stream().map(path -> anonymous.get(path).expect(200).body()).toList();
        assertThat(councilBefore).allSatisfy(body -> assertThat(body).contains(name));
        // ... and is the contact of the member's application to organise the konwent's meetings
        String applications = base + "/organiser-competitions/" + department.post(base + "/organiser-competitions",
                Map.of("year", year + 1, "title", "Konkurs na organizatora", "grantAmount", 1000,
                        "deadline", start.toString())).expect(201).json().path("id").asText() + "/applications";
        String application = representative.post(applications, application(member, Map.of("name", name,
                "email", email, "phone", phone))).expect(201).json().path("id").asText();
        String othersApplication = anonymous.post(applications, application(null, Map.of("name", "Jan Kowalski",
                "email", "jan.kowalski@example.pl"))).expect(201).json().path("id").asText();
        JsonNode exported = representative.get(base + "/members/" + member + "/personal-data").expect(200).json();
        assertThat(exported.path("delegations").findValuesAsText("name")).containsExactly(name, "Piotr Zostaje");
        String personId = null;
        for (JsonNode person : exported.path("member").path("representatives")) {
            if (person.path("name").asText().equals(name)) {
                personId = person.path("id").asText();
            }
        }
        assertThat(personId).isNotNull();
        assertThat(whereFound(snapshot(), email)).isNotEmpty();
        String aboutMember = "% " + IdempotencySecrets.from(ServerSecret.fromBase64(TestServer.SECRET_KEY))
                .subject(member) + " %";
        assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE subjects LIKE ?", aboutMember))
                .as("the registration's record, about the member").isEqualTo(1);

        department.delete(base + "/members/" + member + "/representatives/" + personId).expect(204);

        Map<String, List<String>> db = snapshot();
        for (String trace : List.of(name, email, phone, email.toUpperCase(java.util.Locale.ROOT))) {
            assertThat(whereFound(db, trace)).as("'%s' after erasure", trace).isEmpty();
        }
        JsonNode after = representative.get(base + "/members/" + member + "/personal-data").expect(200).json();
        assertThat(after.path("delegations").get(0).path("persons").findValuesAsText("name"))
                .containsExactly("[erased]", "Piotr Zostaje");
        assertThat(after.path("delegations").get(0).path("persons").findValuesAsText("participation"))
                .containsExactly("IN_PERSON", "ONLINE");
        assertThat(after.path("declarations").get(0).path("signedBy").asText()).isEqualTo("[erased]");
        assertThat(after.path("member").path("representatives").findValuesAsText("name"))
                .containsExactly("Piotr Zostaje");
        JsonNode meetingAfter = anonymous.get(base + "/meetings/" + meeting).expect(200).json();
        assertThat(meetingAfter.path("registered")).isEqualTo(meetingBefore.path("registered"));
        // seats, candidacies, approvals and the ranking stay; only the name is gone
        for (int i = 0; i < council.size(); i++) {
            assertThat(anonymous.get(council.get(i)).expect(200).body()).as(council.get(i))
                    .isEqualTo(councilBefore.get(i).replace(name, "[erased]"));
        }
        JsonNode contact = department.get(applications + "/" + application).expect(200).json().path("contact");
        assertThat(contact.path("name").asText()).isEqualTo("[erased]");
        assertThat(contact.path("email").asText()).isEqualTo("[erased]");
        assertThat(contact.path("phone").isNull()).isTrue();
        assertThat(department.get(applications + "/" + othersApplication).expect(200).json().path("contact")
                .path("name").asText()).isEqualTo("Jan Kowalski");
        // what was kept of requests about the member went with the person: a retry runs again and is refused
        assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE subjects LIKE ?", aboutMember)).isZero();
        representative.post(base + "/meetings/" + meeting + "/registrations", Map.of("memberId", member, "persons",
                List.of(Map.of("name", name, "participation", "IN_PERSON"),
                        Map.of("name", "Piotr Zostaje", "participation", "ONLINE"))),
                "Idempotency-Key", "registration-rodo").expect(409);
        department.post(base + "/declarations/" + declarationId + "/decision",
                Map.of("outcome", "ACCEPTED", "reason", "Spełnia warunki"), "Idempotency-Key", "decision-rodo")
                .expect(409);
    }

    @Test
    @Order(5)
    void recordsOlderThanTheRetentionAreGoneAfterThePurge() throws Exception {
        String konwent = "retencja" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = Map.of("id", konwent, "name", "Konwent retencji");
        admin.post("/api/v1/konwents", body, "Idempotency-Key", "retention").expect(201);
        assertThat(count("SELECT COUNT(*) FROM idempotency_record")).isPositive();

        CLOCK.advance(Duration.ofHours(24).plusMinutes(1));
        HttpResponse<String> purged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + APP.getAdminPort() + "/tasks/purge-idempotency-records"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(purged.statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE claimed_at < ?",
                CLOCK.instant().minus(Duration.ofHours(24)).toEpochMilli())).isZero();
        assertThat(count("SELECT COUNT(*) FROM idempotency_record")).isZero();
        // the key is forgotten: the same request runs again (and finds the konwent made)
        admin.post("/api/v1/konwents", body, "Idempotency-Key", "retention").expect(409);
    }

    /** A konwent with no organiser competition, so its SECRETARIAT is granted by hand (A3). */
    private String konwent(String prefix) {
        return konwent(prefix, Map.of());
    }

    private String konwent(String prefix, Map<String, Object> charter) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> withoutCompetition = new LinkedHashMap<>(charter);
        withoutCompetition.put("organiserCompetition", false);
        admin.post("/api/v1/konwents", Map.of("id", id, "name", "Konwent " + id,
                "charter", withoutCompetition)).expect(201);
        return id;
    }

    private static Map<String, Object> application(String member, Map<String, String> contact) {
        Map<String, Object> application = new LinkedHashMap<>(Map.of("institutionName", "Fundacja Organizator",
                "runs", List.of(Map.of("kind", "CIS", "name", "CIS Organizator")), "offer", "Sala na 80 osób.",
                "contact", contact));
        if (member != null) {
            application.put("memberId", member);
        }
        return application;
    }

    private static String ballotBody(String member, String choice) {
        return "{\"memberId\":\"" + member + "\",\"choice\":\"" + choice + "\"}";
    }

    /** What an attacker hashes to confirm a guess: the request as the old fingerprint took it, or the body alone. */
    private static List<String> fingerprintGuesses(String path, String body) {
        List<String> guesses = new ArrayList<>();
        for (String material : List.of("POST " + path + "?null\n" + body, "POST " + path + "\n" + body, body)) {
            byte[] digest = sha256(material.getBytes(StandardCharsets.UTF_8));
            guesses.add(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            guesses.add(Base64.getEncoder().encodeToString(digest));
            guesses.add(HexFormat.of().formatHex(digest));
        }
        return guesses;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every table.column of the database whose value contains {@code needle}, ignoring case: text and binary
     * columns alike, as the attacker reads them with plain SELECTs over what information_schema lists.
     */
    private static List<String> whereFound(Map<String, List<String>> database, String needle) {
        String wanted = needle.toLowerCase(java.util.Locale.ROOT);
        List<String> found = new ArrayList<>();
        database.forEach((column, values) -> {
            if (values.stream().anyMatch(value -> value.contains(wanted))) {
                found.add(column);
            }
        });
        return found;
    }

    /** Every value of every text or binary column, lower-cased (binary ones read as UTF-8), by table.column. */
    private static Map<String, List<String>> snapshot() {
        return DATABASE.jdbi().withHandle(handle -> {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            handle.createQuery("SELECT table_name, column_name FROM information_schema.columns "
                            + "WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'tinytext', 'text', "
                            + "'mediumtext', 'longtext', 'json', 'binary', 'varbinary', 'tinyblob', 'blob', "
                            + "'mediumblob', 'longblob') ORDER BY table_name, column_name")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(column -> columns.computeIfAbsent(column.getKey(), t -> new ArrayList<>())
                            .add(column.getValue()));
            Map<String, List<String>> values = new LinkedHashMap<>();
            columns.forEach((table, names) -> handle.createQuery("SELECT " + String.join(", ",
                            names.stream().map(name -> "`" + name + "`").toList()) + " FROM `" + table + "`")
                    .map((rs, ctx) -> {
                        for (int i = 0; i < names.size(); i++) {
                            byte[] bytes = rs.getBytes(i + 1);
                            values.computeIfAbsent(table + "." + names.get(i), c -> new ArrayList<>())
                                    .add(bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8)
                                            .toLowerCase(java.util.Locale.ROOT));
                        }
                        return 0;
                    })
                    .list());
            return values;
        });
    }

    private static int count(String sql, Object... arguments) {
        return DATABASE.jdbi().withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Integer.class).one();
        });
    }
}
