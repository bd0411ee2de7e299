package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestClock;

/**
 * The programme council over HTTP (C1–C5), run on each engine with the server's clock moved through the years: the
 * history of a konwent from the appointed first council through an election tied at the fifth seat and its run-off
 * to the alternation of the chair, and a term that lapses at the end of its period; every answer checked against
 * openapi.yaml.
 */
abstract class CouncilApiContract {
    /** Each test starts in June 2011, the year of the first council (C2). */
    static final Instant START = Instant.parse("2011-06-01T08:00:00Z");

    private Api anonymous;
    private Api admin;
    private Api department;
    private String konwent;
    /** Eight members, CIS and KIS in turn (m0 CIS, m1 KIS, …), and their REPRESENTATIVEs. */
    private final List<String> m = new ArrayList<>();
    private final List<Api> rep = new ArrayList<>();

    abstract DropwizardAppExtension<KonwentConfiguration> app();

    abstract TestClock clock();

    @BeforeEach
    void aKonwentOfEightMembers() {
        clock().set(START);
        anonymous = new Api(app().getLocalPort());
        admin = anonymous.asAdmin();
        konwent = "r" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent)).expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
        m.clear();
        rep.clear();
        for (int i = 0; i < 8; i++) {
            String kind = i % 2 == 0 ? "CIS" : "KIS";
            m.add(Declarations.acceptedMember(anonymous, department, konwent, kind + " nr " + i, kind));
            rep.add(Accounts.withRole(admin, anonymous, konwent + "-rep" + i, konwent, "REPRESENTATIVE", m.get(i)));
        }
    }

    @Test
    void councilHistoryAppointedThenElectedWithATieAtTheFifthSeatResolvedByARunOffAndAlternationKept() {
        // C2: no election before the department has appointed the first council
        assertThat(department.post(path("/elections"), Map.of("year", 2011)).expect(422).json().path("detail")
                .asText()).contains("appointed by the department");

        Api.Reply appointed = department.post(path("/council-terms"), appointment(2011, 0, 1, 2, 3, 4)).expect(201);
        assertThat(appointed.header("Location")).endsWith("/council-terms/2011");
        JsonNode first = appointed.json();
        assertThat(first.path("origin").asText()).isEqualTo("APPOINTED");
        assertThat(first.path("inOffice").asBoolean()).isTrue();
        assertThat(first.path("seats").findValuesAsText("memberId")).containsExactlyElementsOf(m.subList(0, 5));
        assertThat(first.path("consultantName").asText()).isEqualTo("Departament Pożytku Publicznego");
        department.post(path("/council-terms"), appointment(2012, 0, 1, 2, 3, 4)).expect(422);

        // roles follow the term: a seat's REPRESENTATIVE decides declarations now, the department no longer
        String declaration = anonymous.post(path("/declarations"), Declarations.of("CIS Nowy")).expect(201).json()
                .path("id").asText();
        department.post(path("/declarations/" + declaration + "/decision"), accept()).expect(403);
        rep.get(5).post(path("/declarations/" + declaration + "/decision"), accept()).expect(403);
        rep.get(4).post(path("/declarations/" + declaration + "/decision"), accept()).expect(200);

        // C3, C4 in 2011: a CIS chair and a KIS deputy; two CIS are refused
        assertThat(rep.get(0).post(officers(2011), Map.of("chairMemberId", m.get(2), "deputyMemberId", m.get(4)))
                .expect(422).json().path("detail").asText()).contains("one from a CIS and one from a KIS");
        rep.get(0).post(officers(2011), Map.of("chairMemberId", m.get(5), "deputyMemberId", m.get(0))).expect(422);
        JsonNode officers2011 = rep.get(0).post(officers(2011), Map.of("chairMemberId", m.get(0),
                "deputyMemberId", m.get(1))).expect(200).json();
        assertThat(officers2011.path("chair").path("memberKind").asText()).isEqualTo("CIS");

        // the outgoing council calls the 2012 election; members nominate themselves or one another
        String election = rep.get(0).post(path("/elections"), Map.of("year", 2012)).expect(201).json().path("id")
                .asText();
        department.post(path("/elections"), Map.of("year", 2012)).expect(409);
        String[] c = new String[8];
        for (int i : new int[] {0, 1, 2, 3, 6, 7}) {
            c[i] = nominate(election, i, i).path("id").asText();
        }
        JsonNode byOther = nominate(election, 5, 6);
        assertThat(byOther.path("state").asText()).isEqualTo("NOMINATED");
        c[5] = byOther.path("id").asText();
        rep.get(6).post(candidate(election, c[5]) + "/acceptance", null).expect(403);
        assertThat(rep.get(5).post(candidate(election, c[5]) + "/acceptance", null).expect(200).json().path("state")
                .asText()).isEqualTo("ACCEPTED");
        c[4] = nominate(election, 4, 6).path("id").asText();
        assertThat(rep.get(4).post(candidate(election, c[4]) + "/withdrawal", null).expect(200).json().path("state")
                .asText()).isEqualTo("WITHDRAWN");
        rep.get(4).post(candidate(election, c[4]) + "/acceptance", null).expect(409);
        rep.get(1).post(path("/elections/" + election + "/candidates"), Map.of("memberId", m.get(1),
                "personName", "Ktoś", "nominatedBy", m.get(1))).expect(409);

        department.post(path("/elections/" + election + "/opening"), null).expect(200);
        rep.get(2).post(path("/elections/" + election + "/candidates"), Map.of("memberId", m.get(2),
                "personName", "Ktoś", "nominatedBy", m.get(2))).expect(409);

        // approval ballots: up to five, none twice, only candidates on the ballot
        rep.get(7).post(ballots(election), ballot(7, c[0], c[1], c[2], c[3], c[5], c[6])).expect(422);
        rep.get(7).post(ballots(election), ballot(7, c[0], c[0])).expect(422);
        rep.get(7).post(ballots(election), ballot(7, c[4])).expect(422);
        rep.get(7).post(ballots(election), ballot(7, "nie-ma-takiego")).expect(422);
        rep.get(0).post(ballots(election), ballot(1, c[0])).expect(403);
        rep.get(0).post(ballots(election), ballot(0, c[0], c[1], c[2], c[3], c[5])).expect(201);
        rep.get(1).post(ballots(election), ballot(1, c[0], c[1], c[2], c[3], c[6])).expect(201);
        rep.get(2).post(ballots(election), ballot(2, c[0], c[1], c[2], c[3], c[5])).expect(201);
        rep.get(3).post(ballots(election), ballot(3, c[0], c[1], c[2], c[3], c[6])).expect(201);
        rep.get(4).post(ballots(election), ballot(4, c[0], c[1], c[5], c[6], c[7])).expect(201);
        rep.get(5).post(ballots(election), ballot(5)).expect(201);
        rep.get(0).post(ballots(election), ballot(0, c[7])).expect(409);
        assertThat(anonymous.get(path("/elections/" + election + "/ballots/" + m.get(0))).expect(200).json()
                .path("voted").asBoolean()).isTrue();
        JsonNode during = anonymous.get(path("/elections/" + election + "/result")).expect(200).json();
        assertThat(during.path("turnout").asInt()).isEqualTo(6);
        assertThat(during.path("ranking").isNull()).isTrue();

        // a tie at the fifth seat: four elected, the tied two reported, no council installed
        JsonNode tied = rep.get(0).post(path("/elections/" + election + "/closing"), null).expect(200).json();
        assertThat(tied.path("outcome").asText()).isEqualTo("TIE_AT_LAST_SEAT");
        assertThat(tied.path("seatsUndecided").asInt()).isEqualTo(1);
        assertThat(standing(tied, "ELECTED")).containsExactlyInAnyOrder(c[0], c[1], c[2], c[3]);
        assertThat(standing(tied, "TIED")).containsExactlyInAnyOrder(c[5], c[6]);
        assertThat(standing(tied, "NOT_ELECTED")).containsExactly(c[7]);
        assertThat(approvals(tied, c[5])).isEqualTo(3);
        assertThat(approvals(tied, c[6])).isEqualTo(3);
        anonymous.get(path("/council-terms/2012")).expect(404);
        rep.get(0).post(path("/elections/" + election + "/ballots"), ballot(6, c[6])).expect(403);

        // the run-off among the tied two fills the fifth seat and installs the 2012 council
        JsonNode runOff = department.post(path("/elections/" + election + "/run-off"), null).expect(201).json();
        department.post(path("/elections/" + election + "/run-off"), null).expect(409);
        String second = runOff.path("id").asText();
        assertThat(runOff.path("round").asInt()).isEqualTo(2);
        assertThat(runOff.path("seats").asInt()).isEqualTo(1);
        JsonNode runOffCandidates = anonymous.get(path("/elections/" + second + "/candidates")).expect(200).json()
                .path("items");
        assertThat(runOffCandidates.findValuesAsText("memberId")).containsExactlyInAnyOrder(m.get(5), m.get(6));
        assertThat(runOffCandidates.findValuesAsText("state")).containsOnly("ACCEPTED");
        rep.get(7).post(path("/elections/" + second + "/candidates"), Map.of("memberId", m.get(7),
                "personName", "Ktoś", "nominatedBy", m.get(7))).expect(409);
        department.post(path("/elections/" + second + "/opening"), null).expect(200);
        String c5 = candidateOf(runOffCandidates, m.get(5));
        String c6 = candidateOf(runOffCandidates, m.get(6));
        rep.get(0).post(ballots(second), ballot(0, c5)).expect(201);
        rep.get(1).post(ballots(second), ballot(1, c5)).expect(201);
        rep.get(2).post(ballots(second), ballot(2, c6)).expect(201);
        rep.get(3).post(ballots(second), ballot(3, c5, c6)).expect(422);
        JsonNode decided = department.post(path("/elections/" + second + "/closing"), null).expect(200).json();
        assertThat(decided.path("outcome").asText()).isEqualTo("ELECTED");
        assertThat(standing(decided, "ELECTED")).containsExactly(c5);
        assertThat(anonymous.get(path("/elections/" + election + "/result")).expect(200).json().path("runOffId")
                .asText()).isEqualTo(second);

        // 2012 begins (C5): the 2011 council's yearly period is over, the elected 2012 council takes office
        clock().set("2012-01-09T10:00:00+01:00");

        JsonNode council2012 = anonymous.get(path("/council-terms/2012")).expect(200).json();
        assertThat(council2012.path("origin").asText()).isEqualTo("ELECTED");
        assertThat(council2012.path("electionId").asText()).isEqualTo(second);
        assertThat(council2012.path("inOffice").asBoolean()).isTrue();
        assertThat(council2012.path("consultantName").asText()).isEqualTo("Departament Pożytku Publicznego");
        assertThat(council2012.path("seats").findValuesAsText("memberId"))
                .containsExactlyInAnyOrder(m.get(0), m.get(1), m.get(2), m.get(3), m.get(5));
        assertThat(anonymous.get(path("/council-terms/2011")).expect(200).json().path("inOffice").asBoolean())
                .isFalse();

        // the COUNCIL role moved with the term: m4 left the council, m5 joined it
        String another = anonymous.post(path("/declarations"), Declarations.of("KIS Nowy")).expect(201).json()
                .path("id").asText();
        rep.get(4).post(path("/declarations/" + another + "/decision"), accept()).expect(403);
        rep.get(5).post(path("/declarations/" + another + "/decision"), accept()).expect(200);
        assertThat(roles(rep.get(5))).contains("COUNCIL", "REPRESENTATIVE");

        // C4 in 2012: 2011's chair was a CIS, so 2012's must be a KIS
        assertThat(rep.get(5).post(officers(2012), Map.of("chairMemberId", m.get(2), "deputyMemberId", m.get(1)))
                .expect(422).json().path("detail").asText()).contains("last year's chair came from a CIS",
                "must come from a KIS");
        JsonNode officers2012 = rep.get(5).post(officers(2012), Map.of("chairMemberId", m.get(5),
                "deputyMemberId", m.get(0))).expect(200).json();
        assertThat(officers2012.path("chair").path("memberKind").asText()).isEqualTo("KIS");
        assertThat(officers2012.path("chair").path("holderName").asText()).isEqualTo("Osoba 5");

        // changing 2011's officers now must still swap with 2012's KIS chair
        assertThat(rep.get(5).post(officers(2011), Map.of("chairMemberId", m.get(1), "deputyMemberId", m.get(0)))
                .expect(422).json().path("detail").asText()).contains("the chair of 2012 comes from a KIS");
        rep.get(7).post(officers(2012), Map.of("chairMemberId", m.get(5), "deputyMemberId", m.get(0))).expect(403);

        // public history, newest first, names of office holders only
        Api.Reply history = anonymous.get(path("/council-terms")).expect(200);
        assertThat(history.json().path("items").findValuesAsText("year")).containsExactly("2012", "2011");
        assertThat(history.body()).doesNotContain("@example.pl", "+48");
        // the election's ballot box never shows among resolution votes
        assertThat(anonymous.get(path("/votes")).expect(200).json().path("items")).isEmpty();
    }

    @Test
    void C5_aTermLapsesAtTheEndOfItsPeriodAndTheDepartmentDecidesAgain() {
        clock().set("2026-03-02T10:00:00+01:00");
        JsonNode term = department.post(path("/council-terms"), appointment(2026, 0, 1, 2, 3, 4)).expect(201).json();
        assertThat(term.path("endsOn").asText()).isEqualTo("2026-12-31");
        assertThat(term.path("inOffice").asBoolean()).isTrue();
        assertThat(term.path("expiring").asBoolean()).isFalse();

        // the council decides in 2026, the department may not
        String first = anonymous.post(path("/declarations"), Declarations.of("CIS Pierwszy")).expect(201).json()
                .path("id").asText();
        department.post(path("/declarations/" + first + "/decision"), accept()).expect(403);
        rep.get(0).post(path("/declarations/" + first + "/decision"), accept()).expect(200);
        assertThat(roles(rep.get(0))).contains("COUNCIL");

        // a later charter change does not move a sitting term's end: it was fixed when the term was installed
        Api.Reply charter = admin.get("/api/v1/konwents/" + konwent).expect(200);
        admin.put("/api/v1/konwents/" + konwent, Map.of("name", "Konwent " + konwent, "charter",
                Map.of("termYears", 3)), "If-Match", charter.header("ETag")).expect(200);
        assertThat(anonymous.get(path("/council-terms/2026")).expect(200).json().path("endsOn").asText())
                .isEqualTo("2026-12-31");

        // flagged as expiring in the last 60 days of its period (Poland's calendar), not before
        clock().set("2026-11-01T23:59:00+01:00");
        assertThat(anonymous.get(path("/council-terms/2026")).expect(200).json().path("expiring").asBoolean())
                .isFalse();
        clock().set("2026-11-02T00:01:00+01:00");
        assertThat(anonymous.get(path("/council-terms")).expect(200).json().path("items").get(0).path("expiring")
                .asBoolean()).isTrue();
        clock().set("2026-12-31T23:59:00+01:00");
        assertThat(anonymous.get(path("/council-terms/2026")).expect(200).json().path("inOffice").asBoolean())
                .isTrue();

        // 1 January 2027 in Warsaw: the term has lapsed, nobody holds COUNCIL by it, the department decides again
        clock().set("2027-01-01T00:00:00+01:00");
        String second = anonymous.post(path("/declarations"), Declarations.of("KIS Drugi")).expect(201).json()
                .path("id").asText();
        rep.get(0).post(path("/declarations/" + second + "/decision"), accept()).expect(403);
        assertThat(roles(rep.get(0))).doesNotContain("COUNCIL").contains("REPRESENTATIVE");
        department.post(path("/declarations/" + second + "/decision"), accept()).expect(200);
        JsonNode lapsed = anonymous.get(path("/council-terms/2026")).expect(200).json();
        assertThat(lapsed.path("inOffice").asBoolean()).isFalse();
        assertThat(lapsed.path("expiring").asBoolean()).isFalse();
        assertThat(anonymous.get(path("/council-terms")).expect(200).json().path("items").findValuesAsText("inOffice"))
                .containsOnly("false");
    }

    @Test
    void aForumWithAlternationOffElectsWithoutATieAndSkipsTheAlternation() {
        String forum = konwent + "-forum";
        admin.post("/api/v1/konwents", Map.of("id", forum, "name", "Forum", "charter",
                Map.of("alternation", false, "councilSize", 3))).expect(201);
        Api forumDepartment = Accounts.withRole(admin, anonymous, forum + "-dep", forum, "DEPARTMENT", null);
        List<String> regions = new ArrayList<>();
        for (String name : List.of("Konwent pomorski", "Konwent lubelski", "Konwent dolnośląski")) {
            regions.add(Declarations.acceptedMember(anonymous, forumDepartment, forum, name, "REGIONAL_KONWENT"));
        }
        String base = "/api/v1/konwents/" + forum;
        forumDepartment.post(base + "/council-terms", Map.of("year", 2024, "consultantName", "Departament",
                "seats", regions.stream().map(id -> Map.of("memberId", id, "holderName", "Przedstawiciel")).toList()))
                .expect(201);
        forumDepartment.post(base + "/council-terms/2024/officers", Map.of("chairMemberId", regions.get(0),
                "deputyMemberId", regions.get(1))).expect(200);

        String election = forumDepartment.unvalidatedRequest().post(base + "/elections", Map.of()).expect(422).json().path("errors")
                .get(0).path("field").asText();
        assertThat(election).isEqualTo("year");
        forumDepartment.post(base + "/elections", Map.of("year", 2025, "seats", 5)).expect(422);
        String id = forumDepartment.post(base + "/elections", Map.of("year", 2025)).expect(201).json().path("id")
                .asText();
        List<String> candidates = new ArrayList<>();
        for (String region : regions) {
            candidates.add(admin.post(base + "/elections/" + id + "/candidates", Map.of("memberId", region,
                    "personName", "Przedstawiciel", "nominatedBy", region)).expect(201).json().path("id").asText());
        }
        forumDepartment.post(base + "/elections/" + id + "/opening", null).expect(200);
        Accounts.withRole(admin, anonymous, forum + "-glos", forum, "REPRESENTATIVE",
                regions.get(0)).post(base + "/elections/" + id + "/ballots", Map.of("memberId", regions.get(0),
                "approve", candidates)).expect(201);
        JsonNode result = forumDepartment.post(base + "/elections/" + id + "/closing", null).expect(200).json();
        assertThat(result.path("outcome").asText()).isEqualTo("ELECTED");
        assertThat(result.path("seatsUndecided").asInt()).isZero();

        JsonNode term = forumDepartment.post(base + "/council-terms/2025/officers", Map.of(
                "chairMemberId", regions.get(2), "deputyMemberId", regions.get(0))).expect(200).json();
        assertThat(term.path("chair").path("memberKind").asText()).isEqualTo("REGIONAL_KONWENT");
    }

    @Test
    void electionsAreRefusedClearlyWhenTheyCannotProceed() {
        department.post(path("/council-terms"), appointment(2011, 0, 1, 2, 3, 4)).expect(201);
        Map<String, Object> tooFew = appointment(2011, 0, 1, 2, 3);
        department.post(path("/council-terms"), tooFew).expect(422);
        String election = department.post(path("/elections"), Map.of("year", 2013)).expect(201).json().path("id")
                .asText();
        department.post(path("/elections"), Map.of("year", 2011)).expect(409);
        anonymous.unvalidatedRequest().post(path("/elections"), Map.of("year", 2014)).expect(401);
        rep.get(7).post(path("/elections"), Map.of("year", 2014)).expect(403);
        nominate(election, 0, 0);
        assertThat(department.post(path("/elections/" + election + "/opening"), null).expect(422).json()
                .path("detail").asText()).contains("only 1 candidates have accepted");
        department.post(path("/elections/" + election + "/closing"), null).expect(409);
        rep.get(0).post(path("/elections/" + election + "/ballots"), ballot(0)).expect(409);
        anonymous.get(path("/elections/nie-ma")).expect(404);
        anonymous.unvalidatedRequest().get(path("/council-terms/dwa-tysiace")).expect(404);
        anonymous.get(path("/council-terms/1999")).expect(404);
        assertThat(anonymous.get(path("/elections")).expect(200).json().path("items").findValuesAsText("id"))
                .containsExactly(election);
    }

    private String path(String rest) {
        return "/api/v1/konwents/" + konwent + rest;
    }

    private String officers(int year) {
        return path("/council-terms/" + year + "/officers");
    }

    private String ballots(String election) {
        return path("/elections/" + election + "/ballots");
    }

    private String candidate(String election, String candidate) {
        return path("/elections/" + election + "/candidates/" + candidate);
    }

    private Map<String, Object> ballot(int member, String... approve) {
        return Map.of("memberId", m.get(member), "approve", List.of(approve));
    }

    private JsonNode nominate(String election, int member, int by) {
        return rep.get(by).post(path("/elections/" + election + "/candidates"), Map.of("memberId", m.get(member),
                "personName", "Osoba " + member, "nominatedBy", m.get(by))).expect(201).json();
    }

    private Map<String, Object> appointment(int year, int... seats) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int seat : seats) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("memberId", m.get(seat));
            entry.put("holderName", "Osoba " + seat);
            list.add(entry);
        }
        return Map.of("year", year, "seats", list, "consultantName", "Departament Pożytku Publicznego");
    }

    private static Map<String, Object> accept() {
        return Map.of("outcome", "ACCEPTED", "reason", "Spełnia warunki");
    }

    private static List<String> standing(JsonNode result, String standing) {
        List<String> ids = new ArrayList<>();
        result.path("ranking").forEach(r -> {
            if (r.path("standing").asText().equals(standing)) {
                ids.add(r.path("candidateId").asText());
            }
        });
        return ids;
    }

    private static long approvals(JsonNode result, String candidate) {
        for (JsonNode r : result.path("ranking")) {
            if (r.path("candidateId").asText().equals(candidate)) {
                return r.path("approvals").asLong();
            }
        }
        throw new AssertionError("no candidate " + candidate);
    }

    private static String candidateOf(JsonNode candidates, String member) {
        for (JsonNode c : candidates) {
            if (c.path("memberId").asText().equals(member)) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("no candidate for " + member);
    }

    private static List<String> roles(Api api) {
        return api.get("/api/v1/accounts/" + accountId(api) + "/roles").expect(200).json().path("items")
                .findValuesAsText("role");
    }

    private static String accountId(Api api) {
        return api.get("/api/v1/accounts/current").expect(200).json().path("id").asText();
    }
}
