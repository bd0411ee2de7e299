package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/** Resolution votes over HTTP: rules V1–V3, the vote's life, who may do what. */
@ExtendWith(DropwizardExtensionsSupport.class)
class VotingApiTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2);

    private Api anonymous;
    private Api admin;
    private Api secretariat;
    private String konwent;
    private List<String> members;
    private List<Api> representatives;

    @BeforeEach
    void aKonwentOfThreeMembersWithTheirRepresentatives() {
        anonymous = new Api(APP.getLocalPort());
        admin = anonymous.asAdmin();
        konwent = "g" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent", "charter", Map.of("organiserCompetition", false))).expect(201);
        Api department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        members = new java.util.ArrayList<>();
        representatives = new java.util.ArrayList<>();
        for (String name : List.of("CIS Bytów", "KIS Tczew", "CIS Miastko")) {
            String member = Declarations.acceptedMember(department, department, konwent, name);
            members.add(member);
            representatives.add(Accounts.withRole(admin, anonymous, konwent + "-" + members.size(), konwent,
                    "REPRESENTATIVE", member));
        }
    }

    @Test
    void V1_eachMemberVotesOnceAndTheResultComesWithClosing() {
        String vote = openVote(false, null);

        representatives.get(0).post(ballots(vote), ballot(0, "FOR")).expect(201);
        representatives.get(1).post(ballots(vote), ballot(1, "FOR")).expect(201);
        representatives.get(2).post(ballots(vote), ballot(2, "AGAINST")).expect(201);
        representatives.get(0).post(ballots(vote), ballot(0, "AGAINST")).expect(409);

        JsonNode during = anonymous.get(votes() + "/" + vote + "/result").expect(200).json();
        assertThat(during.path("turnout").asInt()).isEqualTo(3);
        assertThat(during.path("counts").isNull()).isTrue();
        assertThat(during.path("adopted").isNull()).isTrue();

        secretariat.post(votes() + "/" + vote + "/closing", null).expect(200);
        JsonNode result = anonymous.get(votes() + "/" + vote + "/result").expect(200).json();
        assertThat(result.path("counts").path("for").asInt()).isEqualTo(2);
        assertThat(result.path("counts").path("against").asInt()).isEqualTo(1);
        assertThat(result.path("quorumReached").asBoolean()).isTrue();
        assertThat(result.path("adopted").asBoolean()).isTrue();
        assertThat(result.path("majority").asText()).isEqualTo("SIMPLE");
        assertThat(result.path("ballots").findValuesAsText("choice")).containsExactlyInAnyOrder("FOR", "FOR", "AGAINST");
        representatives.get(2).post(ballots(vote), ballot(2, "FOR")).expect(409);
    }

    @Test
    void V3_aSecretVotePublishesCountsButNeverWhoChoseWhat() {
        String vote = openVote(true, "TWO_THIRDS");
        representatives.get(0).post(ballots(vote), ballot(0, "FOR")).expect(201);
        representatives.get(1).post(ballots(vote), ballot(1, "AGAINST")).expect(201);
        secretariat.post(votes() + "/" + vote + "/closing", null).expect(200);

        JsonNode result = admin.get(votes() + "/" + vote + "/result").expect(200).json();

        assertThat(result.path("ballots").isNull()).isTrue();
        assertThat(result.path("counts").path("for").asInt()).isEqualTo(1);
        assertThat(result.path("adopted").asBoolean()).isFalse();
        assertThat(anonymous.get(ballots(vote) + "/" + members.get(0)).expect(200).json().path("voted").asBoolean())
                .isTrue();
        assertThat(anonymous.get(ballots(vote) + "/" + members.get(2)).expect(200).json().path("voted").asBoolean())
                .isFalse();
    }

    @Test
    void aRepresentativeVotesOnlyForItsOwnMember() {
        String vote = openVote(false, null);

        representatives.get(0).post(ballots(vote), ballot(1, "FOR")).expect(403);
        anonymous.unvalidatedRequest().post(ballots(vote), ballot(1, "FOR")).expect(401);
        assertThat(anonymous.get(votes() + "/" + vote + "/result").expect(200).json().path("turnout").asInt())
                .isZero();
    }

    @Test
    void V1_onlyMembersCurrentWhenTheVoteOpenedMayVote() {
        String vote = openVote(false, null);
        Api department = anonymous.as(konwent + "-dep", Accounts.PASSWORD);
        String latecomer = Declarations.acceptedMember(department, department, konwent, "CIS Spóźniony");

        Api latecomersVoice = Accounts.withRole(admin, anonymous, konwent + "-spozniony", konwent, "REPRESENTATIVE",
                latecomer);
        Api.Reply refused = latecomersVoice.post(ballots(vote), Map.of("memberId", latecomer, "choice", "FOR"))
                .expect(422);

        assertThat(refused.json().path("detail").asText()).contains("V1");
        JsonNode opened = anonymous.get(votes() + "/" + vote).expect(200).json();
        assertThat(opened.path("electorate").asInt()).isEqualTo(3);
    }

    @Test
    void aDraftChangesAndGoesButAnOpenVoteKeepsItsQuestion() {
        String draft = secretariat.post(votes(), question(false, null)).expect(201).json().path("id").asText();
        String etag = secretariat.get(votes() + "/" + draft).expect(200).header("ETag");
        Map<String, Object> changed = question(false, "ABSOLUTE");
        changed.put("title", "Wniosek poprawiony");

        assertThat(secretariat.put(votes() + "/" + draft, changed, "If-Match", etag).expect(200).json()
                .path("majority").asText()).isEqualTo("ABSOLUTE");
        secretariat.put(votes() + "/" + draft, changed, "If-Match", etag).expect(412);
        representatives.get(0).post(ballots(draft), ballot(0, "FOR")).expect(409);
        secretariat.post(votes() + "/" + draft + "/opening", null).expect(200);
        secretariat.put(votes() + "/" + draft, changed).expect(409);
        secretariat.delete(votes() + "/" + draft).expect(409);
        secretariat.post(votes() + "/" + draft + "/opening", null).expect(409);

        String other = secretariat.post(votes(), question(true, null)).expect(201).json().path("id").asText();
        secretariat.delete(votes() + "/" + other).expect(204);
        anonymous.get(votes() + "/" + other).expect(404);
    }

    @Test
    void V2_theCharterDefaultsDecideWhenTheVoteSetsNone() {
        admin.put("/api/v1/konwents/" + konwent, Map.of("name", "Konwent", "charter",
                Map.of("defaultMajority", "ABSOLUTE", "defaultQuorum", 1))).expect(200);
        String vote = openVote(false, null);
        representatives.get(0).post(ballots(vote), ballot(0, "FOR")).expect(201);
        representatives.get(1).post(ballots(vote), ballot(1, "FOR")).expect(201);
        secretariat.post(votes() + "/" + vote + "/closing", null).expect(200);

        JsonNode result = anonymous.get(votes() + "/" + vote + "/result").expect(200).json();

        assertThat(result.path("majority").asText()).isEqualTo("ABSOLUTE");
        assertThat(result.path("quorum").decimalValue()).isEqualByComparingTo("1");
        assertThat(result.path("quorumReached").asBoolean()).isFalse();
        assertThat(result.path("adopted").asBoolean()).isFalse();
    }

    @Test
    void aRetriedBallotWithItsIdempotencyKeyGetsTheFirstAnswer() {
        String vote = openVote(true, null);
        String key = UUID.randomUUID().toString();

        Api.Reply first = representatives.get(0).post(ballots(vote), ballot(0, "ABSTAIN"), "Idempotency-Key", key)
                .expect(201);
        Api.Reply retry = representatives.get(0).post(ballots(vote), ballot(0, "ABSTAIN"), "Idempotency-Key", key)
                .expect(201);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(anonymous.get(votes() + "/" + vote + "/result").expect(200).json().path("turnout").asInt())
                .isEqualTo(1);
    }

    @Test
    void onlyTheCouncilOrSecretariatPreparesVotesAndBadQuestionsAreRefused() {
        representatives.get(0).post(votes(), question(false, null)).expect(403);
        anonymous.unvalidatedRequest().post(votes(), question(false, null)).expect(401);
        Map<String, Object> bad = question(false, "UNANIMOUS");
        bad.put("kind", "DECREE");
        bad.put("quorum", 1.5);
        bad.remove("secret");
        Api.Reply refused = secretariat.unvalidatedRequest().post(votes(), bad).expect(422);

        assertThat(refused.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("kind", "secret", "majority", "quorum");
        assertThat(anonymous.get(votes()).expect(200).json().path("items")).isEmpty();
    }

    private String openVote(boolean secret, String majority) {
        String vote = secretariat.post(votes(), question(secret, majority)).expect(201).json().path("id").asText();
        JsonNode opened = secretariat.post(votes() + "/" + vote + "/opening", null).expect(200).json();
        assertThat(opened.path("state").asText()).isEqualTo("OPEN");
        return vote;
    }

    private static Map<String, Object> question(boolean secret, String majority) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("title", "Stanowisko w sprawie ustawy o zatrudnieniu socjalnym");
        question.put("kind", "POSITION");
        question.put("text", "Konwent popiera zmiany w ustawie.");
        question.put("secret", secret);
        if (majority != null) {
            question.put("majority", majority);
        }
        return question;
    }

    private Map<String, Object> ballot(int member, String choice) {
        return Map.of("memberId", members.get(member), "choice", choice);
    }

    private String votes() {
        return "/api/v1/konwents/" + konwent + "/votes";
    }

    private String ballots(String vote) {
        return votes() + "/" + vote + "/ballots";
    }
}
