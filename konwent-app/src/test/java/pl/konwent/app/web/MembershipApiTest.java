package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import pl.konwent.app.testing.Councils;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestServer;

/** Membership over HTTP: rules M1–M5 and personal data. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MembershipApiTest {
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2);

    private Api anonymous;
    private Api admin;
    private Api department;
    private String konwent;

    @BeforeEach
    void aFreshKonwentWithItsDepartment() {
        anonymous = new Api(APP.getLocalPort());
        admin = anonymous.asAdmin();
        konwent = "m" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent)).expect(201);
        department = Accounts.withRole(admin, anonymous, konwent + "-dep", konwent, "DEPARTMENT", null);
    }

    @Test
    void M1_anyoneMaySubmitAndTheDeclarationWaitsForADecision() {
        Api.Reply submitted = anonymous.post(declarations(), Declarations.of("Centrum Integracji Społecznej w Pniewach"))
                .expect(201);

        JsonNode body = submitted.json();
        assertThat(body.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(body.path("memberName").asText()).isEqualTo("Centrum Integracji Społecznej w Pniewach");
        assertThat(body.path("representatives").get(0).path("id").asText()).isNotBlank();
        assertThat(submitted.header("Location")).endsWith(declarations() + "/" + body.path("id").asText());
        assertThat(department.get(declarations() + "?state=SUBMITTED").expect(200).json().path("items")).hasSize(1);
    }

    @Test
    void M1_everyTemplateFieldIsCheckedAndAllErrorsComeAtOnce() {
        Map<String, Object> bad = new LinkedHashMap<>(Declarations.of(""));
        bad.put("address", Map.of("street", "ul. Krótka 2", "postalCode", "62045", "town", "Pniewy", "voivodeship", "31"));
        bad.put("phone", "123");
        bad.put("email", "to-nie-email");
        bad.put("representatives", List.of(Map.of("name", "Bez Kontaktu")));
        bad.put("signedOn", LocalDate.now().plusDays(2).toString());

        Api.Reply refused = anonymous.unvalidatedRequest().post(declarations(), bad).expect(422);

        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("memberName",
                "address.postalCode", "address.voivodeship", "phone", "email", "representatives[0]", "signedOn");
        assertThat(department.get(declarations()).expect(200).json().path("items")).isEmpty();
    }

    @Test
    void M1_aDeclarationNeedsAtLeastOneRepresentative() {
        Map<String, Object> none = new LinkedHashMap<>(Declarations.of("CIS bez przedstawicieli"));
        none.put("representatives", List.of());

        Api.Reply refused = anonymous.unvalidatedRequest().post(declarations(), none).expect(422);

        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("representatives");
    }

    @Test
    void aSecondPendingDeclarationOfTheSameOrganisationIsAConflict() {
        anonymous.post(declarations(), Declarations.of("CIS „Przystań” Barlinek")).expect(201);

        anonymous.post(declarations(), Declarations.of("cis przystan  BARLINEK")).expect(409);
    }

    @Test
    void M3_afterTheDeadlineDeclarationsAreRefusedWithTheRule() {
        admin.put("/api/v1/konwents/" + konwent, Map.of("name", "Konwent", "declarationDeadline", "2011-03-31"))
                .expect(200);

        Api.Reply late = anonymous.post(declarations(), Declarations.of("CIS spóźniony")).expect(422);

        assertThat(late.json().path("type").asText()).isEqualTo("/problems/rule-violation");
        assertThat(late.json().path("detail").asText()).contains("M3", "2011-03-31");
    }

    @Test
    void M2_beforeThereIsACouncilTheDepartmentDecidesAndAcceptingMakesTheMember() {
        String id = anonymous.post(declarations(), Declarations.of("KIS Tczew")).expect(201).json().path("id").asText();

        JsonNode decided = department.post(declarations() + "/" + id + "/decision",
                Map.of("outcome", "ACCEPTED", "reason", "Deklaracja kompletna")).expect(200).json();

        assertThat(decided.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(decided.path("decision").path("decidedBy").asText()).isEqualTo(konwent + "-dep");
        String memberId = decided.path("memberId").asText();
        JsonNode member = anonymous.get(members() + "/" + memberId).expect(200).json();
        assertThat(member.path("name").asText()).isEqualTo("KIS Tczew");
        assertThat(member.path("status").asText()).isEqualTo("ACTIVE");
        department.post(declarations() + "/" + id + "/decision", Map.of("outcome", "REJECTED", "reason", "Jednak nie"))
                .expect(409);
    }

    @Test
    void M2_onceACouncilExistsItDecidesAndTheDepartmentNoLonger() {
        Api council = Councils.appoint(admin, anonymous, department, konwent, konwent + "-rada",
                Councils.thisYear()).any();
        String first = anonymous.post(declarations(), Declarations.of("CIS Bytów")).expect(201).json().path("id").asText();
        String second = anonymous.post(declarations(), Declarations.of("CIS Miastko")).expect(201).json().path("id").asText();

        department.post(declarations() + "/" + first + "/decision", Map.of("outcome", "ACCEPTED", "reason", "Tak"))
                .expect(403);
        JsonNode rejected = council.post(declarations() + "/" + second + "/decision",
                Map.of("outcome", "REJECTED", "reason", "Podmiot nie jest CIS ani KIS")).expect(200).json();

        assertThat(rejected.path("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("memberId").isNull()).isTrue();
        JsonNode register = anonymous.get(members()).expect(200).json().path("items");
        assertThat(register).hasSize(5);
        assertThat(register.toString()).doesNotContain("CIS Miastko");
        admin.unvalidatedRequest().post(declarations() + "/" + first + "/decision", Map.of("outcome", "MAYBE",
                "reason", "")).expect(422);
    }

    @Test
    void M5_theRegisterIsPublicWithoutPersonalDataAndFullForThoseEntitled() {
        String memberId = Declarations.acceptedMember(anonymous, department, konwent, "CIS Pniewy");
        Api representative = Accounts.withRole(admin, anonymous, konwent + "-rep", konwent, "REPRESENTATIVE", memberId);
        Api stranger = Accounts.withRole(admin, anonymous, konwent + "-obcy", konwent, "REPRESENTATIVE", "ktos-inny");

        String publicBody = anonymous.get(members() + "/" + memberId).expect(200).body();
        assertThat(publicBody).contains("\"view\":\"PUBLIC\"", "Gmina Pniewy")
                .doesNotContain("Anna Nowak", "anna@example.pl", "+48", "cis@example.pl", "gmina@example.pl");
        assertThat(stranger.get(members()).expect(200).body()).doesNotContain("Anna Nowak", "anna@example.pl");
        for (Api entitled : List.of(department, representative, admin)) {
            assertThat(entitled.get(members() + "/" + memberId).expect(200).json().path("representatives").get(0)
                    .path("email").asText()).isEqualTo("anna@example.pl");
        }
    }

    @Test
    void M5_theRegisterFiltersBySearchKindRegionTownAndStatus() {
        Declarations.acceptedMember(anonymous, department, konwent, "Centrum Integracji Społecznej Łódź");
        Map<String, Object> kis = new LinkedHashMap<>(Declarations.of("Klub Integracji Społecznej Suwałki"));
        kis.put("kind", "KIS");
        kis.put("address", Map.of("street", "ul. Kościuszki 1", "postalCode", "16-400", "town", "Suwałki",
                "voivodeship", "20"));
        String kisId = department.post(declarations(), kis).expect(201).json().path("id").asText();
        department.post(declarations() + "/" + kisId + "/decision", Map.of("outcome", "ACCEPTED", "reason", "Tak"))
                .expect(200);

        assertThat(names("?q=lodz")).containsExactly("Centrum Integracji Społecznej Łódź");
        assertThat(names("?kind=KIS")).containsExactly("Klub Integracji Społecznej Suwałki");
        assertThat(names("?voivodeship=20")).containsExactly("Klub Integracji Społecznej Suwałki");
        assertThat(names("?town=SUWALKI")).containsExactly("Klub Integracji Społecznej Suwałki");
        assertThat(names("?status=WITHDRAWN")).isEmpty();
        assertThat(names("")).hasSize(2);
        anonymous.unvalidatedRequest().get(members() + "?kind=FUNDACJA").expect(422);
    }

    @Test
    void M5_theDepartmentExportsTheRegisterAsCsvWithPolishLetters() {
        Declarations.acceptedMember(anonymous, department, konwent, "Centrum Integracji Społecznej „Przystań” Barlinek");

        Api.Reply csv = department.get(members(), "Accept", "text/csv").expect(200);

        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF\"id\",\"name\"").contains("„Przystań” Barlinek", "anna@example.pl");
        assertThat(csv.body().getBytes(StandardCharsets.UTF_8)).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(csv.body().split("\r\n")).hasSize(2);
        Api council = Councils.appoint(admin, anonymous, department, konwent, konwent + "-rada",
                Councils.thisYear()).any();
        council.get(members(), "Accept", "text/csv").expect(403);
        anonymous.unvalidatedRequest().get(members(), "Accept", "text/csv").expect(401);
    }

    @Test
    void aRepresentativeUpdatesItsOwnMemberWithIfMatchButNoOther() {
        String memberId = Declarations.acceptedMember(anonymous, department, konwent, "CIS Pniewy");
        String otherId = Declarations.acceptedMember(anonymous, department, konwent, "CIS Szamotuły");
        Api representative = Accounts.withRole(admin, anonymous, konwent + "-rep", konwent, "REPRESENTATIVE", memberId);
        Api.Reply read = representative.get(members() + "/" + memberId).expect(200);
        String keptId = read.json().path("representatives").get(0).path("id").asText();
        Map<String, Object> contact = contact(List.of(Map.of("id", keptId, "name", "Anna Nowak-Zielińska",
                "email", "anna.z@example.pl"), Map.of("name", "Piotr Wiśniewski", "phone", "+48 601 000 000")));

        JsonNode updated = representative.put(members() + "/" + memberId, contact, "If-Match", read.header("ETag"))
                .expect(200).json();

        assertThat(updated.path("representatives").findValuesAsText("name"))
                .containsExactly("Anna Nowak-Zielińska", "Piotr Wiśniewski");
        assertThat(updated.path("representatives").get(0).path("id").asText()).isEqualTo(keptId);
        representative.put(members() + "/" + memberId, contact, "If-Match", read.header("ETag")).expect(412);
        representative.put(members() + "/" + otherId, contact).expect(403);
        representative.put(members() + "/" + memberId, contact(List.of(Map.of("id", "obcy", "name", "X",
                "email", "x@example.pl")))).expect(422);
    }

    @Test
    void M4_aWithdrawnMemberKeepsItsPlaceInTheRegisterButNoLongerCounts() {
        String memberId = Declarations.acceptedMember(anonymous, department, konwent, "CIS Tychy");
        Declarations.acceptedMember(anonymous, department, konwent, "CIS Mikołów");
        Api representative = Accounts.withRole(admin, anonymous, konwent + "-rep", konwent, "REPRESENTATIVE", memberId);

        JsonNode withdrawn = representative.post(members() + "/" + memberId + "/withdrawal",
                Map.of("reason", "Likwidacja centrum")).expect(200).json();

        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("withdrawnAt").asText()).isNotBlank();
        assertThat(names("?status=ACTIVE")).containsExactly("CIS Mikołów");
        assertThat(names("?status=WITHDRAWN")).containsExactly("CIS Tychy");
        representative.post(members() + "/" + memberId + "/withdrawal", Map.of("reason", "Znowu")).expect(409);
    }

    @Test
    void personalDataIsExportedToTheMemberAndErasedWithoutBreakingTheRegister() {
        String memberId = Declarations.acceptedMember(anonymous, department, konwent, "CIS Jaworzno");
        Api representative = Accounts.withRole(admin, anonymous, konwent + "-rep", konwent, "REPRESENTATIVE", memberId);

        JsonNode data = representative.get(members() + "/" + memberId + "/personal-data").expect(200).json();
        assertThat(data.path("member").path("representatives").get(0).path("name").asText()).isEqualTo("Anna Nowak");
        assertThat(data.path("declarations").get(0).path("signedBy").asText()).isEqualTo("Jan Kowalski");
        String personId = data.path("member").path("representatives").get(0).path("id").asText();

        department.delete(members() + "/" + memberId + "/representatives/" + personId).expect(204);

        JsonNode after = representative.get(members() + "/" + memberId + "/personal-data").expect(200).json();
        assertThat(after.toString()).doesNotContain("Anna Nowak", "anna@example.pl");
        assertThat(after.path("member").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(names("")).containsExactly("CIS Jaworzno");
        department.delete(members() + "/" + memberId + "/representatives/" + personId).expect(404);
        anonymous.unvalidatedRequest().get(members() + "/" + memberId + "/personal-data").expect(401);
    }

    private List<String> names(String query) {
        List<String> names = new java.util.ArrayList<>();
        anonymous.get(members() + query).expect(200).json().path("items")
                .forEach(member -> names.add(member.path("name").asText()));
        return names;
    }

    private static Map<String, Object> contact(List<Map<String, Object>> representatives) {
        Map<String, Object> contact = new LinkedHashMap<>(Declarations.of("x"));
        contact.keySet().retainAll(List.of("address", "phone", "email", "foundingInstitution"));
        contact.put("representatives", representatives);
        return contact;
    }

    private String declarations() {
        return "/api/v1/konwents/" + konwent + "/declarations";
    }

    private String members() {
        return "/api/v1/konwents/" + konwent + "/members";
    }
}
