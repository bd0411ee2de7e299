package pl.konwent.adapters.jdbi.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.jdbi.membership.JdbiMembers;
import pl.konwent.adapters.security.ExponentialElGamal;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.app.testing.Sealing;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.membership.Address;
import pl.konwent.domain.membership.Contact;
import pl.konwent.domain.membership.FoundingInstitution;
import pl.konwent.domain.membership.Member;
import pl.konwent.domain.membership.MemberKind;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.voting.Choice;
import pl.konwent.domain.voting.Majority;
import pl.konwent.domain.voting.ResolutionKind;
import pl.konwent.domain.voting.SecretBallots;
import pl.konwent.domain.voting.Tally;
import pl.konwent.domain.voting.Vote;
import pl.konwent.domain.voting.Votes;

/** Votes and ballots on every database engine. */
abstract class VotesContract {
    private static final Instant T0 = Instant.parse("2012-05-10T10:00:00.123Z");
    private static final KonwentId KRAJOWY = new KonwentId("krajowy");

    private Jdbi jdbi;
    private JdbiVotes votes;
    private JdbiMembers members;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabases.fresh(engine()).jdbi();
        votes = new JdbiVotes(jdbi, new SecureIdSource());
        members = new JdbiMembers(jdbi);
        new JdbiKonwents(jdbi).add(new Konwent(KRAJOWY, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1));
        for (String id : List.of("m1", "m2", "m3")) {
            members.add(member(id));
        }
    }

    @Test
    void aVoteRoundTripsAndOnlyADraftIsDeleted() {
        Vote draft = draft("v1", true);
        votes.add(draft);

        assertThat(votes.find(KRAJOWY, "v1")).contains(draft);
        assertThat(votes.list(KRAJOWY, Vote.State.DRAFT, PageRequest.first(10)).items()).containsExactly(draft);
        votes.open(draft.opened(T0.plusSeconds(1), 0), 1);
        assertThat(votes.deleteDraft(KRAJOWY, "v1")).isFalse();
        votes.add(draft("v2", false));
        assertThat(votes.deleteDraft(KRAJOWY, "v2")).isTrue();
        assertThat(votes.find(KRAJOWY, "v2")).isEmpty();
    }

    @Test
    void aBallotReadsItsKonwentAndVoteTogetherAndOnlyTheKonwentsOwnVote() {
        JdbiKonwents konwents = new JdbiKonwents(jdbi);
        KonwentId other = new KonwentId("inny");
        konwents.add(new Konwent(other, "Inny", null, null, Charter.defaults(), null, T0, T0, 1));
        Vote draft = draft("v1", true);
        votes.add(draft);
        votes.open(draft.opened(T0.plusSeconds(1), 0), 1);

        Votes.InKonwent found = votes.findWithKonwent(KRAJOWY, "v1").orElseThrow();
        assertThat(found.konwent()).isEqualTo(konwents.find(KRAJOWY).orElseThrow());
        assertThat(found.vote()).isEqualTo(votes.find(KRAJOWY, "v1"));
        assertThat(found.vote().orElseThrow().state()).isEqualTo(Vote.State.OPEN);
        assertThat(votes.findWithKonwent(KRAJOWY, "v2")).contains(
                new Votes.InKonwent(konwents.find(KRAJOWY).orElseThrow(), java.util.Optional.empty()));
        assertThat(votes.findWithKonwent(other, "v1")).contains(
                new Votes.InKonwent(konwents.find(other).orElseThrow(), java.util.Optional.empty()));
        assertThat(votes.findWithKonwent(new KonwentId("zaden"), "v1")).isEmpty();
    }

    @Test
    void openingFixesTheElectorsAndOnceOnly() {
        Vote draft = draft("v1", false);
        votes.add(draft);

        assertThat(votes.open(draft.opened(T0.plusSeconds(1), 0), 1)).isEqualTo(3);
        assertThat(votes.open(draft.opened(T0.plusSeconds(2), 0), 1)).isEqualTo(-1);
        members.add(member("m4"));
        Vote open = votes.find(KRAJOWY, "v1").orElseThrow();
        assertThat(open.electorate()).isEqualTo(3);
        assertThat(votes.cast(open, "m4", Choice.FOR)).isEqualTo(Votes.CastOutcome.NOT_AN_ELECTOR);
    }

    @Test
    void eachElectorCountsOnceAndOnlyWhileTheVoteIsOpen() {
        Vote draft = draft("v1", false);
        votes.add(draft);
        assertThat(votes.cast(draft, "m1", Choice.FOR)).isEqualTo(Votes.CastOutcome.NOT_OPEN);
        votes.open(draft.opened(T0.plusSeconds(1), 0), 1);
        Vote open = votes.find(KRAJOWY, "v1").orElseThrow();

        assertThat(votes.cast(open, "m1", Choice.FOR)).isEqualTo(Votes.CastOutcome.COUNTED);
        assertThat(votes.cast(open, "m1", Choice.AGAINST)).isEqualTo(Votes.CastOutcome.ALREADY_VOTED);
        assertThat(votes.cast(open, "m2", Choice.ABSTAIN)).isEqualTo(Votes.CastOutcome.COUNTED);
        assertThat(votes.hasVoted("v1", "m1")).isTrue();
        assertThat(votes.hasVoted("v1", "m3")).isFalse();
        assertThat(votes.turnout("v1")).isEqualTo(2);

        Vote closed = open.closed(T0.plusSeconds(60), null);
        assertThat(votes.replace(closed, open.version())).isTrue();
        assertThat(votes.cast(closed, "m3", Choice.FOR)).isEqualTo(Votes.CastOutcome.NOT_OPEN);
        assertThat(votes.tally(closed)).isEqualTo(new Tally(1, 0, 1, 3));
        assertThat(votes.namedBallots(closed)).extracting(Votes.NamedBallot::memberId).containsExactly("m1", "m2");
    }

    @Test
    void aVoteWhoseBallotsAreStoppedTakesNoneThoughStillOpenNamedOrSecret() {
        for (boolean secret : List.of(false, true)) {
            String id = secret ? "v-secret" : "v-named";
            Vote draft = draft(id, secret);
            votes.add(draft);
            votes.open(draft.opened(T0.plusSeconds(1), 0), 1);
            Vote open = votes.find(KRAJOWY, id).orElseThrow();
            SecretBallots sealed = Sealing.over(jdbi);
            sealed.opened(id);
            List<String> options = List.of("FOR", "AGAINST", "ABSTAIN");
            assertThat(secret ? sealed.cast(id, "m1", options, Set.of("FOR")) : votes.cast(open, "m1", Choice.FOR))
                    .isEqualTo(Votes.CastOutcome.COUNTED);

            votes.stopBallots(id, T0.plusSeconds(2));
            votes.stopBallots(id, T0.plusSeconds(3)); // again: nothing changes
            assertThat(votes.find(KRAJOWY, id).orElseThrow().state()).isEqualTo(Vote.State.OPEN);
            assertThat(secret ? sealed.cast(id, "m2", options, Set.of("FOR")) : votes.cast(open, "m2", Choice.FOR))
                    .isEqualTo(Votes.CastOutcome.NOT_OPEN);
            assertThat(votes.turnout(id)).isEqualTo(1);
        }
    }

    @Test
    void aSecretVoteStoresSealedBallotsOnlyAndOpensNothingButTheTotals() {
        Vote draft = draft("v1", true);
        votes.add(draft);
        votes.open(draft.opened(T0.plusSeconds(1), 0), 1);
        Vote open = votes.find(KRAJOWY, "v1").orElseThrow();
        SecretBallots secret = Sealing.over(jdbi);
        secret.opened("v1");
        List<String> options = List.of("FOR", "AGAINST", "ABSTAIN");
        assertThatThrownBy(() -> votes.cast(open, "m1", Choice.AGAINST)).isInstanceOf(IllegalArgumentException.class);
        assertThat(secret.cast("v1", "m1", options, Set.of("AGAINST"))).isEqualTo(Votes.CastOutcome.COUNTED);
        assertThat(secret.cast("v1", "m2", options, Set.of("AGAINST"))).isEqualTo(Votes.CastOutcome.COUNTED);
        assertThat(secret.cast("v1", "m2", options, Set.of("FOR"))).isEqualTo(Votes.CastOutcome.ALREADY_VOTED);

        assertThat(votes.namedBallots(open)).isEmpty();
        List<byte[]> sealed = jdbi.withHandle(h -> h.createQuery("SELECT sealed FROM sealed_ballot")
                .map((rs, ctx) -> rs.getBytes(1)).list());
        // V3: same choice, unrelated bytes; nothing in the row says which option is marked
        assertThat(sealed).hasSize(2).allSatisfy(b -> assertThat(b).hasSize(3 * ExponentialElGamal.CIPHERTEXT_BYTES));
        assertThat(sealed.get(0)).isNotEqualTo(sealed.get(1));
        for (int option = 0; option < 3; option++) {
            int from = option * ExponentialElGamal.CIPHERTEXT_BYTES;
            int to = from + ExponentialElGamal.CIPHERTEXT_BYTES;
            assertThat(java.util.Arrays.copyOfRange(sealed.get(0), from, to))
                    .isNotEqualTo(java.util.Arrays.copyOfRange(sealed.get(1), from, to));
        }
        assertThat(new JdbiUnitOfWork(jdbi).inTransaction(() -> secret.count("v1", options, true)))
                .containsExactly(Map.entry("FOR", 0L), Map.entry("AGAINST", 2L), Map.entry("ABSTAIN", 0L));
        byte[] wrapped = jdbi.withHandle(h -> h.createQuery("SELECT wrapped_key FROM ballot_key WHERE vote_id = 'v1'")
                .map((rs, ctx) -> rs.getBytes(1)).one());
        assertThat(wrapped).as("the private key is destroyed once the totals are stored").isNull();
    }

    @Test
    void aVoteAtAMeetingKeepsHowManyMembersWerePresentAndIsFoundByItsMeeting() {
        Vote draft = new Vote("v1", KRAJOWY, new Vote.Question("Plan pracy", ResolutionKind.WORK_PLAN, "Treść", false,
                Majority.SIMPLE, null, "meeting-1"), Vote.State.DRAFT, T0, null, null, 0, null, 1);
        votes.add(draft);
        votes.add(draft("v2", false));
        votes.open(draft.opened(T0.plusSeconds(1), 3), 1);
        Vote open = votes.find(KRAJOWY, "v1").orElseThrow();
        votes.cast(open, "m1", Choice.FOR);
        Vote closed = open.closed(T0.plusSeconds(60), 2);
        assertThat(votes.replace(closed, open.version())).isTrue();

        assertThat(votes.find(KRAJOWY, "v1").orElseThrow().present()).isEqualTo(2);
        assertThat(votes.tally(closed)).isEqualTo(new Tally(1, 0, 0, 3, 2));
        assertThat(votes.ofMeeting(KRAJOWY, "meeting-1")).extracting(Vote::id).containsExactly("v1");
    }

    private static Vote draft(String id, boolean secret) {
        return new Vote(id, KRAJOWY, new Vote.Question("Stanowisko", ResolutionKind.POSITION, "Treść", secret,
                Majority.ABSOLUTE, null, null), Vote.State.DRAFT, T0, null, null, 0, null, 1);
    }

    private static Member member(String id) {
        Address seat = new Address("ul. Społeczna 1", "00-001", "Warszawa", null);
        return new Member(id, KRAJOWY, "CIS " + id, MemberKind.CIS, new Contact(seat, null, null,
                new FoundingInstitution("Gmina", seat, null, null), List.of()), Member.Status.ACTIVE, T0, null, null,
                null, 1);
    }
}
