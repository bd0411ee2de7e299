package pl.konwent.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * V4 under contention, on MariaDB: for every member, its own REPRESENTATIVE and the holder of its accepted proxy
 * cast the member's ballot at the same moment, in an open and a secret vote, and exactly one of the two counts;
 * and a proxy's ballot racing its revocation ends either counted and unrevocable, or revoked and not counted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProxyBallotConcurrencyTest {
    private static final int MEMBERS = 30;
    private static final int AUTHORISING = MEMBERS / 2;
    private static final TestDatabases.TestDatabase DATABASE = TestDatabases.empty(TestDatabases.Engine.MARIADB);
    static final DropwizardAppExtension<KonwentConfiguration> APP =
            new DropwizardAppExtension<>(TestServer.over(DATABASE));

    private final Api anonymous = new Api(APP.getLocalPort());
    private final Api admin = anonymous.asAdmin();

    @Test
    void holderAndRepresentativeRacingForTheSameMemberCastItsBallotExactlyOnce() throws Exception {
        World world = world("wyscig");
        Api secretariat = world.secretariat();
        for (boolean secret : List.of(false, true)) {
            String vote = openVote(secretariat, world.konwent(), secret);
            Map<String, String> authorisations = acceptedProxies(world, Map.of("vote_id", vote));
            Random random = new Random(secret ? 7 : 11);
            Map<String, String> winner = new ConcurrentHashMap<>();
            Map<String, String> choiceOf = new ConcurrentHashMap<>();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            List<Runnable> sends = new ArrayList<>();
            for (int i = 0; i < AUTHORISING; i++) {
                String member = world.members().get(i);
                for (String who : List.of("own", "proxy")) {
                    String choice = List.of("FOR", "AGAINST", "ABSTAIN").get(random.nextInt(3));
                    Api voice = who.equals("own") ? world.own() : world.holder();
                    sends.add(() -> {
                        Api.Reply reply = voice.post(ballots(world.konwent(), vote), Map.of("memberId", member,
                                "choice", choice));
                        if (reply.status() == 201) {
                            if (winner.putIfAbsent(member, who) != null) {
                                unexpected.add("two ballots counted for " + member);
                            }
                            choiceOf.put(member, choice);
                        } else if (reply.status() != 409) {
                            unexpected.add(reply.status() + " " + reply.body());
                        }
                    });
                }
            }
            Collections.shuffle(sends, random);
            Crowds.runAtOnce(sends, 16);

            assertThat(unexpected).isEmpty();
            assertThat(winner).hasSize(AUTHORISING);
            secretariat.post("/api/v1/konwents/" + world.konwent() + "/votes/" + vote + "/closing", null).expect(200);
            JsonNode result = anonymous.get("/api/v1/konwents/" + world.konwent() + "/votes/" + vote + "/result")
                    .expect(200).json();
            assertThat(result.path("turnout").asInt()).isEqualTo(AUTHORISING);
            for (String choice : List.of("FOR", "AGAINST", "ABSTAIN")) {
                assertThat(result.path("counts").path(choice.toLowerCase(java.util.Locale.ROOT)).asLong())
                        .isEqualTo(choiceOf.values().stream().filter(choice::equals).count());
            }
            long proxied = winner.values().stream().filter("proxy"::equals).count();
            assertThat(proxyBallots(world.jdbi(), vote)).isEqualTo(proxied);
            if (!secret) {
                Map<String, String> castUnder = new HashMap<>();
                result.path("ballots").forEach(b -> castUnder.put(b.path("memberId").asText(),
                        b.path("castUnder").isNull() ? "own" : "proxy"));
                assertThat(castUnder).isEqualTo(winner);
            } else {
                assertThat(result.path("ballots").isNull()).isTrue();
                // V3: what is stored of a ballot under an authorisation says who voted through whom, never the choice
                List<String> columns = world.jdbi().withHandle(handle -> handle.createQuery("SELECT "
                                + "LOWER(column_name) FROM information_schema.columns WHERE table_schema = DATABASE() "
                                + "AND table_name = 'proxy_ballot' ORDER BY column_name")
                        .mapTo(String.class).list());
                assertThat(columns).containsExactly("authorisation_id", "member_id", "vote_id");
            }
            assertThat(authorisations).hasSize(AUTHORISING);
        }
    }

    @Test
    void aProxyBallotRacingItsRevocationEndsCountedOrRevokedNeverBoth() throws Exception {
        World world = world("odwolanie");
        String vote = openVote(world.secretariat(), world.konwent(), false);
        Map<String, String> authorisations = acceptedProxies(world, Map.of("vote_id", vote));
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> sends = new ArrayList<>();
        for (int i = 0; i < AUTHORISING; i++) {
            String member = world.members().get(i);
            String authorisation = authorisations.get(member);
            sends.add(() -> {
                int status = world.holder().post(ballots(world.konwent(), vote), Map.of("memberId", member,
                        "choice", "FOR")).status();
                if (status != 201 && status != 403 && status != 409) {
                    unexpected.add("ballot " + status);
                }
            });
            sends.add(() -> {
                int status = world.own().post("/api/v1/konwents/" + world.konwent() + "/authorisations/"
                        + authorisation + "/revocation", null).status();
                if (status != 200 && status != 409) {
                    unexpected.add("revocation " + status);
                }
            });
        }
        Collections.shuffle(sends, new Random(3));
        Crowds.runAtOnce(sends, 16);

        assertThat(unexpected).isEmpty();
        world.jdbi().useHandle(handle -> {
            for (Map.Entry<String, String> entry : authorisations.entrySet()) {
                String state = handle.createQuery("SELECT state FROM authorisation WHERE id = :id")
                        .bind("id", entry.getValue()).mapTo(String.class).one();
                int used = handle.createQuery("SELECT COUNT(*) FROM proxy_ballot WHERE authorisation_id = :id")
                        .bind("id", entry.getValue()).mapTo(Integer.class).one();
                int cast = handle.createQuery("SELECT COUNT(*) FROM ballot_cast WHERE vote_id = :vote "
                        + "AND member_id = :member").bind("vote", vote).bind("member", entry.getKey())
                        .mapTo(Integer.class).one();
                assertThat(state.equals("REVOKED") ? 0 : 1).as("member " + entry.getKey()).isEqualTo(used)
                        .isEqualTo(cast);
            }
        });
    }

    /**
     * A konwent of {@link #MEMBERS} members: one account is the REPRESENTATIVE of the first half ({@code own}),
     * another of the second half ({@code holder}), and a secretariat.
     */
    private World world(String konwent) {
        admin.post("/api/v1/konwents", Map.of("id", konwent, "name", "Konwent " + konwent, "charter",
                Map.of("organiserCompetition", false, "proxiesPerHolder", 10))).expect(201);
        Jdbi jdbi = DATABASE.jdbi();
        List<String> members = Crowds.members(jdbi, konwent, MEMBERS);
        Api own = Accounts.representing(admin, anonymous, konwent + "-wlasni", konwent,
                members.subList(0, AUTHORISING));
        Api holder = Accounts.representing(admin, anonymous, konwent + "-pelnomocnik", konwent,
                members.subList(AUTHORISING, MEMBERS));
        Api secretariat = Accounts.withRole(admin, anonymous, konwent + "-sek", konwent, "SECRETARIAT", null);
        return new World(konwent, jdbi, members, own, holder, secretariat);
    }

    private record World(String konwent, Jdbi jdbi, List<String> members, Api own, Api holder, Api secretariat) {
    }

    /**
     * Each of the first half authorises the holder (as the REPRESENTATIVE of its counterpart in the second half),
     * accepted: written straight into the table, as the race is the matter here, not the submission (which
     * ProxyVotingApiTest covers over HTTP). Returns the authorisation of each member.
     */
    private Map<String, String> acceptedProxies(World world, Map<String, String> scope) {
        String holderAccount = world.holder().get("/api/v1/accounts/current").expect(200).json().path("id").asText();
        Map<String, String> ids = new HashMap<>();
        world.jdbi().useHandle(handle -> {
            for (int i = 0; i < AUTHORISING; i++) {
                String id = UUID.randomUUID().toString();
                handle.createUpdate("INSERT INTO authorisation (id, konwent_id, member_id, kind, holder_account_id, "
                                + "holder_member_id, vote_id, signed_by, document_id, file_id, state, reason, "
                                + "submitted_at, decided_at, version) VALUES (:id, :konwent, :member, 'PROXY', "
                                + ":holder, :holderMember, :vote, 'Dyrektor', :document, :file, 'ACCEPTED', 'Zgodne', "
                                + "1, 2, 2)")
                        .bind("id", id).bind("konwent", world.konwent()).bind("member", world.members().get(i))
                        .bind("holder", holderAccount).bind("holderMember", world.members().get(AUTHORISING + i))
                        .bind("vote", scope.get("vote_id")).bind("document", UUID.randomUUID().toString())
                        .bind("file", UUID.randomUUID().toString())
                        .execute();
                ids.put(world.members().get(i), id);
            }
        });
        return ids;
    }

    private static String openVote(Api secretariat, String konwent, boolean secret) {
        String votes = "/api/v1/konwents/" + konwent + "/votes";
        String vote = secretariat.post(votes, Map.of("title", "Stanowisko", "kind", "POSITION", "text", "Treść",
                "secret", secret)).expect(201).json().path("id").asText();
        secretariat.post(votes + "/" + vote + "/opening", null).expect(200);
        return vote;
    }

    private static long proxyBallots(Jdbi jdbi, String vote) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM proxy_ballot WHERE vote_id = :vote")
                .bind("vote", vote).mapTo(Long.class).one());
    }

    private static String ballots(String konwent, String vote) {
        return "/api/v1/konwents/" + konwent + "/votes/" + vote + "/ballots";
    }
}
