package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pl.konwent.app.KonwentConfiguration;
import pl.konwent.app.testing.Api;
import pl.konwent.app.testing.Crowds;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.app.testing.TestServer;

/**
 * O3 under load, on MariaDB: 150 delegations of one or two persons race for a venue of 100 places, with repeated
 * requests mixed in. The venue is never overfilled, the meeting's sums agree with the stored delegations, and a
 * delegation was refused only when it did not fit.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegistrationConcurrencyTest {
    private static final int MEMBERS = 150;
    private static final int CAPACITY = 100;
    private static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.MARIADB);
    static final DropwizardAppExtension<KonwentConfiguration> APP =
            new DropwizardAppExtension<>(TestServer.over(DATABASE));

    @Test
    void concurrentDelegationsNeverOverfillTheVenue() throws Exception {
        Api anonymous = new Api(APP.getLocalPort());
        Api admin = anonymous.asAdmin();
        admin.post("/api/v1/konwents", Map.of("id", "zjazd", "name", "Konwent na zjeździe")).expect(201);
        Jdbi jdbi = DATABASE.jdbi();
        List<String> members = Crowds.members(jdbi, "zjazd", MEMBERS);
        String token = anonymous.post("/api/v1/tokens", Map.of("username", "admin",
                "password", TestServer.ADMIN_PASSWORD)).expect(201).json().path("token").asText();
        Api secretariat = anonymous.withToken(token);
        String meetings = "/api/v1/konwents/zjazd/meetings";
        String start = Instant.now().plusSeconds(30L * 24 * 3600).toString();
        String meeting = secretariat.post(meetings, Map.of("title", "Zjazd", "startsAt", start,
                "endsAt", Instant.parse(start).plusSeconds(6 * 3600).toString(), "venue", Map.of("name", "Aula"),
                "scope", "Ekonomia społeczna", "delegationLimit", 2, "capacity", CAPACITY)).expect(201).json()
                .path("id").asText();
        secretariat.post(meetings + "/" + meeting + "/invitation", null).expect(200);

        Random random = new Random(7);
        List<Runnable> sends = new ArrayList<>();
        AtomicInteger acceptedPersons = new AtomicInteger();
        List<Integer> refusedSizes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger duplicates = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        String registrations = meetings + "/" + meeting + "/registrations";
        for (String member : members) {
            int size = 1 + random.nextInt(2);
            Map<String, Object> delegation = Crowds.delegation(member, size);
            int copies = 1 + random.nextInt(2);
            for (int copy = 0; copy < copies; copy++) {
                sends.add(() -> {
                    Api.Reply reply = secretariat.post(registrations, delegation);
                    if (reply.status() == 201) {
                        acceptedPersons.addAndGet(size);
                    } else if (reply.status() == 409 && reply.body().contains("already registered")) {
                        duplicates.incrementAndGet();
                    } else if (reply.status() == 409 && reply.body().contains("holds " + CAPACITY)) {
                        refusedSizes.add(size);
                    } else {
                        unexpected.add(reply.status() + " " + reply.body());
                    }
                });
            }
        }
        Collections.shuffle(sends, random);
        Crowds.runAtOnce(sends, 24);

        assertThat(unexpected).isEmpty();
        JsonNode registered = anonymous.get(meetings + "/" + meeting).expect(200).json().path("registered");
        int stored = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM meeting_registration "
                + "WHERE meeting_id = :meeting").bind("meeting", meeting).mapTo(Integer.class).one());
        assertThat(registered.path("inPerson").asInt()).isEqualTo(acceptedPersons.get()).isLessThanOrEqualTo(CAPACITY);
        assertThat(registered.path("persons").asInt()).isEqualTo(acceptedPersons.get());
        assertThat(registered.path("members").asInt()).isEqualTo(stored);
        assertThat(refusedSizes).isNotEmpty();
        // places only ever decrease here: a refused delegation was larger than what was left even at the end
        int placesLeft = registered.path("placesLeft").asInt();
        assertThat(placesLeft).isEqualTo(CAPACITY - acceptedPersons.get());
        assertThat(refusedSizes).allSatisfy(size -> assertThat(size).isGreaterThan(placesLeft));
        assertThat(stored + duplicates.get() + refusedSizes.size()).isEqualTo(sends.size());
    }
}
