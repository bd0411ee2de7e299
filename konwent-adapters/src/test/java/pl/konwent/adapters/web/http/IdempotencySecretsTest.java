package pl.konwent.adapters.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import pl.konwent.adapters.security.ServerSecret;
import pl.konwent.adapters.web.http.IdempotencyStore.StoredResponse;

class IdempotencySecretsTest {
    private static final IdempotencySecrets SECRETS = secrets((byte) 0);
    private static final String BALLOTS = "/api/v1/konwents/k/votes/v/ballots";

    private static IdempotencySecrets secrets(byte first) {
        byte[] secret = new byte[32];
        secret[0] = first;
        return IdempotencySecrets.from(ServerSecret.fromBase64(Base64.getEncoder().encodeToString(secret)));
    }

    private static byte[] ballot(String choice) {
        return ("{\"memberId\":\"m\",\"choice\":\"" + choice + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFingerprintTellsRequestsApartAndIsNoPlainHashOfThem() throws Exception {
        String forChoice = SECRETS.fingerprint("POST", BALLOTS, null, ballot("FOR"));

        assertThat(forChoice).isEqualTo(SECRETS.fingerprint("POST", BALLOTS, null, ballot("FOR")))
                .isNotEqualTo(SECRETS.fingerprint("POST", BALLOTS, null, ballot("AGAINST")))
                .isNotEqualTo(secrets((byte) 1).fingerprint("POST", BALLOTS, null, ballot("FOR")));
        byte[] plain = MessageDigest.getInstance("SHA-256").digest(("POST " + BALLOTS + "?null\n"
                + new String(ballot("FOR"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertThat(forChoice).isNotEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(plain));
    }

    @Test
    void aRecordIdDependsOnTheScopeAndForAnonymousCallersOnTheRequest() {
        String account = SECRETS.recordId("account:a", "key-1", null);

        assertThat(account).isEqualTo(SECRETS.recordId("account:a", "key-1", null))
                .isNotEqualTo(SECRETS.recordId("account:b", "key-1", null))
                .isNotEqualTo(SECRETS.recordId("account:a", "KEY-1", null))
                .doesNotContain("key-1");
        assertThat(SECRETS.recordId("anonymous", "key-1", "fp-1"))
                .isNotEqualTo(SECRETS.recordId("anonymous", "key-1", "fp-2"));
    }

    @Test
    void anAnswerIsSealedWithAFreshNonceAndOpensOnlyForItsRecord() {
        byte[] body = "{\"secret\":\"whsec_abc\"}".getBytes(StandardCharsets.UTF_8);
        StoredResponse answer = new StoredResponse(201, "application/json", "http://x/webhooks/w", body);

        byte[] sealed = SECRETS.seal(answer, "record-1");
        StoredResponse opened = SECRETS.open(sealed, "record-1");

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.contentType()).isEqualTo("application/json");
        assertThat(opened.location()).isEqualTo("http://x/webhooks/w");
        assertThat(opened.body()).isEqualTo(body);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_abc", "webhooks");
        assertThat(SECRETS.seal(answer, "record-1")).isNotEqualTo(sealed);
        assertThatThrownBy(() -> SECRETS.open(sealed, "record-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets((byte) 1).open(sealed, "record-1")).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> SECRETS.open(sealed, "record-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAnswerWithoutBodyTypeOrLocationRoundTrips() {
        StoredResponse opened = SECRETS.open(SECRETS.seal(new StoredResponse(204, null, null, null), "r"), "r");

        assertThat(opened).isEqualTo(new StoredResponse(204, null, null, null));
    }
}
