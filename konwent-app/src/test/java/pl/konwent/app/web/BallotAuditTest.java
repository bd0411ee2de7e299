package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * Issue 20: a ballot's audit entry is written in the ballot's own transaction (one commit). A counted ballot has
 * exactly one entry, the 201; a refused one still gets the entry of its refusal; and a ballot whose entry cannot be
 * written is neither stored nor acknowledged, so no acknowledged ballot lacks its entry and no entry says 201 for a
 * ballot that was not stored. Open and secret votes alike.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BallotAuditTest {
    private static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.H2);
    static final DropwizardAppExtension<KonwentConfiguration> APP =
            new DropwizardAppExtension<>(TestServer.over(DATABASE));
    private static final String ACTION = "POST /api/v1/konwents/{konwentId}/votes/{voteId}/ballots";

    @Test
    void aBallotAndItsAuditEntryAreStoredTogetherOrNotAtAll() {
        Api anonymous = new Api(APP.getLocalPort());
        Api admin = anonymous.asAdmin();
        admin.post("/api/v1/konwents", Map.of("id", "slad", "name", "Konwent śladu")).expect(201);
        Jdbi jdbi = DATABASE.jdbi();
        List<String> members = Crowds.members(jdbi, "slad", 4);
        Api voice = Accounts.representing(admin, anonymous, "glos-sladu", "slad", members);
        String votes = "/api/v1/konwents/slad/votes";
        for (boolean secret : List.of(false, true)) {
            String vote = admin.post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                    "secret", secret)).expect(201).json().path("id").asText();
            admin.post(votes + "/" + vote + "/opening", null).expect(200);
            String ballots = votes + "/" + vote + "/ballots";

            voice.post(ballots, Map.of("memberId", members.get(0), "choice", "FOR")).expect(201);
            assertThat(entries(jdbi, ballots + "/" + members.get(0))).as("secret: " + secret)
                    .containsExactly("201 " + ACTION + " glos-sladu");
            voice.post(ballots, Map.of("memberId", members.get(0), "choice", "AGAINST")).expect(409);
            assertThat(entries(jdbi, ballots)).as("the refusal is audited too").containsExactly("409 " + ACTION
                    + " glos-sladu");

            jdbi.useHandle(handle -> handle.execute("ALTER TABLE audit_entry RENAME TO audit_entry_away"));
            try {
                voice.post(ballots, Map.of("memberId", members.get(1), "choice", "FOR")).expect(500);
            } finally {
                jdbi.useHandle(handle -> handle.execute("ALTER TABLE audit_entry_away RENAME TO audit_entry"));
            }
            assertThat(voice.get(ballots + "/" + members.get(1)).expect(200).json().path("voted").asBoolean())
                    .as("a ballot whose audit entry could not be written is not stored").isFalse();
            int voters = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM ballot_cast WHERE "
                    + "vote_id = :vote").bind("vote", vote).mapTo(Integer.class).one());
            assertThat(voters).isEqualTo(1);

            voice.post(ballots, Map.of("memberId", members.get(1), "choice", "FOR")).expect(201);
            assertThat(entries(jdbi, ballots + "/" + members.get(1))).containsExactly("201 " + ACTION
                    + " glos-sladu");
        }
    }

    /** The audit entries of exactly this resource path: status, action and actor. */
    private static List<String> entries(Jdbi jdbi, String resource) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT status, action, actor_name FROM audit_entry "
                        + "WHERE resource = :resource ORDER BY at")
                .bind("resource", resource)
                .map((rs, ctx) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)).list());
    }
}
