package pl.konwent.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pl.konwent.domain.access.PasswordHasher;

class VerifiedPasswordsTest {
    private final AtomicInteger slowChecks = new AtomicInteger();
    private final BcryptPasswordHasher bcrypt = new BcryptPasswordHasher(BcryptPasswordHasher.MIN_COST);
    private final PasswordHasher counted = new PasswordHasher() {
        @Override
        public String hash(String password) {
            return bcrypt.hash(password);
        }

        @Override
        public boolean matches(String password, String hash) {
            slowChecks.incrementAndGet();
            return bcrypt.matches(password, hash);
        }
    };
    private final VerifiedPasswords passwords = new VerifiedPasswords(counted, new SecureRandom());

    @Test
    void aVerifiedPasswordIsCheckedWithBcryptOnceForItsStoredHash() {
        String stored = passwords.hash("stare-haslo");

        assertThat(passwords.matches("stare-haslo", stored)).isTrue();
        assertThat(passwords.matches("stare-haslo", stored)).isTrue();
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void aChangedPasswordRefusesTheOldOneAtOnceThoughItWasVerifiedBefore() {
        String before = passwords.hash("stare-haslo");
        assertThat(passwords.matches("stare-haslo", before)).isTrue();

        String after = passwords.hash("nowe-haslo");

        assertThat(passwords.matches("stare-haslo", after)).isFalse();
        assertThat(passwords.matches("nowe-haslo", after)).isTrue();
    }

    @Test
    void aWrongPasswordCostsBcryptEveryTime() {
        String stored = passwords.hash("haslo");

        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("zgadywane", stored)).isFalse();
        }
        assertThat(slowChecks).hasValue(3);
    }
}
