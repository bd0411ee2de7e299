package pl.konwent.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The signatures receivers verify: the Standard Webhooks one (HMAC-SHA256 of "id.timestamp.body" keyed with the
 * secret's decoded bytes, base64 after "v1,") and the deprecated one (of "timestamp.body" keyed with the secret's
 * text, lowercase hex after "sha256=").
 */
class SignaturesTest {
    @Test
    void standardKnownAnswerFromTheSpecification() {
        // The specification's test vector; also: key=$(printf MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p)
        // printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}'
        //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$key -binary | base64
        assertThat(Signatures.standard("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1_614_265_330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aSecretIssuedAsBase64UrlSignsWithTheSameKeyAsItsStandardBase64Form() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (250 - i * 7);
        }
        String old = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        String standard = "whsec_" + Base64.getEncoder().encodeToString(key);
        assertThat(old).contains("-");

        assertThat(Signatures.standard(old, "d1", 1_700_000_000L, "{}"))
                .isEqualTo(Signatures.standard(standard, "d1", 1_700_000_000L, "{}"));
    }

    @Test
    void idTimestampAndSecretAreAllPartOfTheStandardSignature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = Signatures.standard(secret, "d1", 1_700_000_000L, "{}");

        assertThat(signature)
                .isNotEqualTo(Signatures.standard(secret, "d2", 1_700_000_000L, "{}"))
                .isNotEqualTo(Signatures.standard(secret, "d1", 1_700_000_001L, "{}"))
                .isNotEqualTo(Signatures.standard("whsec_NfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "d1", 1_700_000_000L, "{}"));
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThatThrownBy(() -> Signatures.standard("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "d1", 1L, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legacyKnownAnswer() {
        // printf '%s' '1700000000.{"id":"e1","type":"member.accepted"}' | openssl dgst -sha256 -hmac whsec_test-secret
        assertThat(Signatures.legacy("whsec_test-secret", 1_700_000_000L, "{\"id\":\"e1\",\"type\":\"member.accepted\"}"))
                .isEqualTo("sha256=c90d5484a8ea8b9e982f95100be7d29b55301aa1b13552fde84a8c48d7152d90");
    }

    @Test
    void theTimestampIsPartOfTheLegacySignature() {
        String body = "{\"id\":\"e1\"}";

        assertThat(Signatures.legacy("whsec_a", 1_700_000_000L, body))
                .isNotEqualTo(Signatures.legacy("whsec_a", 1_700_000_001L, body))
                .isNotEqualTo(Signatures.legacy("whsec_b", 1_700_000_000L, body));
    }
}
