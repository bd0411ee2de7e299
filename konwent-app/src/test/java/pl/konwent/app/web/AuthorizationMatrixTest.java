package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Councils;
import pl.konwent.app.testing.Declarations;
import pl.konwent.app.testing.TestDatabases.Engine;
import pl.konwent.app.testing.TestClock;
import pl.konwent.app.testing.TestServer;

/**
 * Every protected operation, called three ways: with no credentials (401), by a caller whose role does not
 * reach it (403, or 404 where the resource must stay invisible), and by one whose role does (2xx). A role in
 * one konwent must give nothing in another (OWASP API1/API5).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    /** Moved forward to close competitions; starts at the real time, so tokens and terms behave as usual. */
    static final TestClock CLOCK = new TestClock(java.time.Instant.now());
    static final DropwizardAppExtension<KonwentConfiguration> APP = TestServer.on(Engine.H2, CLOCK);

    private Api anonymous;
    private Api admin;
    private Api departmentHere;
    private Api departmentElsewhere;
    private Api representativeHere;
    private Api councilHere;
    private Api representativeOfMember;
    private Api secretariatHere;
    private final java.util.concurrent.atomic.AtomicInteger planYears = new java.util.concurrent.atomic.AtomicInteger(2040);
    private String target;
    /** V4: the account of a person of the member's delegation, its substitute. */
    private String substitute;
    private String member;
    private String departmentHereId;
    private Councils.Council council;
    private final java.util.concurrent.atomic.AtomicInteger electionYears = new java.util.concurrent.atomic.AtomicInteger(2030);

    /** One operation: how to call it, who may, who may not, and what the refused caller must get. */
    private record Case(Function<Api, Api.Reply> call, Function<AuthorizationMatrixTest, Api> allowed,
                        Function<AuthorizationMatrixTest, Api> refused, int refusedStatus, int allowedStatus) {
    }

    @BeforeAll
    void world() {
        anonymous = new Api(APP.getLocalPort());
        admin = anonymous.asAdmin();
        admin.post("/api/v1/konwents", Map.of("id", "tutaj", "name", "Konwent tutaj", "charter", Map.of("organiserCompetition", false))).expect(201);
        admin.post("/api/v1/konwents", Map.of("id", "gdzie-indziej", "name", "Konwent gdzie indziej")).expect(201);
        departmentHere = Accounts.withRole(admin, anonymous, "dep-tutaj", "tutaj", "DEPARTMENT", null);
        departmentHereId = departmentHere.get("/api/v1/accounts/current").expect(200).json().path("id").asText();
        departmentElsewhere = Accounts.withRole(admin, anonymous, "dep-obcy", "gdzie-indziej", "DEPARTMENT", null);
        representativeHere = Accounts.withRole(admin, anonymous, "rep-tutaj", "tutaj", "REPRESENTATIVE", "cis-a");
        target = Accounts.create(admin, "cel");
        admin.post("/api/v1/accounts/" + target + "/roles", Map.of("konwentId", "tutaj", "role", "SECRETARIAT"))
                .expect(201);
        council = Councils.appoint(admin, anonymous, departmentHere, "tutaj", "rada", Councils.thisYear(CLOCK));
        councilHere = council.any();
        member = Declarations.acceptedMember(anonymous, councilHere, "tutaj", "CIS Tutaj");
        representativeOfMember = Accounts.withRole(admin, anonymous, "rep-czlonka", "tutaj", "REPRESENTATIVE", member);
        secretariatHere = Accounts.withRole(admin, anonymous, "sekretariat", "tutaj", "SECRETARIAT", null);
        substitute = Accounts.create(admin, "zastepca");
    }

    Stream<Arguments> operations() {
        return Stream.of(
                op("POST /api/v1/konwents", api -> api.post("/api/v1/konwents", Map.of("id", "k" + uuid(), "name", "Nowy")),
                        t -> t.admin, t -> t.departmentHere, 403, 201),
                op("PUT /api/v1/konwents/{konwentId}", api -> api.put("/api/v1/konwents/tutaj", Map.of("name", "Konwent tutaj")),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 200),
                op("GET /api/v1/konwents/{konwentId}/audit", api -> api.get("/api/v1/konwents/tutaj/audit"),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 200),
                op("GET /api/v1/accounts", api -> api.get("/api/v1/accounts"),
                        t -> t.admin, t -> t.departmentHere, 403, 200),
                op("POST /api/v1/accounts", api -> api.post("/api/v1/accounts", Map.of("username", "u" + uuid(),
                                "password", Accounts.PASSWORD, "displayName", "Nowe konto")),
                        t -> t.departmentHere, t -> t.representativeHere, 403, 201),
                op("GET /api/v1/accounts/current", api -> api.get("/api/v1/accounts/current"),
                        t -> t.representativeHere, null, 0, 200),
                op("GET /api/v1/accounts/{accountId}", api -> api.get("/api/v1/accounts/" + target),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 404, 200),
                op("PUT /api/v1/accounts/{accountId}", api -> api.put("/api/v1/accounts/" + target, Map.of("displayName", "Cel",
                                "email", "cel@example.pl")),
                        t -> t.admin, t -> t.departmentHere, 403, 200),
                op("POST /api/v1/accounts/{accountId}/password", api -> api.post("/api/v1/accounts/" + target + "/password",
                                Map.of("newPassword", Accounts.PASSWORD)),
                        t -> t.admin, t -> t.departmentHere, 403, 204),
                op("POST /api/v1/accounts/{accountId}/enabling", api -> api.post("/api/v1/accounts/" + target + "/enabling", null),
                        t -> t.admin, t -> t.departmentHere, 403, 200),
                op("POST /api/v1/accounts/{accountId}/disabling", api -> api.post("/api/v1/accounts/" + target + "/disabling",
                                null), t -> t.admin, t -> t.departmentHere, 403, 200),
                op("GET /api/v1/accounts/{accountId}/roles", api -> api.get("/api/v1/accounts/" + target + "/roles"),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 404, 200),
                op("POST /api/v1/accounts/{accountId}/roles", api -> api.post("/api/v1/accounts/" + target + "/roles",
                                Map.of("konwentId", "tutaj", "role", "REPRESENTATIVE", "memberId", memberNamingTarget())),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 201),
                op("DELETE /api/v1/accounts/{accountId}/roles/{roleId}", this::revokeAFreshGrant,
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 204),
                op("DELETE /api/v1/tokens/current", api -> api.delete("/api/v1/tokens/current"),
                        t -> t.tokenOf("rep-tutaj"), null, 0, 204),
                op("GET /api/v1/konwents/{konwentId}/declarations",
                        api -> api.get("/api/v1/konwents/tutaj/declarations"),
                        t -> t.councilHere, t -> t.departmentElsewhere, 403, 200),
                op("GET /api/v1/konwents/{konwentId}/declarations/{declarationId}",
                        api -> api.get("/api/v1/konwents/tutaj/declarations/" + pendingDeclaration()),
                        t -> t.departmentHere, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/declarations/{declarationId}/decision",
                        api -> api.post("/api/v1/konwents/tutaj/declarations/" + pendingDeclaration() + "/decision",
                                Map.of("outcome", "REJECTED", "reason", "Test uprawnień")),
                        t -> t.councilHere, t -> t.departmentHere, 403, 200),
                op("PUT /api/v1/konwents/{konwentId}/members/{memberId}",
                        api -> api.put("/api/v1/konwents/tutaj/members/" + member, contact()),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/members/{memberId}/withdrawal",
                        api -> api.post("/api/v1/konwents/tutaj/members/" + freshMember() + "/withdrawal",
                                Map.of("reason", "Test uprawnień")),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 200),
                op("GET /api/v1/konwents/{konwentId}/members/{memberId}/personal-data",
                        api -> api.get("/api/v1/konwents/tutaj/members/" + member + "/personal-data"),
                        t -> t.representativeOfMember, t -> t.councilHere, 403, 200),
                op("DELETE /api/v1/konwents/{konwentId}/members/{memberId}/representatives/{representativeId}",
                        this::eraseAFreshRepresentative,
                        t -> t.departmentHere, t -> t.representativeHere, 403, 204),
                op("POST /api/v1/konwents/{konwentId}/votes",
                        api -> api.post("/api/v1/konwents/tutaj/votes", question()),
                        t -> t.councilHere, t -> t.departmentHere, 403, 201),
                op("PUT /api/v1/konwents/{konwentId}/votes/{voteId}",
                        api -> api.put("/api/v1/konwents/tutaj/votes/" + draftVote(), question()),
                        t -> t.councilHere, t -> t.representativeHere, 403, 200),
                op("DELETE /api/v1/konwents/{konwentId}/votes/{voteId}",
                        api -> api.delete("/api/v1/konwents/tutaj/votes/" + draftVote()),
                        t -> t.councilHere, t -> t.departmentElsewhere, 403, 204),
                op("POST /api/v1/konwents/{konwentId}/votes/{voteId}/opening",
                        api -> api.post("/api/v1/konwents/tutaj/votes/" + draftVote() + "/opening", null),
                        t -> t.councilHere, t -> t.representativeOfMember, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/votes/{voteId}/closing",
                        api -> api.post("/api/v1/konwents/tutaj/votes/" + openVote() + "/closing", null),
                        t -> t.councilHere, t -> t.departmentHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/votes/{voteId}/ballots",
                        api -> api.post("/api/v1/konwents/tutaj/votes/" + openVote() + "/ballots",
                                Map.of("memberId", member, "choice", "FOR")),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 201),
                op("GET /api/v1/konwents/{konwentId}/votes/{voteId}/non-voters",
                        api -> api.get("/api/v1/konwents/tutaj/votes/" + openVote() + "/non-voters"),
                        t -> t.secretariatHere, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/votes/{voteId}/reminders",
                        api -> api.post("/api/v1/konwents/tutaj/votes/" + openVote() + "/reminders", null),
                        t -> t.councilHere, t -> t.departmentHere, 403, 200),
                op("GET /api/v1/konwents/{konwentId}/authorisations",
                        api -> api.get("/api/v1/konwents/tutaj/authorisations"),
                        t -> t.councilHere, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/authorisations",
                        api -> api.post("/api/v1/konwents/tutaj/authorisations", authorisationInput()),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 201),
                op("GET /api/v1/konwents/{konwentId}/authorisations/{authorisationId}",
                        api -> api.get("/api/v1/konwents/tutaj/authorisations/" + submittedAuthorisation(false)),
                        t -> t.secretariatHere, t -> t.representativeHere, 404, 200),
                op("POST /api/v1/konwents/{konwentId}/authorisations/{authorisationId}/file",
                        api -> api.post("/api/v1/konwents/tutaj/authorisations/" + submittedAuthorisation(false)
                                + "/file?filename=p.pdf", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                        t -> t.representativeOfMember, t -> t.councilHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/authorisations/{authorisationId}/decision",
                        api -> api.post("/api/v1/konwents/tutaj/authorisations/" + submittedAuthorisation(true)
                                + "/decision", Map.of("outcome", "REJECTED", "reason", "Test uprawnień")),
                        t -> t.secretariatHere, t -> t.departmentHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/authorisations/{authorisationId}/revocation",
                        api -> api.post("/api/v1/konwents/tutaj/authorisations/" + submittedAuthorisation(false)
                                + "/revocation", null),
                        t -> t.representativeOfMember, t -> t.councilHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/council-terms",
                        api -> api.post("/api/v1/konwents/" + konwentWithMembersForDepartmentHere() + "/council-terms",
                                appointment()),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/council-terms/{year}/officers",
                        api -> api.post("/api/v1/konwents/tutaj/council-terms/" + Councils.thisYear(CLOCK)
                                + "/officers", Map.of(
                                "chairMemberId", council.memberIds().get(0), "deputyMemberId", council.memberIds().get(1))),
                        t -> t.councilHere, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/elections",
                        api -> api.post("/api/v1/konwents/tutaj/elections", Map.of("year", electionYears.incrementAndGet())),
                        t -> t.departmentHere, t -> t.representativeHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/elections/{electionId}/run-off",
                        api -> api.post(elections() + tiedElection() + "/run-off", null),
                        t -> t.councilHere, t -> t.representativeHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/elections/{electionId}/candidates",
                        api -> api.post(elections() + election(0) + "/candidates", Map.of("memberId", member,
                                "personName", "Anna Nowak", "nominatedBy", member)),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/elections/{electionId}/candidates/{candidateId}/acceptance",
                        api -> api.post(nominationOfMember() + "/acceptance", null),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/elections/{electionId}/candidates/{candidateId}/withdrawal",
                        api -> api.post(nominationOfMember() + "/withdrawal", null),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/elections/{electionId}/opening",
                        api -> api.post(elections() + election(5) + "/opening", null),
                        t -> t.councilHere, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/elections/{electionId}/ballots",
                        api -> api.post(elections() + openElection() + "/ballots", Map.of("memberId", member,
                                "approve", java.util.List.of())),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 201),
                op("GET /api/v1/konwents/{konwentId}/elections/{electionId}/non-voters",
                        api -> api.get(elections() + openElection() + "/non-voters"),
                        t -> t.departmentHere, t -> t.secretariatHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/elections/{electionId}/reminders",
                        api -> api.post(elections() + openElection() + "/reminders", null),
                        t -> t.councilHere, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/elections/{electionId}/closing",
                        api -> api.post(elections() + openElection() + "/closing", null),
                        t -> t.departmentHere, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/meetings",
                        api -> api.post(meetings(), meeting(days(30))),
                        t -> t.secretariatHere, t -> t.departmentHere, 403, 201),
                op("PUT /api/v1/konwents/{konwentId}/meetings/{meetingId}",
                        api -> api.put(meetings() + meeting(days(30), false), meeting(days(31))),
                        t -> t.secretariatHere, t -> t.representativeHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/meetings/{meetingId}/invitation",
                        api -> api.post(meetings() + meeting(days(30), false) + "/invitation", null),
                        t -> t.secretariatHere, t -> t.councilHere, 403, 200),
                op("GET /api/v1/konwents/{konwentId}/meetings/{meetingId}/invitations",
                        api -> api.get(meetings() + meeting(days(30), true) + "/invitations"),
                        t -> t.departmentHere, t -> t.representativeOfMember, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/meetings/{meetingId}/cancellation",
                        api -> api.post(meetings() + meeting(days(30), true) + "/cancellation",
                                Map.of("reason", "Test uprawnień")),
                        t -> t.secretariatHere, t -> t.departmentHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/meetings/{meetingId}/completion",
                        api -> api.post(meetings() + meeting(hoursAgo(1), true) + "/completion", null),
                        t -> t.secretariatHere, t -> t.councilHere, 403, 200),
                op("PUT /api/v1/konwents/{konwentId}/meetings/{meetingId}/attendance",
                        api -> api.put(meetings() + meeting(hoursAgo(1), true) + "/attendance",
                                Map.of("present", java.util.List.of(Map.of("memberId", member, "mode", "ONLINE")))),
                        t -> t.secretariatHere, t -> t.departmentElsewhere, 403, 200),
                op("GET /api/v1/konwents/{konwentId}/meetings/{meetingId}/registrations",
                        api -> api.get(meetings() + meeting(days(30), true) + "/registrations"),
                        t -> t.councilHere, t -> t.representativeOfMember, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/meetings/{meetingId}/registrations",
                        api -> api.post(meetings() + meeting(days(30), true) + "/registrations", delegation()),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 201),
                op("GET /api/v1/konwents/{konwentId}/meetings/{meetingId}/registrations/{memberId}",
                        api -> api.get(registration()),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 200),
                op("PUT /api/v1/konwents/{konwentId}/meetings/{meetingId}/registrations/{memberId}",
                        api -> api.put(registration(), delegation()),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 200),
                op("DELETE /api/v1/konwents/{konwentId}/meetings/{meetingId}/registrations/{memberId}",
                        api -> api.delete(registration()),
                        t -> t.representativeOfMember, t -> t.representativeHere, 403, 204),
                op("PUT /api/v1/konwents/{konwentId}/meetings/{meetingId}/communique",
                        api -> api.put(meetings() + heldMeeting() + "/communique", communique()),
                        t -> t.secretariatHere, t -> t.councilHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/meetings/{meetingId}/communique/sending",
                        api -> api.post(meetings() + communiqueWritten(false) + "/communique/sending", null),
                        t -> t.secretariatHere, t -> t.departmentHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/meetings/{meetingId}/communique/publication",
                        api -> api.post(meetings() + communiqueWritten(true) + "/communique/publication", null),
                        t -> t.secretariatHere, t -> t.departmentHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/meetings/{meetingId}/minutes",
                        api -> api.post(meetings() + heldMeeting() + "/minutes", null),
                        t -> t.secretariatHere, t -> t.departmentHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/organiser-competitions",
                        api -> api.post(competitions(), announcement()),
                        t -> t.departmentHere, t -> t.secretariatHere, 403, 201),
                op("GET /api/v1/konwents/{konwentId}/organiser-competitions/{competitionId}/applications",
                        api -> api.get(competitions() + competitionWithApplication().get(0) + "/applications"),
                        t -> t.departmentHere, t -> t.councilHere, 403, 200),
                op("GET /api/v1/konwents/{konwentId}/organiser-competitions/{competitionId}/applications/{applicationId}",
                        api -> {
                            java.util.List<String> ids = competitionWithApplication();
                            return api.get(competitions() + ids.get(0) + "/applications/" + ids.get(1));
                        },
                        t -> t.departmentHere, t -> t.secretariatHere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/organiser-competitions/{competitionId}/award",
                        api -> {
                            java.util.List<String> ids = competitionWithApplication();
                            CLOCK.advance(java.time.Duration.ofHours(2));
                            return api.post(competitions() + ids.get(0) + "/award", Map.of("applicationId", ids.get(1),
                                    "accountIds", java.util.List.of(target)));
                        },
                        t -> t.departmentHere, t -> t.councilHere, 403, 200),
                op("PUT /api/v1/konwents/{konwentId}/work-plans/{year}",
                        api -> api.put("/api/v1/konwents/tutaj/work-plans/" + planYears.incrementAndGet(), workPlan()),
                        t -> t.councilHere, t -> t.departmentHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/work-plans/{year}/vote",
                        api -> api.post("/api/v1/konwents/tutaj/work-plans/" + proposedPlan() + "/vote", null),
                        t -> t.councilHere, t -> t.secretariatHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/calendar/tasks",
                        api -> api.post("/api/v1/konwents/tutaj/calendar/tasks", Map.of("title", "Zadanie",
                                "dueOn", "2040-06-30")),
                        t -> t.councilHere, t -> t.representativeHere, 403, 201),
                op("POST /api/v1/konwents/{konwentId}/calendar/tasks/{taskId}/completion",
                        api -> api.post("/api/v1/konwents/tutaj/calendar/tasks/" + freshTask() + "/completion", null),
                        t -> t.departmentHere, t -> t.secretariatHere, 403, 200),
                op("DELETE /api/v1/konwents/{konwentId}/calendar/tasks/{taskId}",
                        api -> api.delete("/api/v1/konwents/tutaj/calendar/tasks/" + freshTask()),
                        t -> t.councilHere, t -> t.departmentElsewhere, 403, 204),
                op("PUT /api/v1/konwents/{konwentId}/members/{memberId}/konwent-link",
                        api -> api.put("/api/v1/konwents/tutaj/members/" + regionalMember() + "/konwent-link",
                                Map.of("konwentId", "gdzie-indziej")),
                        t -> t.departmentHere, t -> t.councilHere, 403, 200),
                op("DELETE /api/v1/konwents/{konwentId}/members/{memberId}/konwent-link",
                        api -> api.delete("/api/v1/konwents/tutaj/members/" + linkedMember() + "/konwent-link"),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 204),
                op("GET /api/v1/konwents/{konwentId}/webhooks", api -> api.get(WEBHOOKS),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/webhooks", api -> api.post(WEBHOOKS, webhook()),
                        t -> t.departmentHere, t -> t.councilHere, 403, 201),
                op("GET /api/v1/konwents/{konwentId}/webhooks/{webhookId}", api -> api.get(freshWebhook()),
                        t -> t.departmentHere, t -> t.secretariatHere, 403, 200),
                op("PUT /api/v1/konwents/{konwentId}/webhooks/{webhookId}",
                        api -> api.put(freshWebhook(), webhook()),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 200),
                op("DELETE /api/v1/konwents/{konwentId}/webhooks/{webhookId}", api -> api.delete(freshWebhook()),
                        t -> t.departmentHere, t -> t.representativeHere, 403, 204),
                op("POST /api/v1/konwents/{konwentId}/webhooks/{webhookId}/secret-rotation",
                        api -> api.post(freshWebhook() + "/secret-rotation", null),
                        t -> t.departmentHere, t -> t.councilHere, 403, 200),
                op("GET /api/v1/konwents/{konwentId}/webhooks/{webhookId}/deliveries",
                        api -> api.get(freshWebhook() + "/deliveries"),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 200),
                op("POST /api/v1/konwents/{konwentId}/webhooks/{webhookId}/ping",
                        api -> api.post(freshWebhook() + "/ping", null),
                        t -> t.departmentHere, t -> t.secretariatHere, 403, 202),
                op("POST /api/v1/konwents/{konwentId}/documents",
                        api -> api.post(documents(), document()),
                        t -> t.departmentHere, t -> t.councilHere, 403, 201),
                op("PUT /api/v1/konwents/{konwentId}/documents/{documentId}",
                        api -> api.put(documents() + freshDocument(), document()),
                        t -> t.departmentHere, t -> t.secretariatHere, 403, 200),
                op("DELETE /api/v1/konwents/{konwentId}/documents/{documentId}",
                        api -> api.delete(documents() + freshDocument()),
                        t -> t.departmentHere, t -> t.departmentElsewhere, 403, 204),
                op("POST /api/v1/konwents/{konwentId}/documents/{documentId}/files",
                        api -> api.post(documents() + freshDocument() + "/files", PDF, "Content-Type", "application/pdf"),
                        t -> t.departmentHere, t -> t.representativeHere, 403, 201),
                op("DELETE /api/v1/konwents/{konwentId}/documents/{documentId}/files/{fileId}",
                        api -> api.delete(fileOfAFreshDocument()),
                        t -> t.departmentHere, t -> t.councilHere, 403, 204),
                op("GET /api/v1/konwents/{konwentId}/archive-chain/verification",
                        api -> api.get("/api/v1/konwents/tutaj/archive-chain/verification"),
                        t -> t.councilHere, t -> t.representativeHere, 403, 200));
    }

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static String documents() {
        return "/api/v1/konwents/tutaj/documents/";
    }

    private static Map<String, Object> document() {
        return Map.of("title", "Stanowisko", "kind", "POSITION", "date", "2011-10-14");
    }

    private String freshDocument() {
        return admin.post(documents(), document()).expect(201).json().path("id").asText();
    }

    private String fileOfAFreshDocument() {
        String document = freshDocument();
        String file = admin.post(documents() + document + "/files", PDF, "Content-Type", "application/pdf")
                .expect(201).json().path("id").asText();
        return documents() + document + "/files/" + file;
    }

    private String regionalMember() {
        return Declarations.acceptedMember(anonymous, admin, "tutaj", "Konwent " + uuid(), "REGIONAL_KONWENT");
    }

    private String linkedMember() {
        String regional = regionalMember();
        admin.put("/api/v1/konwents/tutaj/members/" + regional + "/konwent-link", Map.of("konwentId", "gdzie-indziej"))
                .expect(200);
        return regional;
    }

    private static final String WEBHOOKS = "/api/v1/konwents/tutaj/webhooks";

    /** A subscription to a public address (TEST-NET-3) for an event nothing publishes in this test. */
    private static Map<String, Object> webhook() {
        return Map.of("url", "https://93.184.215.14/konwent", "events", java.util.List.of("document.published"));
    }

    private String freshWebhook() {
        return WEBHOOKS + "/" + admin.post(WEBHOOKS, webhook()).expect(201).json().path("id").asText();
    }

    private static String meetings() {
        return "/api/v1/konwents/tutaj/meetings/";
    }

    private static String competitions() {
        return "/api/v1/konwents/tutaj/organiser-competitions/";
    }

    private static java.time.Instant days(int days) {
        return CLOCK.instant().plus(java.time.Duration.ofDays(days));
    }

    private static java.time.Instant hoursAgo(int hours) {
        return CLOCK.instant().minus(java.time.Duration.ofHours(hours));
    }

    private static Map<String, Object> meeting(java.time.Instant startsAt) {
        return Map.of("title", "Posiedzenie", "startsAt", startsAt.toString(),
                "endsAt", startsAt.plus(java.time.Duration.ofHours(4)).toString(),
                "venue", Map.of("name", "Sala"), "scope", "Ekonomia społeczna", "delegationLimit", 2);
    }

    /** A meeting made by the ADMIN, PLANNED or, {@code invited}, with the members invited. */
    private String meeting(java.time.Instant startsAt, boolean invited) {
        String meeting = admin.post(meetings(), meeting(startsAt)).expect(201).json().path("id").asText();
        if (invited) {
            admin.post(meetings() + meeting + "/invitation", null).expect(200);
        }
        return meeting;
    }

    private String heldMeeting() {
        String meeting = meeting(hoursAgo(1), true);
        admin.post(meetings() + meeting + "/completion", null).expect(200);
        return meeting;
    }

    /** A held meeting with its communiqué written and, {@code sent}, sent to the department. */
    private String communiqueWritten(boolean sent) {
        String meeting = heldMeeting();
        admin.put(meetings() + meeting + "/communique", communique()).expect(201);
        if (sent) {
            admin.post(meetings() + meeting + "/communique/sending", null).expect(200);
        }
        return meeting;
    }

    private static Map<String, Object> communique() {
        return Map.of("title", "Komunikat", "text", "Treść komunikatu");
    }

    private Map<String, Object> delegation() {
        return Map.of("memberId", member, "persons", java.util.List.of(Map.of("name", "Anna Nowak")));
    }

    /** The member's delegation to a fresh invited meeting, registered by the ADMIN. */
    private String registration() {
        String meeting = meeting(days(30), true);
        admin.post(meetings() + meeting + "/registrations", delegation()).expect(201);
        return meetings() + meeting + "/registrations/" + member;
    }

    private Map<String, Object> announcement() {
        return Map.of("year", planYears.incrementAndGet(), "title", "Konkurs", "grantAmount", 1000,
                "deadline", CLOCK.instant().plus(java.time.Duration.ofHours(1)).toString());
    }

    /** A competition open for an hour and one anonymous application: their ids. */
    private java.util.List<String> competitionWithApplication() {
        String competition = admin.post(competitions(), announcement()).expect(201).json().path("id").asText();
        String application = anonymous.post(competitions() + competition + "/applications", Map.of(
                "institutionName", "Fundacja", "runs", java.util.List.of(Map.of("kind", "CIS", "name", "CIS Fundacji")),
                "offer", "Sala i catering", "contact", Map.of("name", "Jan Kowalski", "email", "jan@example.pl")))
                .expect(201).json().path("id").asText();
        return java.util.List.of(competition, application);
    }

    private static Map<String, Object> workPlan() {
        return Map.of("themes", java.util.List.of(Map.of("title", "Ekonomia społeczna")), "schedule", java.util.List.of());
    }

    /** An INTERNAL task of the konwent's calendar, added by the ADMIN. */
    private String freshTask() {
        return admin.post("/api/v1/konwents/tutaj/calendar/tasks", Map.of("title", "Zadanie " + uuid(), "dueOn",
                "2040-06-30")).expect(201).json().path("id").asText();
    }

    private int proposedPlan() {
        int year = planYears.incrementAndGet();
        admin.put("/api/v1/konwents/tutaj/work-plans/" + year, workPlan()).expect(201);
        return year;
    }

    private static String elections() {
        return "/api/v1/konwents/tutaj/elections/";
    }

    /** A NOMINATING election with the first {@code accepted} council members standing (self-nominated). */
    private String election(int accepted) {
        String election = admin.post("/api/v1/konwents/tutaj/elections", Map.of("year", electionYears.incrementAndGet()))
                .expect(201).json().path("id").asText();
        for (String seat : council.memberIds().subList(0, accepted)) {
            admin.post(elections() + election + "/candidates", Map.of("memberId", seat, "personName", "Osoba",
                    "nominatedBy", seat)).expect(201);
        }
        return election;
    }

    private String openElection() {
        String election = election(5);
        admin.post(elections() + election + "/opening", null).expect(200);
        return election;
    }

    /** Six candidates, no ballots: all tie, so the election closes with a tie at the last seat. */
    private String tiedElection() {
        String election = election(5);
        admin.post(elections() + election + "/candidates", Map.of("memberId", member, "personName", "Anna Nowak",
                "nominatedBy", member)).expect(201);
        admin.post(elections() + election + "/opening", null).expect(200);
        admin.post(elections() + election + "/closing", null).expect(200);
        return election;
    }

    /** The member nominated by a council member: NOMINATED until the member's REPRESENTATIVE accepts. */
    private String nominationOfMember() {
        String election = election(0);
        String candidate = admin.post(elections() + election + "/candidates", Map.of("memberId", member,
                "personName", "Anna Nowak", "nominatedBy", council.memberIds().get(0))).expect(201).json()
                .path("id").asText();
        return elections() + election + "/candidates/" + candidate;
    }

    /** A new konwent with five members in which the account dep-tutaj is the DEPARTMENT too. */
    private String konwentWithMembersForDepartmentHere() {
        String konwent = "nowy-" + uuid();
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent)).expect(201);
        admin.post("/api/v1/accounts/" + departmentHereId + "/roles", Map.of("konwentId", konwent,
                "role", "DEPARTMENT")).expect(201);
        freshKonwentMembers.clear();
        for (int i = 0; i < 5; i++) {
            freshKonwentMembers.add(Declarations.acceptedMember(anonymous, admin, konwent, "CIS " + uuid(),
                    i % 2 == 0 ? "CIS" : "KIS"));
        }
        return konwent;
    }

    private final java.util.List<String> freshKonwentMembers = new java.util.ArrayList<>();

    private Map<String, Object> appointment() {
        return Map.of("year", 2011, "consultantName", "Departament", "seats", freshKonwentMembers.stream()
                .map(id -> Map.of("memberId", id, "holderName", "Osoba")).toList());
    }

    @Test
    void everyOperationTheContractProtectsIsInThisMatrix() throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "openapi.yaml").toFile())
                .path("paths");
        Set<String> protectedOperations = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode security = operation.getValue().path("security");
            boolean anonymousAllowed = false;
            for (JsonNode alternative : security) {
                anonymousAllowed |= alternative.isEmpty();
            }
            if (operation.getValue().isObject() && operation.getValue().has("operationId")
                    && security.isArray() && !security.isEmpty() && !anonymousAllowed) {
                protectedOperations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> covered = operations().map(arguments -> ((Named<?>) arguments.get()[0]).getName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(covered).isEqualTo(protectedOperations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anonymousIsAskedForCredentials(Case operation) {
        Api.Reply reply = operation.call().apply(anonymous.unvalidatedRequest()).expect(401);

        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"konwent\"");
    }

    /** The operations some authenticated caller may not perform (all but those open to any account). */
    Stream<Arguments> restrictedOperations() {
        return operations().filter(arguments -> ((Case) ((Named<?>) arguments.get()[0]).getPayload()).refused() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restrictedOperations")
    void aRoleThatDoesNotReachIsRefused(Case operation) {
        operation.call().apply(operation.refused().apply(this)).expect(operation.refusedStatus());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void theRightRoleIsServed(Case operation) {
        operation.call().apply(operation.allowed().apply(this)).expect(operation.allowedStatus());
    }

    private Api tokenOf(String username) {
        String token = anonymous.post("/api/v1/tokens", Map.of("username", username, "password", Accounts.PASSWORD))
                .expect(201).json().path("token").asText();
        return anonymous.withToken(token);
    }

    private static Map<String, Object> question() {
        return Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść", "secret", false);
    }

    private String draftVote() {
        return councilHere.post("/api/v1/konwents/tutaj/votes", question()).expect(201).json().path("id").asText();
    }

    private String openVote() {
        String vote = draftVote();
        councilHere.post("/api/v1/konwents/tutaj/votes/" + vote + "/opening", null).expect(200);
        return vote;
    }

    /** V4: the member's authorisation of a substitute for a draft vote. */
    private Map<String, Object> authorisationInput() {
        return Map.of("memberId", member, "kind", "SUBSTITUTE", "holderAccountId", substitute, "voteId", draftVote(),
                "signedBy", "Dyrektor");
    }

    /** A SUBMITTED authorisation of the member; {@code withFile}: its signed file uploaded. */
    private String submittedAuthorisation(boolean withFile) {
        String id = representativeOfMember.post("/api/v1/konwents/tutaj/authorisations", authorisationInput())
                .expect(201).json().path("id").asText();
        if (withFile) {
            representativeOfMember.post("/api/v1/konwents/tutaj/authorisations/" + id + "/file?filename=p.pdf",
                    "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).expect(201);
        }
        return id;
    }

    private String pendingDeclaration() {
        return anonymous.post("/api/v1/konwents/tutaj/declarations", Declarations.of("CIS " + uuid())).expect(201)
                .json().path("id").asText();
    }

    private String freshMember() {
        return Declarations.acceptedMember(anonymous, councilHere, "tutaj", "CIS " + uuid());
    }

    private Api.Reply eraseAFreshRepresentative(Api caller) {
        String fresh = freshMember();
        String person = admin.get("/api/v1/konwents/tutaj/members/" + fresh).expect(200).json()
                .path("representatives").get(0).path("id").asText();
        return caller.delete("/api/v1/konwents/tutaj/members/" + fresh + "/representatives/" + person);
    }

    private static Map<String, Object> contact() {
        Map<String, Object> contact = new java.util.LinkedHashMap<>(Declarations.of("x"));
        contact.keySet().retainAll(java.util.List.of("address", "phone", "email", "foundingInstitution",
                "representatives"));
        return contact;
    }

    /** A new member that names the account {@code target} (cel@example.pl) its representative (A2). */
    private String memberNamingTarget() {
        return Declarations.acceptedMemberNaming(departmentHere, councilHere, "tutaj", "CIS " + uuid().substring(0, 8),
                "cel@example.pl");
    }

    /** Grants a role (as ADMIN) and revokes it with the caller under test. */
    private Api.Reply revokeAFreshGrant(Api caller) {
        String grant = admin.post("/api/v1/accounts/" + target + "/roles", Map.of("konwentId", "tutaj",
                "role", "REPRESENTATIVE", "memberId", "g" + uuid(), "reason", "test")).expect(201).json().path("id")
                .asText();
        return caller.delete("/api/v1/accounts/" + target + "/roles/" + grant);
    }

    private static Arguments op(String name, Function<Api, Api.Reply> call, Function<AuthorizationMatrixTest, Api> allowed,
                                Function<AuthorizationMatrixTest, Api> refused, int refusedStatus, int allowedStatus) {
        return Arguments.of(Named.of(name, new Case(call, allowed, refused, refusedStatus, allowedStatus)));
    }

    private static String uuid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
