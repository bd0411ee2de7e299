package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * V4 over HTTP, every answer checked against openapi.yaml: members authorise substitutes and proxies in writing,
 * the secretariat accepts them, and a meeting's votes count each member's ballot exactly once, whoever casts it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProxyVotingApiTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2);

    private Api anonymous;
    private Api admin;
    private Api department;
    private Api secretariat;
    private String konwent;
    private final List<String> members = new ArrayList<>();
    private final List<Api> representatives = new ArrayList<>();

    /** Eight members, each with its REPRESENTATIVE; the charter lets one holder carry two members. */
    @BeforeEach
    void aKonwentOfEightMembers() {
        anonymous = new Api(APP.getLocalPort());
        admin = anonymous.asAdmin();
        konwent = "p" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent", "charter",
                Map.of("organiserCompetition", false, "proxiesPerHolder", 2))).expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        for (int i = 0; i < 8; i++) {
            String member = Declarations.acceptedMember(department, department, konwent, "CIS nr " + i);
            members.add(member);
            representatives.add(Accounts.withRole(admin, anonymous, konwent + "-r" + i, konwent, "REPRESENTATIVE",
                    member));
        }
    }

    @Test
    void V4_aMeetingWhereThreeMembersVoteByProxyAndOneBySubstituteCountsEveryBallotExactlyOnce() {
        String meeting = meetingUnderWay();
        String substituteId = Accounts.create(admin, konwent + "-zastepca5");
        Api substitute = anonymous.as(konwent + "-zastepca5", Accounts.PASSWORD);
        accepted(submitProxy(1, 0, meeting, null));
        accepted(submitProxy(2, 0, meeting, null));
        accepted(submitProxy(3, 4, meeting, null));
        accepted(submit(5, "SUBSTITUTE", substituteId, null, meeting, null));
        secretariat.put(meetingPath(meeting) + "/attendance", present(0, 4, 5, 6, 7)).expect(200);
        String open = openVote(meeting, false);
        String secret = openVote(meeting, true);

        for (String vote : List.of(open, secret)) {
            representatives.get(0).post(ballots(vote), ballot(0, "FOR")).expect(201);
            representatives.get(0).post(ballots(vote), ballot(1, "FOR")).expect(201);
            representatives.get(0).post(ballots(vote), ballot(2, "AGAINST")).expect(201);
            representatives.get(4).post(ballots(vote), ballot(4, "FOR")).expect(201);
            representatives.get(4).post(ballots(vote), ballot(3, "ABSTAIN")).expect(201);
            substitute.post(ballots(vote), ballot(5, "FOR")).expect(201);
            representatives.get(6).post(ballots(vote), ballot(6, "FOR")).expect(201);
            // exactly once: neither the member's own REPRESENTATIVE nor the holder casts the member's ballot again
            representatives.get(1).post(ballots(vote), ballot(1, "AGAINST")).expect(409);
            representatives.get(0).post(ballots(vote), ballot(2, "FOR")).expect(409);
            representatives.get(5).post(ballots(vote), ballot(5, "AGAINST")).expect(409);
            substitute.post(ballots(vote), ballot(5, "AGAINST")).expect(409);
            secretariat.post(votePath(vote) + "/closing", null).expect(200);
        }

        for (String vote : List.of(open, secret)) {
            JsonNode result = anonymous.get(votePath(vote) + "/result").expect(200).json();
            assertThat(result.path("turnout").asInt()).isEqualTo(7);
            assertThat(result.path("counts").path("for").asInt()).isEqualTo(5);
            assertThat(result.path("counts").path("against").asInt()).isEqualTo(1);
            assertThat(result.path("counts").path("abstain").asInt()).isEqualTo(1);
        }
        JsonNode named = anonymous.get(votePath(open) + "/result").expect(200).json().path("ballots");
        Map<String, JsonNode> byMember = new HashMap<>();
        named.forEach(ballot -> byMember.put(ballot.path("memberId").asText(), ballot));
        assertThat(byMember).hasSize(7);
        assertThat(byMember.get(members.get(0)).path("castUnder").isNull()).isTrue();
        assertThat(byMember.get(members.get(1)).path("castUnder").path("kind").asText()).isEqualTo("PROXY");
        assertThat(byMember.get(members.get(1)).path("castUnder").path("holderMemberId").asText())
                .isEqualTo(members.get(0));
        assertThat(byMember.get(members.get(3)).path("castUnder").path("holderMemberName").asText())
                .isEqualTo("CIS nr 4");
        assertThat(byMember.get(members.get(5)).path("castUnder").path("kind").asText()).isEqualTo("SUBSTITUTE");
        assertThat(byMember.get(members.get(5)).path("choice").asText()).isEqualTo("FOR");
        assertThat(anonymous.get(votePath(secret) + "/result").expect(200).json().path("ballots").isNull()).isTrue();
    }

    @Test
    void V4_theCommuniqueNamesTheBallotsOfProxiesInOpenVotesOnly() {
        String meeting = meetingUnderWay();
        accepted(submitProxy(1, 0, meeting, null));
        secretariat.put(meetingPath(meeting) + "/attendance", present(0, 2, 3, 4, 5)).expect(200);
        String open = openVote(meeting, false);
        String secret = openVote(meeting, true);
        for (String vote : List.of(open, secret)) {
            representatives.get(0).post(ballots(vote), ballot(0, "FOR")).expect(201);
            representatives.get(0).post(ballots(vote), ballot(1, "FOR")).expect(201);
            representatives.get(2).post(ballots(vote), ballot(2, "FOR")).expect(201);
            secretariat.post(votePath(vote) + "/closing", null).expect(200);
        }
        secretariat.post(meetingPath(meeting) + "/completion", null).expect(200);
        secretariat.put(meetingPath(meeting) + "/communique", Map.of("title", "Komunikat", "text", "Obrady."))
                .expect(201);
        secretariat.post(meetingPath(meeting) + "/communique/sending", null).expect(200);
        secretariat.post(meetingPath(meeting) + "/communique/publication", null).expect(200);

        JsonNode documents = anonymous.get(path("/documents?kind=COMMUNIQUE")).expect(200).json().path("items");
        String body = anonymous.get(path("/documents/" + documents.get(0).path("id").asText())).expect(200).json()
                .path("body").asText();
        assertThat(body).containsOnlyOnce("CIS nr 1: głos oddany przez pełnomocnika, przedstawiciela CIS nr 0");
    }

    @Test
    void V4_aBallotUnderAnAuthorisationCountsOnlyWhileTheHolderIsRecordedPresent() {
        String meeting = meetingUnderWay();
        accepted(submitProxy(1, 0, meeting, null));
        secretariat.put(meetingPath(meeting) + "/attendance", present(2, 3)).expect(200);
        String vote = openVote(meeting, false);

        Api.Reply absent = representatives.get(0).post(ballots(vote), ballot(1, "FOR")).expect(422);

        assertThat(absent.json().path("detail").asText()).contains("V4", "present");
        assertThat(anonymous.get(votePath(vote) + "/result").expect(200).json().path("turnout").asInt()).isZero();
        secretariat.put(meetingPath(meeting) + "/attendance", present(0, 2, 3)).expect(200);
        representatives.get(0).post(ballots(vote), ballot(1, "FOR")).expect(201);
    }

    @Test
    void V4_revokingWorksBeforeTheBallotAndIsAConflictAfterIt() {
        String vote = openVote(null, false);
        String first = accepted(submitProxy(1, 0, null, vote));
        representatives.get(1).post(authorisation(first) + "/revocation", Map.of("reason", "Przyjadę sam."))
                .expect(200);
        representatives.get(0).post(ballots(vote), ballot(1, "FOR")).expect(403);

        String second = accepted(submitProxy(2, 0, null, vote));
        representatives.get(0).post(ballots(vote), ballot(2, "AGAINST")).expect(201);
        representatives.get(2).post(authorisation(second) + "/revocation", null).expect(409);
        JsonNode kept = representatives.get(2).get(authorisation(second)).expect(200).json();
        assertThat(kept.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(representatives.get(1).get(authorisation(first)).expect(200).json().path("state").asText())
                .isEqualTo("REVOKED");
    }

    @Test
    void V4_theMembersOwnRepresentativeVotingFirstLeavesTheProxyNothingToCast() {
        String vote = openVote(null, false);
        accepted(submitProxy(1, 0, null, vote));

        representatives.get(1).post(ballots(vote), ballot(1, "AGAINST")).expect(201);
        representatives.get(0).post(ballots(vote), ballot(1, "FOR")).expect(409);

        assertThat(anonymous.get(votePath(vote) + "/result").expect(200).json().path("turnout").asInt()).isOne();
    }

    @Test
    void V4_theCharterSaysWhetherProxiesAreAllowedAndHowManyMembersOneHolderCarries() {
        String meeting = meetingUnderWay();
        accepted(submitProxy(1, 0, meeting, null));
        accepted(submitProxy(2, 0, meeting, null));
        String third = submitProxy(3, 0, meeting, null);
        upload(third);
        Api.Reply tooMany = secretariat.post(authorisation(third) + "/decision", Map.of("outcome", "ACCEPTED",
                "reason", "Zgodne.")).expect(422);
        assertThat(tooMany.json().path("detail").asText()).contains("V4", "allows 2");

        admin.put("/api/v1/konwents/" + konwent, Map.of("name", "Konwent", "charter",
                Map.of("organiserCompetition", false, "proxies", false))).expect(200);
        Api.Reply refused = representatives.get(4).post(path("/authorisations"), proxy(4, 5, meeting, null))
                .expect(422);
        assertThat(refused.json().path("detail").asText()).contains("V4");
        assertThat(anonymous.get("/api/v1/konwents/" + konwent).expect(200).json().path("charter")
                .path("proxiesPerHolder").asInt()).isOne();
    }

    @Test
    void V4_anAuthorisationIsAcceptedOnItsWrittenFormKeptInternalInTheArchive() {
        String meeting = meetingUnderWay();
        String id = submitProxy(1, 0, meeting, null);
        Api.Reply withoutFile = secretariat.post(authorisation(id) + "/decision", Map.of("outcome", "ACCEPTED",
                "reason", "Zgodne.")).expect(422);
        assertThat(withoutFile.json().path("detail").asText()).contains("V4");
        representatives.get(1).post(authorisation(id) + "/file?filename=obraz.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}).expect(415);
        representatives.get(0).post(authorisation(id) + "/file?filename=p.pdf", pdf()).expect(403);

        Api.Reply file = representatives.get(1).post(authorisation(id) + "/file?filename=pelnomocnictwo.pdf", pdf())
                .expect(201);

        JsonNode submitted = secretariat.get(authorisation(id)).expect(200).json();
        String document = submitted.path("documentId").asText();
        assertThat(submitted.path("fileId").asText()).isEqualTo(file.json().path("id").asText());
        anonymous.get(path("/documents/" + document)).expect(404);
        JsonNode archived = department.get(path("/documents/" + document)).expect(200).json();
        assertThat(archived.path("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(archived.path("source").path("type").asText()).isEqualTo("AUTHORISATION");
        assertThat(department.outsideContract().get(file.header("Location")).expect(200).bytes()).isEqualTo(pdf());
        representatives.get(2).get(authorisation(id)).expect(404);
        representatives.get(0).get(authorisation(id)).expect(200);

        JsonNode rejected = secretariat.post(authorisation(id) + "/decision", Map.of("outcome", "REJECTED",
                "reason", "Brak podpisu.")).expect(200).json();
        assertThat(rejected.path("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("reason").asText()).isEqualTo("Brak podpisu.");
        secretariat.post(authorisation(id) + "/decision", Map.of("outcome", "ACCEPTED", "reason", "Jednak."))
                .expect(409);
    }

    @Test
    void V4_V6_whoMaySubmitHoldAndDecide() {
        String meeting = meetingUnderWay();
        String departmentId = department.get("/api/v1/accounts/current").expect(200).json().path("id").asText();
        Api.Reply administration = representatives.get(1).post(path("/authorisations"),
                submission(1, "SUBSTITUTE", departmentId, null, meeting, null)).expect(422);
        assertThat(administration.json().path("detail").asText()).contains("V6");
        representatives.get(2).post(path("/authorisations"), proxy(1, 0, meeting, null)).expect(403);
        anonymous.unvalidatedRequest().post(path("/authorisations"), proxy(1, 0, meeting, null)).expect(401);
        representatives.get(1).post(path("/authorisations"), proxy(1, 1, meeting, null)).expect(422);
        representatives.get(1).unvalidatedRequest().post(path("/authorisations"), Map.of("memberId", members.get(1),
                "kind", "PROXY")).expect(422);

        String id = submitProxy(1, 0, meeting, null);
        upload(id);
        representatives.get(0).post(authorisation(id) + "/decision", Map.of("outcome", "ACCEPTED", "reason", "Ja."))
                .expect(403);
        department.post(authorisation(id) + "/decision", Map.of("outcome", "ACCEPTED", "reason", "Ja."))
                .expect(403);
        representatives.get(3).get(path("/authorisations?memberId=" + members.get(1))).expect(403);
        assertThat(representatives.get(1).get(path("/authorisations?memberId=" + members.get(1))).expect(200).json()
                .path("items").size()).isOne();
        assertThat(representatives.get(0).get(path("/authorisations?held=true")).expect(200).json()
                .path("items").size()).isOne();
        assertThat(secretariat.get(path("/authorisations?state=SUBMITTED")).expect(200).json().path("items").size())
                .isOne();
    }

    // --- helpers

    /** An invited meeting that started an hour ago, so its attendance can be recorded. */
    private String meetingUnderWay() {
        Instant starts = Instant.now().minus(Duration.ofHours(1));
        String meeting = secretariat.post(path("/meetings"), Map.of("title", "Posiedzenie", "startsAt",
                        starts.toString(), "endsAt", starts.plus(Duration.ofHours(6)).toString(),
                        "venue", Map.of("name", "Sala"), "scope", "Ekonomia społeczna", "delegationLimit", 3))
                .expect(201).json().path("id").asText();
        secretariat.post(meetingPath(meeting) + "/invitation", null).expect(200);
        return meeting;
    }

    private String openVote(String meeting, boolean secret) {
        Map<String, Object> vote = new LinkedHashMap<>();
        vote.put("title", "Stanowisko " + UUID.randomUUID());
        vote.put("kind", "POSITION");
        vote.put("text", "Treść");
        vote.put("secret", secret);
        if (meeting != null) {
            vote.put("meetingId", meeting);
        }
        String id = secretariat.post(path("/votes"), vote).expect(201).json().path("id").asText();
        secretariat.post(votePath(id) + "/opening", null).expect(200);
        return id;
    }

    private String accountOf(int representative) {
        return representatives.get(representative).get("/api/v1/accounts/current").expect(200).json().path("id")
                .asText();
    }

    @Test
    void GDPR_erasingTheRepresentativeWhoSignedAnAuthorisationErasesTheSignersNameAndKeepsTheAuthorisation() {
        String meeting = meetingUnderWay();
        Map<String, Object> signedByTheRepresentative = new LinkedHashMap<>(proxy(1, 0, meeting, null));
        signedByTheRepresentative.put("signedBy", "ANNA  nowak");
        String id = representatives.get(1).post(path("/authorisations"), signedByTheRepresentative).expect(201).json()
                .path("id").asText();
        String other = representatives.get(2).post(path("/authorisations"), proxy(2, 0, meeting, null)).expect(201)
                .json().path("id").asText();
        String representative = department.get(path("/members/" + members.get(1))).expect(200).json()
                .path("representatives").get(0).path("id").asText();

        department.delete(path("/members/" + members.get(1) + "/representatives/" + representative)).expect(204);

        JsonNode erased = representatives.get(1).get(authorisation(id)).expect(200).json();
        assertThat(erased.path("signedBy").asText()).isEqualTo("[erased]");
        assertThat(erased.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(representatives.get(2).get(authorisation(other)).expect(200).json().path("signedBy").asText())
                .isEqualTo("Dyrektor CIS nr 2");
    }

    private Map<String, Object> proxy(int member, int holder, String meeting, String vote) {
        return submission(member, "PROXY", accountOf(holder), members.get(holder), meeting, vote);
    }

    private Map<String, Object> submission(int member, String kind, String holderAccount, String holderMember,
                                           String meeting, String vote) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", members.get(member));
        body.put("kind", kind);
        body.put("holderAccountId", holderAccount);
        if (holderMember != null) {
            body.put("holderMemberId", holderMember);
        }
        if (meeting != null) {
            body.put("meetingId", meeting);
        }
        if (vote != null) {
            body.put("voteId", vote);
        }
        body.put("signedBy", "Dyrektor CIS nr " + member);
        return body;
    }

    private String submitProxy(int member, int holder, String meeting, String vote) {
        return submit(member, "PROXY", accountOf(holder), members.get(holder), meeting, vote);
    }

    private String submit(int member, String kind, String holderAccount, String holderMember, String meeting,
                          String vote) {
        JsonNode created = representatives.get(member).post(path("/authorisations"),
                submission(member, kind, holderAccount, holderMember, meeting, vote)).expect(201).json();
        assertThat(created.path("state").asText()).isEqualTo("SUBMITTED");
        return created.path("id").asText();
    }

    private void upload(String id) {
        String member = secretariat.get(authorisation(id)).expect(200).json().path("memberId").asText();
        representatives.get(members.indexOf(member)).post(authorisation(id) + "/file?filename=p.pdf", pdf())
                .expect(201);
    }

    /** Uploads the signed file and has the secretariat accept the authorisation. */
    private String accepted(String id) {
        upload(id);
        JsonNode decided = secretariat.post(authorisation(id) + "/decision", Map.of("outcome", "ACCEPTED",
                "reason", "Pełnomocnictwo podpisane.")).expect(200).json();
        assertThat(decided.path("state").asText()).isEqualTo("ACCEPTED");
        return id;
    }

    private Map<String, Object> present(int... indexes) {
        List<Map<String, Object>> present = new ArrayList<>();
        for (int i : indexes) {
            present.add(Map.of("memberId", members.get(i), "mode", "IN_PERSON"));
        }
        return Map.of("present", present);
    }

    private Map<String, Object> ballot(int member, String choice) {
        return Map.of("memberId", members.get(member), "choice", choice);
    }

    private static byte[] pdf() {
        return "%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    private String path(String rest) {
        return "/api/v1/konwents/" + konwent + rest;
    }

    private String meetingPath(String meeting) {
        return path("/meetings/" + meeting);
    }

    private String votePath(String vote) {
        return path("/votes/" + vote);
    }

    private String ballots(String vote) {
        return votePath(vote) + "/ballots";
    }

    private String authorisation(String id) {
        return path("/authorisations/" + id);
    }
}
