package pl.konwent.domain.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import pl.konwent.domain.access.AccountId;
import pl.konwent.domain.access.Caller;
import pl.konwent.domain.access.Role;
import pl.konwent.domain.access.RoleGrant;
import pl.konwent.domain.konwent.Charter;
import pl.konwent.domain.konwent.Konwent;
import pl.konwent.domain.konwent.KonwentId;
import pl.konwent.domain.konwent.KonwentService;
import pl.konwent.domain.konwent.Konwents;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;
import pl.konwent.domain.shared.UnitOfWork;

/**
 * V4 as a property: whatever the order in which members' own REPRESENTATIVEs and the holders of their
 * authorisations try to vote, and the members revoke, an authorisation never yields two ballots for a member, a
 * ballot under it is always the member's one counted ballot, and nothing is cast under a revoked one.
 */
class ProxyBallotProperties {
    static final KonwentId K = new KonwentId("krajowy");
    static final Instant T0 = Instant.parse("2027-03-10T09:00:00Z");
    static final int MEMBERS = 3;
    static final AccountId HOLDER = new AccountId("00000000-0000-4000-8000-0000000000aa");

    /**
     * Each step is one attempt: {@code step % MEMBERS} is the member; {@code step / MEMBERS} says who: 0 its own
     * REPRESENTATIVE casts, 1 the holder casts, 2 the member revokes its authorisation.
     */
    @Property
    void V4_anAuthorisationNeverYieldsTwoBallotsForAMember(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 3 * MEMBERS - 1) Integer> steps,
            @ForAll boolean holderPresent) {
        World world = new World();
        world.present = holderPresent;
        Vote vote = world.vote;
        Map<String, Integer> counted = new HashMap<>();
        Set<String> revoked = new HashSet<>();
        for (int step : steps) {
            String member = "m" + (step % MEMBERS);
            int who = step / MEMBERS;
            if (who == 2) {
                try {
                    Authorisation current = world.authorisations.byMember.get(member);
                    ProxyRules.revocableUntilUsed(current, world.authorisations.used(current.id()));
                    world.authorisations.byMember.put(member, current.revoked(null, T0));
                    revoked.add(member);
                } catch (DomainException.Conflict expected) {
                    assertThat(world.authorisations.used(world.authorisations.byMember.get(member).id())
                            || revoked.contains(member)).isTrue();
                }
                continue;
            }
            Caller caller = who == 0 ? world.ownVoice(member) : world.holder();
            world.votes.castBy = caller.id().value();
            try {
                world.voting.cast(Optional.of(caller), K.value(), vote.id(), member, "FOR");
                counted.merge(member, 1, Integer::sum);
                assertThat(who == 0 || !revoked.contains(member)).as("no ballot under a revoked authorisation")
                        .isTrue();
                assertThat(who == 0 || holderPresent).as("only while the holder is present").isTrue();
            } catch (DomainException.Conflict | DomainException.Forbidden | DomainException.RuleViolation refused) {
                // refused: already voted, revoked, or the holder not present
            }
        }
        assertThat(counted.values()).allMatch(n -> n == 1);
        assertThat(world.votes.ballots.keySet()).isEqualTo(counted.keySet());
        assertThat(world.votes.ballots.keySet()).containsAll(world.authorisations.proxyBallots.keySet());
        for (Map.Entry<String, String> ballot : world.authorisations.proxyBallots.entrySet()) {
            assertThat(world.votes.ballots.get(ballot.getKey())).isEqualTo(HOLDER.value());
        }
    }

    /** VotingService over in-memory ports that keep V1's key as the database does. */
    static final class World {
        final MemoryVotes votes = new MemoryVotes();
        final MemoryAuthorisations authorisations = new MemoryAuthorisations();
        final Vote vote = new Vote("v1", K, new Vote.Question("Stanowisko", ResolutionKind.POSITION, "Treść", false,
                null, null, "meeting-1"), Vote.State.OPEN, T0, T0, null, MEMBERS, null, 1);
        boolean present = true;
        final VotingService voting;

        World() {
            votes.vote = vote;
            Konwent konwent = new Konwent(K, "Konwent", null, null, Charter.defaults(), null, T0, T0, 1);
            votes.konwent = konwent;
            Konwents konwents = new Konwents() {
                @Override
                public void add(Konwent k) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<Konwent> find(KonwentId id) {
                    return Optional.of(konwent);
                }

                @Override
                public Page<Konwent> list(PageRequest page) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean replace(Konwent revised, long expectedVersion) {
                    throw new UnsupportedOperationException();
                }
            };
            for (int i = 0; i < MEMBERS; i++) {
                String member = "m" + i;
                authorisations.byMember.put(member, new Authorisation("a" + i, K, member, Authorisation.Kind.PROXY,
                        HOLDER, "holder-member", "meeting-1", null, "Jan", "d" + i, "f" + i,
                        Authorisation.State.ACCEPTED, "ok", T0, T0, null, 2));
            }
            MeetingAttendance attendance = new MeetingAttendance() {
                @Override
                public Optional<Sitting> sitting(KonwentId k, String meetingId) {
                    return Optional.of(new Sitting(meetingId, true, MEMBERS));
                }

                @Override
                public boolean present(String meetingId, String memberId) {
                    return present;
                }
            };
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            voting = new VotingService(votes, null, attendance, new KonwentService(konwents, null, clock),
                    new FixedRules() {
                        private final Map<String, RulesInForce> fixed = new HashMap<>();

                        @Override
                        public void fix(String voteId, RulesInForce rules) {
                            fixed.put(voteId, rules);
                        }

                        @Override
                        public Optional<RulesInForce> of(String voteId) {
                            return Optional.ofNullable(fixed.get(voteId));
                        }
                    }, null,
                    null, new UnitOfWork() {
                        @Override
                        public <T> T inTransaction(Supplier<T> work) {
                            return work.get();
                        }
                    }, null, clock, authorisations);
        }

        Caller ownVoice(String member) {
            AccountId id = new AccountId("00000000-0000-4000-8000-00000000000" + member.charAt(1));
            return new Caller(id, "own-" + member, List.of(new RoleGrant("g" + member, id, K, Role.REPRESENTATIVE,
                    member, T0)));
        }

        Caller holder() {
            return new Caller(HOLDER, "holder", List.of(new RoleGrant("gh", HOLDER, K, Role.REPRESENTATIVE,
                    "holder-member", T0)));
        }
    }

    /** Ballots by member, who cast each; a second one for a member is refused, as ballot_cast's key does. */
    static final class MemoryVotes implements Votes {
        Vote vote;
        Konwent konwent;
        final Map<String, String> ballots = new HashMap<>();
        String castBy;

        @Override
        public CastOutcome cast(Vote v, String memberId, Choice choice) {
            if (ballots.containsKey(memberId)) {
                return CastOutcome.ALREADY_VOTED;
            }
            ballots.put(memberId, castBy);
            return CastOutcome.COUNTED;
        }

        @Override
        public Optional<Vote> find(KonwentId konwent, String id) {
            return Optional.of(vote);
        }

        @Override
        public Optional<InKonwent> findWithKonwent(KonwentId k, String id) {
            return Optional.of(new InKonwent(konwent, find(k, id)));
        }

        @Override
        public void add(Vote v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Vote> list(KonwentId konwent, Vote.State state, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replace(Vote revised, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopBallots(String voteId, java.time.Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Vote> ofMeeting(KonwentId konwent, String meetingId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deleteDraft(KonwentId konwent, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int open(Vote opened, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasVoted(String voteId, String memberId) {
            return ballots.containsKey(memberId);
        }

        @Override
        public Tally tally(Vote v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long turnout(String voteId) {
            return ballots.size();
        }

        @Override
        public List<NamedBallot> namedBallots(Vote v) {
            throw new UnsupportedOperationException();
        }
    }

    static final class MemoryAuthorisations implements Authorisations {
        final Map<String, Authorisation> byMember = new HashMap<>();
        final Map<String, String> proxyBallots = new HashMap<>();

        @Override
        public List<Authorisation> acceptedFor(KonwentId konwent, String memberId, AccountId holder) {
            Authorisation a = byMember.get(memberId);
            return a != null && a.holder().equals(holder) && a.state() == Authorisation.State.ACCEPTED ? List.of(a)
                    : List.of();
        }

        @Override
        public Optional<Authorisation> lock(KonwentId konwent, String id) {
            return byMember.values().stream().filter(a -> a.id().equals(id)).findFirst();
        }

        @Override
        public void recordBallot(String voteId, String memberId, String authorisationId) {
            proxyBallots.put(memberId, authorisationId);
        }

        @Override
        public boolean used(String authorisationId) {
            return proxyBallots.containsValue(authorisationId);
        }

        @Override
        public void add(Authorisation authorisation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Authorisation> find(KonwentId konwent, String id) {
            return lock(konwent, id);
        }

        @Override
        public Page<Authorisation> list(KonwentId konwent, Filter filter, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replace(Authorisation changed, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Authorisation> lockAcceptedProxiesOf(KonwentId konwent, AccountId holder, String exceptId) {
            throw new UnsupportedOperationException();
        }
    }
}
