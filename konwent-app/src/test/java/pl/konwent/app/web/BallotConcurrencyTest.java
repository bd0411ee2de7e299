package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.adapters.security.ExponentialElGamal;
import pl.konwent.app.testing.Accounts;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * V1 under load, on MariaDB: 400 members vote at once, with duplicate ballots and retries mixed in, and every
 * member is counted exactly once and the tally opened from the sealed ballots is exact. Then V3: the stored data
 * of the secret vote holds no readable choice.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BallotConcurrencyTest {
    private static final int MEMBERS = 400;
    private static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.MARIADB);
    static final DropwizardAppExtension<KonwentConfiguration> APP =
            new DropwizardAppExtension<>(TestServer.over(DATABASE));

    @Test
    void hundredsOfConcurrentBallotsWithDuplicatesAndRetriesCountEachMemberOnce() throws Exception {
        Api anonymous = new Api(APP.getLocalPort());
        Api admin = anonymous.asAdmin();
        admin.post("/api/v1/konwents", Map.of("id", "tlum", "name", "Konwent liczny")).expect(201);
        Jdbi jdbi = DATABASE.jdbi();
        List<String> members = Crowds.members(jdbi, "tlum", MEMBERS);
        String token = anonymous.post("/api/v1/tokens", Map.of("username", "admin",
                "password", TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();
        Api voter = anonymous.withToken(token);
        String votes = "/api/v1/konwents/tlum/votes";
        String vote = voter.post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                "secret", true)).expect(201).json().path("id").asText();
        voter.post(votes + "/" + vote + "/opening", null).expect(200);
        Api voices = Accounts.representing(admin, anonymous, "glosy-tlumu", "tlum", members);

        Random random = new Random(42);
        List<Runnable> sends = new ArrayList<>();
        Map<String, String> choiceOf = new ConcurrentHashMap<>();
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger refusedAsDuplicate = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        for (String member : members) {
            String choice = List.of("FOR", "AGAINST", "ABSTAIN").get(random.nextInt(3));
            choiceOf.put(member, choice);
            String key = "ballot-" + member;
            Map<String, Object> ballot = Map.of("memberId", member, "choice", choice);
            int copies = 1 + random.nextInt(3);
            for (int copy = 0; copy < copies; copy++) {
                boolean withKey = copy == 0 || random.nextBoolean();
                sends.add(() -> {
                    Api.Reply reply = withKey
                            ? voices.post(votes + "/" + vote + "/ballots", ballot, "Idempotency-Key", key)
                            : voices.post(votes + "/" + vote + "/ballots", ballot);
                    if (reply.status() == 201 && reply.header("Idempotent-Replayed") == null) {
                        counted.incrementAndGet();
                    } else if (reply.status() == 201) {
                        replayed.incrementAndGet();
                    } else if (reply.status() == 409) {
                        refusedAsDuplicate.incrementAndGet();
                    } else {
                        unexpected.add(reply.status() + " " + reply.body());
                    }
                });
            }
        }
        Collections.shuffle(sends, random);
        Crowds.runAtOnce(sends, 32);

        assertThat(unexpected).isEmpty();
        assertThat(counted.get()).isEqualTo(MEMBERS);
        assertThat(counted.get() + replayed.get() + refusedAsDuplicate.get()).isEqualTo(sends.size());
        voter.post(votes + "/" + vote + "/closing", null).expect(200);
        JsonNode result = anonymous.get(votes + "/" + vote + "/result").expect(200).json();
        assertThat(result.path("turnout").asInt()).isEqualTo(MEMBERS);
        assertThat(result.path("counts").path("for").asLong()).isEqualTo(count(choiceOf, "FOR"));
        assertThat(result.path("counts").path("against").asLong()).isEqualTo(count(choiceOf, "AGAINST"));
        assertThat(result.path("counts").path("abstain").asLong()).isEqualTo(count(choiceOf, "ABSTAIN"));

        assertSecretBallotsCannotBeJoinedToMembers(jdbi, vote, members);
    }

    /** V3 at the storage level: what a database reader sees of the secret vote. */
    private static void assertSecretBallotsCannotBeJoinedToMembers(Jdbi jdbi, String vote, List<String> members) {
        jdbi.useHandle(handle -> {
            assertThat(handle.createQuery("SELECT COUNT(*) FROM ballot_choice WHERE vote_id = :vote")
                    .bind("vote", vote).mapTo(Integer.class).one()).as("no plaintext choice of a secret vote").isZero();
            List<String> sealedColumns = handle.createQuery("SELECT LOWER(column_name) FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE() AND table_name = 'sealed_ballot' ORDER BY column_name")
                    .mapTo(String.class).list();
            assertThat(sealedColumns).containsExactly("id", "sealed", "vote_id");
            List<String> castColumns = handle.createQuery("SELECT LOWER(column_name) FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE() AND table_name = 'ballot_cast' ORDER BY column_name")
                    .mapTo(String.class).list();
            assertThat(castColumns).containsExactly("member_id", "vote_id");
            // sealed ballots are keyed by random (version 4) UUIDs: no sequence number, no time, nothing to sort by;
            // each is three ciphertexts (one per option), all of one size and none repeated
            List<String> ids = handle.createQuery("SELECT id FROM sealed_ballot WHERE vote_id = :vote")
                    .bind("vote", vote).mapTo(String.class).list();
            assertThat(ids).hasSize(members.size()).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4));
            List<String> sealed = handle.createQuery("SELECT HEX(sealed) FROM sealed_ballot WHERE vote_id = :vote")
                    .bind("vote", vote).mapTo(String.class).list();
            assertThat(sealed).doesNotHaveDuplicates().allSatisfy(hex -> assertThat(hex).hasSize(2 * 3 * ExponentialElGamal.CIPHERTEXT_BYTES));
            assertThat(handle.createQuery("SELECT COUNT(*) FROM ballot_cast WHERE vote_id = :vote")
                    .bind("vote", vote).mapTo(Integer.class).one()).isEqualTo(members.size());
        });
    }

    private static long count(Map<String, String> choiceOf, String choice) {
        return choiceOf.values().stream().filter(choice::equals).count();
    }
}
