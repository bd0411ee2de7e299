package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.voting.JdbiVotes;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.ResolutionKind;
import pl.konwent.domain.voting.Vote;

/**
 * Changeset 014 over the data secret votes stored before ballots were sealed (plaintext choices with no member):
 * a closed vote keeps exactly its counts, an open one carries its counts over and closing adds the sealed ballots
 * cast after the upgrade; no plaintext choice of a secret vote is left.
 */
class SecretBallotMigrationTest {
    private static final Instant T0 = Instant.parse("2026-05-10T10:00:00Z");
    private static final KonwentId KONWENT = new KonwentId("przed-szyfrowaniem");

    @Test
    void plaintextSecretChoicesBecomeCountsAndAnOpenVoteGoesOnSealed() throws Exception {
        TestDatabases.TestDatabase database = TestDatabases.empty(TestDatabases.Engine.H2);
        DataSafetyTest.migrate(database, "db/before-secret-ballots-changelog.xml");
        Jdbi jdbi = database.jdbi();
        DataSafetyTest.legacyKonwent(jdbi, KONWENT.value(), T0);
        List<String> members = List.of("m-1", "m-2", "m-3");
        DataSafetyTest.legacyMembers(jdbi, KONWENT.value(), members, true);
        JdbiVotes votes = new JdbiVotes(jdbi, new SecureIdSource());
        Vote closed = legacyVote(jdbi, votes, "v-zamkniete", members, List.of("FOR", "FOR", "AGAINST"));
        votes.replace(closed.closed(T0.plusSeconds(60), null), closed.version());
        legacyVote(jdbi, votes, "v-otwarte", members.subList(0, 1), List.of("ABSTAIN"));

        DropwizardTestSupport<KonwentConfiguration> server = TestServer.over(database);
        server.before();
        try {
            Api admin = new Api(server.getLocalPort()).asAdmin();
            // V6: the ADMIN never casts a member's ballot; one account is the three members' REPRESENTATIVE
            Api voice = Accounts.representing(admin, new Api(server.getLocalPort()), "glosy-migracji", KONWENT.value(),
                    members);
            String base = "/api/v1/konwents/" + KONWENT.value() + "/votes/";
            int plain = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ballot_choice").mapTo(Integer.class)
                    .one());
            assertThat(plain).as("no plaintext choice of a secret vote is left").isZero();
            assertCounts(admin.get(base + "v-zamkniete/result").expect(200).json(), 3, 2, 1, 0);
            JsonNode during = admin.get(base + "v-otwarte/result").expect(200).json();
            assertThat(during.path("turnout").asInt()).isEqualTo(1);
            assertThat(during.path("counts").isNull()).isTrue();

            voice.post(base + "v-otwarte/ballots", Map.of("memberId", members.get(1), "choice", "FOR")).expect(201);
            voice.post(base + "v-otwarte/ballots", Map.of("memberId", members.get(2), "choice", "ABSTAIN"))
                    .expect(201);
            voice.post(base + "v-otwarte/ballots", Map.of("memberId", members.get(0), "choice", "FOR")).expect(409);
            admin.post(base + "v-otwarte/closing", null).expect(200);
            assertCounts(admin.get(base + "v-otwarte/result").expect(200).json(), 3, 1, 0, 2);
            int sealed = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sealed_ballot WHERE vote_id = "
                    + "'v-otwarte'").mapTo(Integer.class).one());
            assertThat(sealed).isEqualTo(2);
        } finally {
            server.after();
        }
    }

    /** A secret vote opened and voted in as the release before 014 stored it: choices with no member. */
    private static Vote legacyVote(Jdbi jdbi, JdbiVotes votes, String id, List<String> voters, List<String> choices) {
        Vote draft = new Vote(id, KONWENT, new Vote.Question("Stanowisko " + id, ResolutionKind.POSITION, "Treść", true,
                Majority.SIMPLE, null, null), Vote.State.DRAFT, T0, null, null, 0, null, 1);
        votes.add(draft);
        votes.open(draft.opened(T0.plusSeconds(1), 0), draft.version());
        Vote open = votes.find(KONWENT, id).orElseThrow();
        jdbi.useHandle(handle -> {
            for (int i = 0; i < voters.size(); i++) {
                handle.execute("INSERT INTO ballot_cast (vote_id, member_id) VALUES (?, ?)", id, voters.get(i));
                handle.execute("INSERT INTO ballot_choice (id, vote_id, choice) VALUES (?, ?, ?)",
                        java.util.UUID.randomUUID().toString(), id, choices.get(i));
            }
        });
        return open;
    }

    private static void assertCounts(JsonNode result, int turnout, long forVotes, long against, long abstain) {
        assertThat(result.path("turnout").asInt()).isEqualTo(turnout);
        assertThat(result.path("counts").path("for").asLong()).isEqualTo(forVotes);
        assertThat(result.path("counts").path("against").asLong()).isEqualTo(against);
        assertThat(result.path("counts").path("abstain").asLong()).isEqualTo(abstain);
    }
}
