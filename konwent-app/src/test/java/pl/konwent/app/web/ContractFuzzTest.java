package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * A fuzz pass generated from openapi.yaml, on MariaDB (whose column sizes and encodings a bad value meets): every
 * operation gets malformed path ids (traversal, overlong, NUL, invalid UTF-8, SQL), malformed query parameters
 * (negative and huge limits, unknown enum values, garbage), and malformed bodies (not JSON, wrong top-level type,
 * deep nesting, invalid UTF-8, and, property by property, a wrong type, an unknown enum value and a huge string;
 * and every text property at once an unpaired UTF-16 surrogate, only invisible characters, or a formula behind a
 * full-width prefix). Every answer is a 4xx problem document (or a success), never a 5xx; the surrogates and the
 * invisible text are always refused.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContractFuzzTest {
    private static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.MARIADB);
    static final DropwizardAppExtension<KonwentConfiguration> APP =
            new DropwizardAppExtension<>(TestServer.over(DATABASE));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE = "ą".repeat(70_000);
    private static final List<String> BAD_IDS = List.of("..%2F..%2F..%2Fetc%2Fpasswd", "..;", "x".repeat(3000),
            "a%00b", "%C0%AE%C0%AE", "1'%20OR%20'1'%3D'1");
    private static final List<String> BAD_QUERY_VALUES = List.of("-1", "99999999999999999999", "NIE_MA_TAKIEJ",
            "%FF", "x".repeat(3000));
    /** Text no field may take: an unpaired surrogate (as JSON escapes it), and only invisible characters. */
    private static final List<Object> REFUSED_TEXT = List.of(new RawValue("\"Nowak \\ud800\""),
            new RawValue("\"\\udc00\""), "\u200B\u200C\u200D\u2060\uFEFF", "\u3164 \u00A0\u2800");
    /** Text a field may take, that a spreadsheet would evaluate were it not neutralised in the CSV export. */
    private static final String FULL_WIDTH_FORMULA = "\uFF1DHYPERLINK(\"http://93.184.215.14\";\"x\")";
    private static final List<String> NOT_JSON_OBJECTS = List.of("", "{", "[]", "123", "{\"a\":1,\"a\":2}",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> requests = new ArrayList<>();
    private String token;

    @Test
    void everyOperationAnswersMalformedInputWithA4xxProblemNeverA5xx() throws Exception {
        Map<String, String> ids = world();
        OpenAPI contract = contract();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : contract.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                String method = entry.getKey().name();
                Operation operation = entry.getValue();
                if ("deleteCurrentToken".equals(operation.getOperationId())) {
                    continue; // would end the session this pass runs under
                }
                operations++;
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                fuzz(method, path.getKey(), operation, parameters, ids);
            }
        }

        Crowds.runAtOnce(requests, 4);

        assertThat(operations).isGreaterThan(100);
        assertThat(failures).as("%d of %d malformed requests", failures.size(), requests.size()).isEmpty();
    }

    private void fuzz(String method, String template, Operation operation, List<Parameter> parameters,
                      Map<String, String> ids) {
        String path = template;
        for (Parameter parameter : parameters) {
            if ("path".equals(parameter.getIn())) {
                path = path.replace("{" + parameter.getName() + "}",
                        ids.getOrDefault(parameter.getName(), UUID.randomUUID().toString()));
            }
        }
        for (Parameter parameter : parameters) {
            if ("path".equals(parameter.getIn())) {
                // three of the bad ids per parameter, turning with each request: every kind meets every resource
                for (int j = 0; j < 3; j++) {
                    String bad = BAD_IDS.get(Math.floorMod(requests.size() + j, BAD_IDS.size()));
                    String withBadId = template;
                    for (Parameter other : parameters) {
                        if ("path".equals(other.getIn())) {
                            withBadId = withBadId.replace("{" + other.getName() + "}", other == parameter ? bad
                                    : ids.getOrDefault(other.getName(), UUID.randomUUID().toString()));
                        }
                    }
                    send(method, withBadId, null, "application/json");
                }
            }
            if ("query".equals(parameter.getIn())) {
                for (String bad : BAD_QUERY_VALUES) {
                    send(method, path + "?" + parameter.getName() + "=" + bad, null, "application/json");
                }
                send(method, path + "?" + parameter.getName() + "=1&" + parameter.getName() + "=2", null,
                        "application/json");
            }
        }
        if (method.equals("DELETE")) {
            return; // a DELETE of a real resource could succeed; its malformed ids were sent above
        }
        Schema<?> schema = jsonBody(operation);
        if (schema == null && operation.getRequestBody() == null) {
            send(method, path, "{\"unerwartet\": true}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        for (String notAnObject : NOT_JSON_OBJECTS) {
            send(method, path, notAnObject.getBytes(StandardCharsets.UTF_8), "application/json");
        }
        send(method, path, invalidUtf8(), "application/json");
        send(method, path, "{}".getBytes(StandardCharsets.UTF_8), "text/plain");
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        Map<String, Object> plausible = plausible(schema, 0);
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            for (Object bad : wrongValues(property.getValue())) {
                Map<String, Object> body = new LinkedHashMap<>(plausible);
                body.put(property.getKey(), bad);
                send(method, path, json(body), "application/json");
            }
        }
        Map<String, Object> withUnknown = new LinkedHashMap<>(plausible);
        withUnknown.put("isAdmin", true);
        send(method, path, json(withUnknown), "application/json");
        String target = path;
        for (Object refused : REFUSED_TEXT) {
            Map<String, Object> body = everyText(schema, plausible, refused, 0);
            if (!body.equals(plausible)) {
                requests.add(() -> exchange(method, target, json(body), "application/json", true));
            }
        }
        send(method, path, json(everyText(schema, plausible, FULL_WIDTH_FORMULA, 0)), "application/json");
    }

    /** {@code plausible} with every free-text property, nested ones too, set to {@code text}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> everyText(Schema<?> schema, Map<String, Object> plausible, Object text,
                                                 int depth) {
        Map<String, Object> body = new LinkedHashMap<>(plausible);
        if (schema.getProperties() == null || depth >= 4) {
            return body;
        }
        schema.getProperties().forEach((name, property) -> {
            String type = type(property);
            if ("string".equals(type) && property.getEnum() == null && property.getFormat() == null) {
                body.put(name, text);
            } else if ("object".equals(type) && body.get(name) instanceof Map<?, ?> nested) {
                body.put(name, everyText(property, (Map<String, Object>) nested, text, depth + 1));
            }
        });
        return body;
    }

    private static Schema<?> jsonBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    /** A body that a careless reader would take for valid: examples, else a value of the right type. */
    private static Map<String, Object> plausible(Schema<?> schema, int depth) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (schema.getProperties() != null && depth < 4) {
            schema.getProperties().forEach((name, property) -> body.put(name, plausibleValue(property, depth)));
        }
        return body;
    }

    private static Object plausibleValue(Schema<?> property, int depth) {
        if (property.getExample() != null) {
            return property.getExample();
        }
        if (property.getEnum() != null && !property.getEnum().isEmpty()) {
            return property.getEnum().get(0);
        }
        String type = type(property);
        String format = property.getFormat();
        return switch (type) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> plausible(property, depth + 1);
            default -> "date".equals(format) ? "2030-01-15" : "date-time".equals(format) ? "2030-01-15T10:00:00+01:00"
                    : "email".equals(format) ? "fuzz@example.pl" : "uri".equals(format) ? "https://93.184.215.14/hook"
                    : "Wartość";
        };
    }

    private static List<Object> wrongValues(Schema<?> property) {
        String type = type(property);
        List<Object> values = new ArrayList<>();
        switch (type) {
            case "integer", "number" -> values.addAll(List.of("dużo", Long.MAX_VALUE, -1));
            case "boolean" -> values.addAll(List.of("tak"));
            case "array" -> values.addAll(List.of("nie lista", Collections.nCopies(20_000, Map.of("x", 1))));
            case "object" -> values.addAll(List.of(List.of(1)));
            default -> values.addAll(property.getEnum() != null ? List.of("NIE_MA_TAKIEJ", 12345)
                    : List.of(Map.of("a", "b"), HUGE, "2030-13-45T99:99:99Z\u0000"));
        }
        return values;
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse("string");
        }
        return schema.getProperties() != null ? "object" : "string";
    }

    private static byte[] invalidUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"title\": \"".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        bytes.writeBytes("\", \"name\": \"\\uD800\"}".getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private void send(String method, String path, byte[] body, String contentType) {
        requests.add(() -> exchange(method, path, body, contentType, false));
    }

    /** Sends one request; {@code mustBeRefused}: a success is a failure too. */
    private void exchange(String method, String path, byte[] body, String contentType, boolean mustBeRefused) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path));
        } catch (IllegalArgumentException e) {
            return; // not even a URI a client could send
        }
        request.timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> reply = null;
        for (int attempt = 1; reply == null; attempt++) {
            try {
                reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // as in Api: a pooled connection the server had closed after an earlier 400; this one never arrived
                if (!String.valueOf(e.getMessage()).contains("received no bytes") || attempt == 2) {
                    failures.add(method + " " + path + ": no answer (" + e + ")");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        String what = method + " " + abbreviate(path) + " " + abbreviate(body == null ? "" : new String(body,
                StandardCharsets.UTF_8)) + " -> " + reply.statusCode() + " " + abbreviate(reply.body());
        if (reply.statusCode() >= 500) {
            failures.add(what);
        } else if (mustBeRefused && reply.statusCode() < 400) {
            failures.add("accepted: " + what);
        } else if (reply.statusCode() >= 400) {
            String type = reply.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add("not a problem document: " + what);
            } else if (!reply.body().contains("\"status\":" + reply.statusCode())) {
                failures.add("problem status differs: " + what);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OpenAPI contract() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI contract = new OpenAPIV3Parser().readContents(Files.readString(Path.of("..", "openapi.yaml")),
                null, options).getOpenAPI();
        assertThat(contract).isNotNull();
        return contract;
    }

    /** A konwent with a member, a declaration, a vote, a meeting, a document and a webhook: the ids to aim at. */
    private Map<String, String> world() {
        Api anonymous = new Api(APP.getLocalPort());
        token = anonymous.post("/api/v1/tokens", Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD))
                .expect(201).json().path("token").asText();
        Api admin = anonymous.withToken(token);
        String konwent = "/api/v1/konwents/fuzz";
        admin.post("/api/v1/konwents", Map.of("id", "fuzz", "name", "Konwent fuzz")).expect(201);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("konwentId", "fuzz");
        ids.put("memberId", Crowds.members(DATABASE.jdbi(), "fuzz", 3).get(0));
        ids.put("declarationId", anonymous.post(konwent + "/declarations", Declarations.of("CIS do fuzzowania"))
                .expect(201).json().path("id").asText());
        ids.put("voteId", admin.post(konwent + "/votes", Map.of("title", "Głosowanie", "kind", "POSITION",
                "text", "Treść", "secret", false)).expect(201).json().path("id").asText());
        Instant start = Instant.now().plusSeconds(30L * 24 * 3600);
        ids.put("meetingId", admin.post(konwent + "/meetings", Map.of("title", "Zjazd", "startsAt", start.toString(),
                "endsAt", start.plusSeconds(3600).toString(), "venue", Map.of("name", "Aula"), "scope", "Zakres",
                "delegationLimit", 2)).expect(201).json().path("id").asText());
        ids.put("documentId", admin.post(konwent + "/documents", Map.of("title", "Dokument", "kind", "POSITION",
                "date", "2024-05-01")).expect(201).json().path("id").asText());
        JsonNode accounts = admin.get("/api/v1/accounts").expect(200).json();
        ids.put("accountId", accounts.path("items").get(0).path("id").asText());
        ids.put("year", "2031");
        return ids;
    }
}
