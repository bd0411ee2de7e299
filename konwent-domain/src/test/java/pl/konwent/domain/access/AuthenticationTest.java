package pl.konwent.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.shared.MemoryAttempts;
import pl.konwent.domain.shared.DomainException;
import pl.konwent.domain.shared.IdSource;
import pl.konwent.domain.shared.Page;
import pl.konwent.domain.shared.PageRequest;

class AuthenticationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final AccountId ANNA = new AccountId("00000000-0000-0000-0000-00000000000a");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeAccounts accounts = new FakeAccounts();
    private final FakeTokens tokens = new FakeTokens();
    private final PasswordHasher plainHasher = new PasswordHasher() {
        @Override
        public String hash(String password) {
            return "hashed:" + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash.equals("hashed:" + password);
        }
    };
    private final IdSource ids = new IdSource() {
        @Override
        public UUID newId() {
            return UUID.randomUUID();
        }

        @Override
        public byte[] secretBytes(int length) {
            byte[] bytes = new byte[length];
            bytes[0] = (byte) tokens.stored.size();
            return bytes;
        }
    };
    private final Authentication authentication = new Authentication(accounts, new NoGrants(), tokens, plainHasher,
            new LoginThrottle(new MemoryAttempts(), clock, Duration.ofMinutes(15), Duration.ofSeconds(1), 3, 10), ids, clock,
            Duration.ofHours(12));

    @Test
    void aTokenIsStoredOnlyAsItsHashAndLeadsBackToItsAccount() {
        accounts.add(anna(true), null);

        Authentication.IssuedToken issued = authentication.login("anna", "dobre-haslo-anny", "10.0.0.1");

        assertThat(tokens.stored).doesNotContainKey(issued.token()).containsKey(Authentication.hashOf(issued.token()));
        assertThat(issued.token()).hasSize(43);
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(authentication.byToken(issued.token()).map(Caller::username)).contains("anna");
    }

    @Test
    void anExpiredTokenOrADisabledAccountAuthenticatesNobody() {
        accounts.add(anna(true), null);
        String token = authentication.login("anna", "dobre-haslo-anny", "10.0.0.1").token();

        clock.now = NOW.plus(Duration.ofHours(12));
        assertThat(authentication.byToken(token)).isEmpty();

        clock.now = NOW;
        accounts.replace(anna(false), 1);
        assertThat(authentication.byToken(token)).isEmpty();
        assertThat(authentication.byPassword("anna", "dobre-haslo-anny", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresFromOneAddressMakeThatAddressWaitLongerEachTimeButNotTheUserElsewhere() {
        accounts.add(anna(true), null);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> authentication.login("anna", "zle-haslo", "10.6.6.6"))
                    .isInstanceOf(DomainException.Unauthenticated.class);
        }

        assertThatThrownBy(() -> authentication.login("anna", "dobre-haslo-anny", "10.6.6.6"))
                .isInstanceOfSatisfying(DomainException.TooManyAttempts.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1L));
        assertThat(authentication.login("anna", "dobre-haslo-anny", "10.0.0.2").token()).isNotBlank();

        clock.now = NOW.plusSeconds(1);
        assertThatThrownBy(() -> authentication.login("anna", "zle-haslo", "10.6.6.6"))
                .isInstanceOf(DomainException.Unauthenticated.class);
        assertThatThrownBy(() -> authentication.login("anna", "zle-haslo", "10.6.6.6"))
                .isInstanceOfSatisfying(DomainException.TooManyAttempts.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(2L));
        clock.now = NOW.plusSeconds(3);
        assertThat(authentication.login("anna", "dobre-haslo-anny", "10.6.6.6").token()).isNotBlank();
        assertThat(authentication.login("anna", "dobre-haslo-anny", "10.6.6.6").token()).isNotBlank();
    }

    @Test
    void aUsernameIsOneUserAndOneThrottleKeyWhateverItsCaseSpacesOrUnicodeForm() {
        accounts.add(anna(true), null);
        assertThat(authentication.login(" Anna\t", "dobre-haslo-anny", "10.0.0.1").token()).isNotBlank();

        for (String guise : List.of("anna", "anna   ", "ANNA")) {
            assertThatThrownBy(() -> authentication.login(guise, "zle-haslo", "10.6.6.6"))
                    .isInstanceOf(DomainException.Unauthenticated.class);
        }
        assertThatThrownBy(() -> authentication.login("anna      ", "zle-haslo", "10.6.6.6"))
                .isInstanceOf(DomainException.TooManyAttempts.class);
        assertThat(Usernames.normal("Zo\u0065\u0301")).isEqualTo("zo\u00e9");
    }

    @Test
    void oneAddressGuessingManyUsernamesIsRefusedToo() {
        for (int i = 0; i < 10; i++) {
            assertThat(authentication.byPassword("user" + i, "haslo", "10.9.9.9")).isEmpty();
        }

        assertThatThrownBy(() -> authentication.byPassword("anna", "dobre-haslo-anny", "10.9.9.9"))
                .isInstanceOf(DomainException.TooManyAttempts.class);
    }

    @Test
    void logoutEndsTheToken() {
        accounts.add(anna(true), null);
        String token = authentication.login("anna", "dobre-haslo-anny", "10.0.0.1").token();

        authentication.logout(token);

        assertThat(authentication.byToken(token)).isEmpty();
    }

    private static Account anna(boolean enabled) {
        return new Account(ANNA, "anna", "Anna", null, "hashed:dobre-haslo-anny", enabled, NOW, NOW, enabled ? 1 : 2);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class FakeAccounts implements Accounts {
        final Map<AccountId, Account> byId = new HashMap<>();

        @Override
        public void add(Account account, AccountId createdBy) {
            byId.put(account.id(), account);
        }

        @Override
        public Optional<Account> find(AccountId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Account> findByUsername(String username) {
            return byId.values().stream().filter(a -> a.username().equals(username)).findFirst();
        }

        @Override
        public Page<Account> list(PageRequest page) {
            return new Page<>(new ArrayList<>(byId.values()), null);
        }

        @Override
        public Optional<AccountId> creatorOf(AccountId id) {
            return Optional.empty();
        }

        @Override
        public boolean replace(Account revised, long expectedVersion) {
            byId.put(revised.id(), revised);
            return true;
        }
    }

    private static final class FakeTokens implements Tokens {
        final Map<String, Map.Entry<AccountId, Instant>> stored = new HashMap<>();

        @Override
        public void add(String tokenHash, AccountId account, Instant createdAt, Instant expiresAt) {
            stored.put(tokenHash, Map.entry(account, expiresAt));
        }

        @Override
        public Optional<AccountId> accountOf(String tokenHash, Instant now) {
            return Optional.ofNullable(stored.get(tokenHash)).filter(e -> e.getValue().isAfter(now)).map(Map.Entry::getKey);
        }

        @Override
        public void remove(String tokenHash) {
            stored.remove(tokenHash);
        }

        @Override
        public void removeAllOf(AccountId account) {
            stored.values().removeIf(e -> e.getKey().equals(account));
        }
    }

    private static final class NoGrants implements RoleGrants {
        @Override
        public void add(RoleGrant grant) {
        }

        @Override
        public List<RoleGrant> of(AccountId account) {
            return List.of();
        }

        @Override
        public Optional<RoleGrant> find(AccountId account, String grantId) {
            return Optional.empty();
        }

        @Override
        public void remove(String grantId) {
        }
    }
}
