package pl.konwent.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature receivers verify: HMAC-SHA256 of "timestamp.body" keyed with the secret, as lowercase hex. */
class SignaturesTest {
    @Test
    void knownAnswer() {
        // printf '%s' '1700000000.{"id":"e1","type":"member.accepted"}' | openssl dgst -sha256 -hmac whsec_test-secret
        assertThat(Signatures.sign("whsec_test-secret", 1_700_000_000L, "{\"id\":\"e1\",\"type\":\"member.accepted\"}"))
                .isEqualTo("sha256=c90d5484a8ea8b9e982f95100be7d29b55301aa1b13552fde84a8c48d7152d90");
    }

    @Test
    void theTimestampIsPartOfWhatIsSigned() {
        String body = "{\"id\":\"e1\"}";

        assertThat(Signatures.sign("whsec_a", 1_700_000_000L, body))
                .isNotEqualTo(Signatures.sign("whsec_a", 1_700_000_001L, body))
                .isNotEqualTo(Signatures.sign("whsec_b", 1_700_000_000L, body));
    }
}
