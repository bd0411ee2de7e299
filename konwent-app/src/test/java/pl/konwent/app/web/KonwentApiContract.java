package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;

/** The konwent resource over HTTP, every answer checked against openapi.yaml; run on each engine. */
abstract class KonwentApiContract {
    private Api anonymous;
    private Api api;
    private String prefix;

    abstract DropwizardAppExtension<KonwentConfiguration> app();

    @BeforeEach
    void client() {
        anonymous = new Api(app().getLocalPort());
        api = anonymous.asAdmin();
        prefix = "k" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createdKonwentIsLocatedTaggedAndReadBackWithPolishLetters() {
        String id = prefix + "-dolnoslaski";
        Api.Reply created = api.post("/api/v1/konwents", Map.of("id", id,
                "name", "Dolnośląski Konwent Centrów i Klubów Integracji Społecznej", "voivodeship", "02",
                "charter", Map.of("defaultMajority", "ABSOLUTE", "defaultQuorum", 0.6, "alternation", false)))
                .expect(201);

        assertThat(created.header("Location")).endsWith("/api/v1/konwents/" + id);
        assertThat(created.header("ETag")).isNotBlank();
        JsonNode body = created.json();
        assertThat(body.path("name").asText()).isEqualTo("Dolnośląski Konwent Centrów i Klubów Integracji Społecznej");
        assertThat(body.path("charter").path("defaultMajority").asText()).isEqualTo("ABSOLUTE");
        assertThat(body.path("charter").path("defaultQuorum").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(body.path("charter").path("alternation").asBoolean()).isFalse();
        assertThat(body.path("charter").path("councilSize").asInt()).isEqualTo(5);

        Api.Reply read = api.get("/api/v1/konwents/" + id).expect(200);
        assertThat(read.json()).isEqualTo(body);
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void charterSettingsLeftOutTakeTheDefaultsOfTheDomain() {
        JsonNode charter = api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Konwent"))
                .expect(201).json().path("charter");

        assertThat(charter.path("defaultMajority").asText()).isEqualTo("SIMPLE");
        assertThat(charter.path("defaultQuorum").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(charter.path("alternation").asBoolean()).isTrue();
        assertThat(charter.path("councilSize").asInt()).isEqualTo(5);
        assertThat(charter.path("termYears").asInt()).isEqualTo(1);
    }

    @Test
    void aReadWithTheCurrentEtagIsNotModified() {
        api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Konwent")).expect(201);
        String etag = api.get("/api/v1/konwents/" + prefix).expect(200).header("ETag");

        Api.Reply again = api.get("/api/v1/konwents/" + prefix, "If-None-Match", etag).expect(304);

        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
    }

    @Test
    void aSecondKonwentWithTheSameIdIsAConflict() {
        api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Pierwszy")).expect(201);

        api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Drugi")).expect(409);

        assertThat(api.get("/api/v1/konwents/" + prefix).expect(200).json().path("name").asText())
                .isEqualTo("Pierwszy");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsCreated() {
        Map<String, Object> charter = new LinkedHashMap<>();
        charter.put("defaultMajority", "UNANIMOUS");
        charter.put("defaultQuorum", 1.5);
        charter.put("councilSize", 0);
        charter.put("termYears", 9);
        Api.Reply reply = api.unvalidatedRequest().post("/api/v1/konwents", Map.of("id", "Zły Slug", "name", " ",
                "voivodeship", "01", "charter", charter)).expect(422);

        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("id", "name",
                "voivodeship", "charter.defaultMajority", "charter.defaultQuorum", "charter.councilSize",
                "charter.termYears");
        api.get("/api/v1/konwents/zly-slug").expect(404);
    }

    @Test
    void badBodiesAreProblemsNeverServerErrors() {
        Api raw = api.unvalidatedRequest();
        raw.post("/api/v1/konwents", "{\"id\": \"" + prefix + "\",").expect(400);
        raw.post("/api/v1/konwents", "[1, 2]").expect(400);
        raw.post("/api/v1/konwents", "").expect(422);
        raw.post("/api/v1/konwents", "{\"id\": 7, \"name\": \"x\"}").expect(422);
        raw.post("/api/v1/konwents", "{\"id\": \"" + prefix + "\", \"name\": \"x\", \"charter\": {\"councilSize\": \"5\"}}")
                .expect(422);
        raw.post("/api/v1/konwents", "{\"id\": \"" + prefix + "\", \"name\": \"x\", \"charter\": {\"councilSize\": 5.5}}")
                .expect(422);
        raw.post("/api/v1/konwents", "{\"id\": \"" + prefix + "\", \"name\": \"x\"} trailing").expect(400);
        raw.post("/api/v1/konwents", "{\"id\": \"" + prefix + "\", \"name\": \"x\"}", "Content-Type", "text/plain")
                .expect(415);
        raw.post("/api/v1/konwents", "{" + "\"a\":{".repeat(100) + "}".repeat(101)).expect(400);

        api.get("/api/v1/konwents/" + prefix).expect(404);
    }

    @Test
    void unknownFieldsAreRefusedWith422NamingTheField() {
        Api.Reply reply = api.unvalidatedRequest().post("/api/v1/konwents",
                Map.of("id", prefix, "name", "x", "charter", Map.of("quorum", 0.5))).expect(422);

        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("charter.quorum");
        api.get("/api/v1/konwents/" + prefix).expect(404);
    }

    @Test
    void repeatedKeysInOneObjectAreRefused() {
        Api.Reply reply = api.unvalidatedRequest().post("/api/v1/konwents",
                "{\"id\": \"" + prefix + "\", \"name\": \"a\", \"name\": \"b\"}").expect(422);

        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("name");
    }

    @Test
    void listsArePagedWithAnOpaqueCursorAndEndWithNullNext() {
        for (String suffix : List.of("a", "b", "c", "d", "e")) {
            api.post("/api/v1/konwents", Map.of("id", prefix + "-" + suffix, "name", "Konwent " + suffix)).expect(201);
        }
        List<String> seen = new java.util.ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String query = "/api/v1/konwents?limit=2" + (next == null ? "" : "&cursor=" + next);
            JsonNode page = api.get(query).expect(200).json();
            page.path("items").forEach(item -> seen.add(item.path("id").asText()));
            next = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (next != null && pages < 100);

        assertThat(seen.stream().filter(id -> id.startsWith(prefix)))
                .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c", prefix + "-d", prefix + "-e");
        assertThat(seen).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void badPagingParametersAreValidationProblems() {
        Api raw = api.unvalidatedRequest();
        for (String limit : List.of("0", "501", "-1", "abc", "99999999999")) {
            assertThat(raw.get("/api/v1/konwents?limit=" + limit).expect(422).json().path("errors").get(0)
                    .path("field").asText()).isEqualTo("limit");
        }
        assertThat(raw.get("/api/v1/konwents?cursor=not-ours").expect(422).json().path("errors").get(0)
                .path("field").asText()).isEqualTo("cursor");
    }

    @Test
    void anUpdateWithTheCurrentEtagSucceedsAndAStaleOneIsRefused() {
        String etag = api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Przed")).expect(201).header("ETag");

        Api.Reply updated = api.put("/api/v1/konwents/" + prefix, Map.of("name", "Po zmianie",
                "charter", Map.of("councilSize", 7)), "If-Match", etag).expect(200);

        assertThat(updated.json().path("name").asText()).isEqualTo("Po zmianie");
        assertThat(updated.json().path("charter").path("councilSize").asInt()).isEqualTo(7);
        assertThat(updated.header("ETag")).isNotEqualTo(etag);
        api.put("/api/v1/konwents/" + prefix, Map.of("name", "Spóźniona zmiana"), "If-Match", etag).expect(412);
        api.put("/api/v1/konwents/" + prefix, Map.of("name", "Obca wersja"), "If-Match", "\"abc\"").expect(412);
        assertThat(api.get("/api/v1/konwents/" + prefix).expect(200).json().path("name").asText())
                .isEqualTo("Po zmianie");
    }

    @Test
    void anUpdateWithoutIfMatchReplacesTheKonwent() {
        api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Przed")).expect(201);

        api.put("/api/v1/konwents/" + prefix, Map.of("id", prefix, "name", "Po")).expect(200);

        assertThat(api.get("/api/v1/konwents/" + prefix).expect(200).json().path("name").asText()).isEqualTo("Po");
    }

    @Test
    void anUpdateCannotRenameTheIdOrReachAnUnknownKonwent() {
        api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Przed")).expect(201);

        api.put("/api/v1/konwents/" + prefix, Map.of("id", prefix + "-inny", "name", "Po")).expect(422);
        api.put("/api/v1/konwents/" + prefix + "-brak", Map.of("name", "Po")).expect(404);
        api.unvalidatedRequest().put("/api/v1/konwents/" + prefix, Map.of("id", prefix)).expect(422);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        api.get("/api/v1/konwents/nieistniejacy").expect(404);
        api.get("/api/v1/konwents/NIE%20SLUG").expect(404);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstAnswerAndCreatesNothingMore() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", prefix, "name", "Konwent Pomorski");

        Api.Reply first = api.post("/api/v1/konwents", body, "Idempotency-Key", key).expect(201);
        Api.Reply repeat = api.post("/api/v1/konwents", body, "Idempotency-Key", key).expect(201);

        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        api.post("/api/v1/konwents", body).expect(409);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/konwents", Map.of("id", prefix, "name", "A"), "Idempotency-Key", key).expect(201);

        Api.Reply reused = api.post("/api/v1/konwents", Map.of("id", prefix + "-b", "name", "B"),
                "Idempotency-Key", key).expect(422);

        assertThat(reused.json().path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        api.get("/api/v1/konwents/" + prefix + "-b").expect(404);
    }

    @Test
    void aRefusalIsRememberedForItsIdempotencyKeyToo() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = Map.of("id", prefix, "name", "");
        Api.Reply first = api.unvalidatedRequest().post("/api/v1/konwents", invalid, "Idempotency-Key", key).expect(422);
        Api.Reply repeat = api.unvalidatedRequest().post("/api/v1/konwents", invalid, "Idempotency-Key", key).expect(422);

        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        api.unvalidatedRequest().post("/api/v1/konwents", Map.of("id", prefix, "name", "A"),
                "Idempotency-Key", "x".repeat(201)).expect(422);
        api.get("/api/v1/konwents/" + prefix).expect(404);
    }

    @Test
    void readsArePublicButFoundingAndRevisingNeedCredentials() {
        api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Konwent")).expect(201);

        anonymous.get("/api/v1/konwents/" + prefix).expect(200);
        anonymous.get("/api/v1/konwents").expect(200);
        // requests without credentials break the contract on purpose: the validator would refuse to send them
        Api.Reply refused = anonymous.unvalidatedRequest()
                .post("/api/v1/konwents", Map.of("id", prefix + "-x", "name", "X")).expect(401);
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer", "Basic");
        anonymous.unvalidatedRequest().put("/api/v1/konwents/" + prefix, Map.of("name", "Y")).expect(401);
        anonymous.as("admin", "zle-haslo-zle-haslo").get("/api/v1/konwents").expect(401);
        anonymous.get("/api/v1/konwents/" + prefix + "-x").expect(404);
    }

    @Test
    void theDepartmentRevisesItsOwnKonwentButFoundsNoneAndTouchesNoOther() {
        api.post("/api/v1/konwents", Map.of("id", prefix, "name", "Swój")).expect(201);
        api.post("/api/v1/konwents", Map.of("id", prefix + "-obcy", "name", "Obcy")).expect(201);
        Api department = Accounts.withRole(api, anonymous, prefix + "-dep", prefix, "DEPARTMENT", null);

        department.put("/api/v1/konwents/" + prefix, Map.of("name", "Swój, poprawiony")).expect(200);
        department.put("/api/v1/konwents/" + prefix + "-obcy", Map.of("name", "Przejęty")).expect(403);
        department.post("/api/v1/konwents", Map.of("id", prefix + "-nowy", "name", "Nowy")).expect(403);
        assertThat(anonymous.get("/api/v1/konwents/" + prefix + "-obcy").expect(200).json().path("name").asText())
                .isEqualTo("Obcy");
    }

    @Test
    void anIdempotencyKeyBelongsToTheAccountWhicheverCredentialItUses() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("id", prefix, "name", "Konwent Opolski");
        Api.Reply first = api.post("/api/v1/konwents", body, "Idempotency-Key", key).expect(201);
        String token = anonymous.post("/api/v1/tokens", Map.of("username", "admin",
                "password", pl.konwent.app.testing.TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();

        Api.Reply sameAccount = anonymous.withToken(token).post("/api/v1/konwents", body, "Idempotency-Key", key)
                .expect(201);
        Api department = Accounts.withRole(api, anonymous, prefix + "-dep", prefix, "DEPARTMENT", null);
        Api.Reply otherAccount = department.post("/api/v1/konwents", body, "Idempotency-Key", key).expect(403);

        assertThat(sameAccount.body()).isEqualTo(first.body());
        assertThat(sameAccount.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherAccount.header("Idempotent-Replayed")).isNull();
    }
}
