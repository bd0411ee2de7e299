package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * Issue 22 over HTTP: who has not voted and reminders; rules fixed when a vote or election opens (V5); a tie at
 * the last seat settled by the declared rule (C6), a lot recomputed by a reader from what the API publishes.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class VoteRulesApiTest {
    private static final Instant START = Instant.parse("2011-06-01T08:00:00Z");
    private static final TestClock CLOCK = new TestClock(START);
    private static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.H2);
    static final DropwizardAppExtension<KonwentConfiguration> APP = new DropwizardAppExtension<>(TestServer.over(
            DATABASE, TestServer.DECLARATION_LIMIT, CLOCK,
            ConfigOverride.config("webhooks.allowPrivateAddresses", "true")));

    private Api anonymous;
    private Api admin;
    private Api department;
    private String konwent;
    private final List<String> members = new ArrayList<>();
    private final List<Api> representatives = new ArrayList<>();

    @BeforeEach
    void aKonwentWithTwoCouncilSeatsAndThreeMembersThatJoinedADayApart() {
        CLOCK.set(START);
        anonymous = new Api(APP.getLocalPort());
        admin = anonymous.asAdmin();
        konwent = "v" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent, "charter",
                Map.of("organiserCompetition", false, "councilSize", 2, "alternation", false,
                        "electionTieBreak", "LOT"))).expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        members.clear();
        representatives.clear();
        for (int i = 0; i < 3; i++) {
            members.add(Declarations.acceptedMemberNaming(anonymous, department, konwent, "CIS nr " + i,
                    "osoba" + i + "@" + konwent + ".example.pl"));
            representatives.add(Accounts.withRole(admin, anonymous, konwent + "-rep" + i, konwent, "REPRESENTATIVE",
                    members.get(i)));
            CLOCK.advance(Duration.ofDays(1));
        }
    }

    @Test
    void issue22_theCouncilAndSecretariatReadWhoHasNotVotedInASecretVoteAndRemindThem() {
        Api secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        String hook = department.post(path("/webhooks"), Map.of("url", "http://127.0.0.1:9/konwent",
                "events", List.of("vote.reminder"))).expect(201).json().path("id").asText();
        String vote = secretariat.post(path("/votes"), question(true)).expect(201).json().path("id").asText();
        secretariat.get(path("/votes/" + vote + "/non-voters")).expect(409);
        secretariat.post(path("/votes/" + vote + "/opening"), null).expect(200);
        representatives.get(1).post(path("/votes/" + vote + "/ballots"),
                Map.of("memberId", members.get(1), "choice", "AGAINST")).expect(201);

        JsonNode pending = secretariat.get(path("/votes/" + vote + "/non-voters")).expect(200).json();
        JsonNode reminder = secretariat.post(path("/votes/" + vote + "/reminders"), null).expect(200).json();

        assertThat(pending.path("items").findValuesAsText("memberId"))
                .containsExactly(members.get(0), members.get(2));
        assertThat(pending.toString()).doesNotContain("AGAINST", "choice");
        assertThat(reminder.path("reminded").findValuesAsText("memberId"))
                .containsExactly(members.get(0), members.get(2));
        assertThat(reminder.path("mails").asInt()).isGreaterThanOrEqualTo(2);
        Jdbi jdbi = DATABASE.jdbi();
        List<String> reminded = jdbi.withHandle(h -> h.createQuery("SELECT recipient FROM outbox_mail WHERE "
                + "subject LIKE 'Przypomnienie%'").mapTo(String.class).list());
        assertThat(reminded)
                .contains("osoba0@" + konwent + ".example.pl", "osoba2@" + konwent + ".example.pl")
                .doesNotContain("osoba1@" + konwent + ".example.pl");
        String event = jdbi.withHandle(h -> h.createQuery("SELECT body FROM webhook_event WHERE konwent_id = :k "
                + "AND type = 'vote.reminder'").bind("k", konwent).mapTo(String.class).one());
        assertThat(event).contains(members.get(0), members.get(2)).doesNotContain(members.get(1));
        assertThat(hook).isNotBlank();
        appointMembersZeroAndOne();
        representatives.get(0).get(path("/votes/" + vote + "/non-voters")).expect(200); // now of the COUNCIL
        representatives.get(2).get(path("/votes/" + vote + "/non-voters")).expect(403);
        representatives.get(2).post(path("/votes/" + vote + "/reminders"), null).expect(403);
        anonymous.unvalidatedRequest().get(path("/votes/" + vote + "/non-voters")).expect(401);
        secretariat.get(path("/votes/nie-ma/non-voters")).expect(404);
        secretariat.post(path("/votes/" + vote + "/closing"), null).expect(200);
        secretariat.post(path("/votes/" + vote + "/reminders"), null).expect(409);
    }

    /** Done when: a charter change during an open vote changes nothing about it. */
    @Test
    void V5_aCharterChangeDuringAnOpenVoteChangesNothingAboutIt() {
        Api secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        String vote = secretariat.post(path("/votes"), question(false)).expect(201).json().path("id").asText();
        Api.Reply before = anonymous.get("/api/v1/konwents/" + konwent).expect(200);
        long versionAtOpening = Long.parseLong(before.header("ETag").replaceAll("[^0-9]", ""));
        secretariat.post(path("/votes/" + vote + "/opening"), null).expect(200);
        representatives.get(0).post(path("/votes/" + vote + "/ballots"),
                Map.of("memberId", members.get(0), "choice", "FOR")).expect(201);
        representatives.get(1).post(path("/votes/" + vote + "/ballots"),
                Map.of("memberId", members.get(1), "choice", "ABSTAIN")).expect(201);

        // under these rules one FOR and one abstention of three members would fail: absolute majority, everyone voting
        admin.put("/api/v1/konwents/" + konwent, Map.of("name", "Konwent " + konwent, "charter",
                Map.of("organiserCompetition", false, "councilSize", 2, "alternation", false,
                        "defaultMajority", "ABSOLUTE", "defaultQuorum", 1))).expect(200);
        secretariat.post(path("/votes/" + vote + "/closing"), null).expect(200);
        JsonNode result = anonymous.get(path("/votes/" + vote + "/result")).expect(200).json();

        assertThat(result.path("adopted").asBoolean()).isTrue();
        assertThat(result.path("quorumReached").asBoolean()).isTrue();
        assertThat(result.path("majority").asText()).isEqualTo("SIMPLE");
        assertThat(result.path("rules").path("majority").asText()).isEqualTo("SIMPLE");
        assertThat(result.path("rules").path("quorum").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(result.path("rules").path("quorumBasis").asText()).isEqualTo("BALLOTS");
        assertThat(result.path("rules").path("charterVersion").asLong()).isEqualTo(versionAtOpening);
        String later = secretariat.post(path("/votes"), question(false)).expect(201).json().path("id").asText();
        assertThat(anonymous.get(path("/votes/" + later + "/result")).expect(200).json().path("rules")
                .path("majority").asText()).isEqualTo("ABSOLUTE");
    }

    /**
     * Done when: a tie decided by lot can be recomputed by a reader from what the API publishes; and a charter change
     * while the election is open (to RUN_OFF) changes nothing about it.
     */
    @Test
    void C6_aTieDecidedByLotIsRecomputedByAReaderFromWhatTheApiPublishes() throws Exception {
        String election = threeWayTieElection(null);
        JsonNode opened = anonymous.get(path("/elections/" + election + "/result")).expect(200).json();
        String commitment = opened.path("lot").path("commitment").asText();
        assertThat(commitment).matches("[0-9a-f]{64}");
        assertThat(opened.path("lot").path("seed").isNull()).isTrue();
        assertThat(opened.path("rules").path("tieBreak").asText()).isEqualTo("LOT");
        admin.put("/api/v1/konwents/" + konwent, Map.of("name", "Konwent " + konwent, "charter",
                Map.of("organiserCompetition", false, "councilSize", 2, "alternation", false,
                        "electionTieBreak", "RUN_OFF"))).expect(200);
        voteInACircle(election);

        department.post(path("/elections/" + election + "/closing"), null).expect(200);
        JsonNode result = anonymous.get(path("/elections/" + election + "/result")).expect(200).json();

        assertThat(result.path("outcome").asText()).isEqualTo("ELECTED");
        assertThat(result.path("seatsUndecided").asInt()).isZero();
        JsonNode decision = result.path("tieDecision");
        assertThat(decision.path("rule").asText()).isEqualTo("LOT");
        String seed = result.path("lot").path("seed").asText();
        assertThat(decision.path("seed").asText()).isEqualTo(seed);
        // a reader's recomputation, written from docs/lot.md alone
        assertThat(sha256Hex(HexFormat.of().parseHex(seed))).isEqualTo(commitment);
        List<String> tied = new ArrayList<>();
        result.path("ranking").forEach(r -> tied.add(r.path("candidateId").asText()));
        List<String> order = readersDraw(HexFormat.of().parseHex(seed), tied);
        assertThat(texts(decision.path("order"))).isEqualTo(order);
        assertThat(texts(decision.path("seatedCandidateIds"))).isEqualTo(order.subList(0, 2));
        List<String> elected = new ArrayList<>();
        result.path("ranking").forEach(r -> {
            if (r.path("standing").asText().equals("ELECTED")) {
                elected.add(r.path("candidateId").asText());
            }
        });
        assertThat(elected).containsExactlyInAnyOrderElementsOf(order.subList(0, 2));
        JsonNode term = anonymous.get(path("/council-terms/2012")).expect(200).json();
        assertThat(term.path("origin").asText()).isEqualTo("ELECTED");
        assertThat(documentedScript(result.toString())).isEqualTo(commitment + "\n" + String.join("\n", order) + "\n");
    }

    /** The Python script docs/lot.md gives readers, run on the published result (skipped where python3 is absent). */
    private static String documentedScript(String resultJson) throws Exception {
        Process python;
        try {
            python = new ProcessBuilder("python3", Path.of("..", "examples", "lot.py").toString(), "-")
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException noPython) {
            Assumptions.abort("python3 is not installed: " + noPython.getMessage());
            return null;
        }
        try (var stdin = python.getOutputStream()) {
            stdin.write(resultJson.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void C6_anElectionsOwnSeniorityRuleGivesTheTiedSeatsToTheMembersThatJoinedFirst() {
        String election = threeWayTieElection("SENIORITY");
        assertThat(anonymous.get(path("/elections/" + election)).expect(200).json().path("tieBreak").asText())
                .isEqualTo("SENIORITY");
        // issue 22: who has not voted in the open election, and a reminder; the election's own runners only
        assertThat(department.get(path("/elections/" + election + "/non-voters")).expect(200).json().path("items")
                .findValuesAsText("memberId")).containsExactlyInAnyOrderElementsOf(members.subList(0, 3));
        JsonNode reminder = representatives.get(0).post(path("/elections/" + election + "/reminders"), null)
                .expect(200).json();
        assertThat(reminder.path("electionId").asText()).isEqualTo(election);
        assertThat(reminder.path("reminded")).hasSize(3);
        int queued = DATABASE.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox_mail WHERE subject = "
                + "'Przypomnienie o głosowaniu: Wybory rady programowej na rok 2012'").mapTo(Integer.class).one());
        assertThat(queued).isEqualTo(reminder.path("mails").asInt()).isPositive();
        representatives.get(2).get(path("/elections/" + election + "/non-voters")).expect(403);
        voteInACircle(election);
        assertThat(department.get(path("/elections/" + election + "/non-voters")).expect(200).json().path("items"))
                .isEmpty();

        JsonNode result = department.post(path("/elections/" + election + "/closing"), null).expect(200).json();

        JsonNode decision = result.path("tieDecision");
        assertThat(decision.path("rule").asText()).isEqualTo("SENIORITY");
        assertThat(result.path("lot").isNull()).isTrue();
        Map<String, String> memberOf = new LinkedHashMap<>();
        result.path("ranking").forEach(r -> memberOf.put(r.path("candidateId").asText(), r.path("memberId").asText()));
        assertThat(texts(decision.path("seatedCandidateIds")).stream().map(memberOf::get).toList())
                .containsExactly(members.get(0), members.get(1));
        assertThat(decision.path("joinedAt").size()).isEqualTo(3);
        department.unvalidatedRequest().post(path("/elections"), Map.of("year", 2013, "tieBreak", "DICE"))
                .expect(422);
        department.get(path("/elections/" + election + "/non-voters")).expect(409);
    }

    /** Appoints members 0 and 1 for 2011; an election for 2012 where all three stand for two seats. */
    private String threeWayTieElection(String tieBreak) {
        appointMembersZeroAndOne();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", 2012);
        if (tieBreak != null) {
            body.put("tieBreak", tieBreak);
        }
        String election = department.post(path("/elections"), body).expect(201).json().path("id").asText();
        for (int i = 0; i < 3; i++) {
            representatives.get(i).post(path("/elections/" + election + "/candidates"), Map.of("memberId",
                    members.get(i), "personName", "Osoba " + i, "nominatedBy", members.get(i))).expect(201);
        }
        department.post(path("/elections/" + election + "/opening"), null).expect(200);
        return election;
    }

    /** The council of 2011: members 0 and 1, whose REPRESENTATIVEs so hold the COUNCIL role. */
    private void appointMembersZeroAndOne() {
        List<Map<String, Object>> seats = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            seats.add(Map.of("memberId", members.get(i), "holderName", "Osoba " + i));
        }
        department.post(path("/council-terms"), Map.of("year", 2011, "seats", seats,
                "consultantName", "Departament")).expect(201);
    }

    /** Each member approves itself and the next one: every candidate gets two approvals, a tie for both seats. */
    private void voteInACircle(String election) {
        List<String> candidates = new ArrayList<>();
        Map<String, String> byMember = new LinkedHashMap<>();
        anonymous.get(path("/elections/" + election + "/candidates")).expect(200).json().path("items")
                .forEach(c -> byMember.put(c.path("memberId").asText(), c.path("id").asText()));
        members.forEach(m -> candidates.add(byMember.get(m)));
        for (int i = 0; i < 3; i++) {
            representatives.get(i).post(path("/elections/" + election + "/ballots"), Map.of("memberId",
                    members.get(i), "approve", List.of(candidates.get(i), candidates.get((i + 1) % 3))))
                    .expect(201);
        }
    }

    /** docs/lot.md: pool sorted ascending; per step, HMAC-SHA256(seed, "lot:step:attempt"), 32 bits, rejection. */
    private static List<String> readersDraw(byte[] seed, List<String> tied) throws Exception {
        List<String> pool = new ArrayList<>(tied);
        pool.sort(null);
        List<String> order = new ArrayList<>();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        for (int step = 0; !pool.isEmpty(); step++) {
            long n = pool.size();
            long limit = (1L << 32) - (1L << 32) % n;
            for (int attempt = 0; ; attempt++) {
                byte[] d = mac.doFinal(("lot:" + step + ":" + attempt).getBytes(StandardCharsets.US_ASCII));
                long x = Integer.toUnsignedLong(((d[0] & 0xFF) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8)
                        | (d[3] & 0xFF));
                if (x < limit) {
                    order.add(pool.remove((int) (x % n)));
                    break;
                }
            }
        }
        return order;
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private String path(String rest) {
        return "/api/v1/konwents/" + konwent + rest;
    }

    private static Map<String, Object> question(boolean secret) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("title", "Stanowisko w sprawie ustawy o zatrudnieniu socjalnym");
        question.put("kind", "POSITION");
        question.put("text", "Konwent popiera zmiany w ustawie.");
        question.put("secret", secret);
        return question;
    }
}
