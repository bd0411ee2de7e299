package pl.konwent.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The decoy hash a login to a missing account is checked against (issue 20: made without running bcrypt at each
 * start): a bcrypt hash of the configured cost, so checking it costs what checking a stored one does, which no
 * password matches.
 */
class BcryptDecoyTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(11);

    @Test
    void theDecoyIsABcryptHashOfTheConfiguredCostWithAFreshSalt() throws Exception {
        String decoy = hasher.decoyHash();

        BCrypt.HashData parsed = BCrypt.Version.VERSION_2B.parser.parse(decoy.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.cost).isEqualTo(11);
        assertThat(decoy).startsWith("$2b$11$").hasSameSizeAs(hasher.hash("x")).isNotEqualTo(hasher.decoyHash());
    }

    @Test
    void noPasswordTriedMatchesTheDecoyAndCheckingItIsAnOrdinaryCheck() {
        String decoy = hasher.decoyHash();

        assertThat(hasher.matches("", decoy)).isFalse();
        assertThat(hasher.matches("decoy password, never anyone's", decoy)).isFalse();
        assertThat(new VerifiedPasswords(hasher, new SecureRandom()).decoyHash()).startsWith("$2b$11$");
    }
}
