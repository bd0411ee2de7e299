package pl.konwent.adapters.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import pl.konwent.adapters.web.http.Hashes;

/**
 * The webhook signatures, which let a receiver refuse forged and replayed deliveries (the time is signed too).
 * <ul>
 * <li>{@link #standard}: the Standard Webhooks scheme, {@code v1,} and the base64 HMAC-SHA256 of
 * {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed with the bytes the secret's base64 after {@code whsec_}
 * stands for; existing libraries verify it.</li>
 * <li>{@link #legacy}: the deprecated {@code Konwent-Signature}, {@code sha256=} and the lowercase hex HMAC-SHA256,
 * keyed with the secret's UTF-8 bytes (prefix included), of {@code "<timestamp>.<body>"}.</li>
 * </ul>
 */
public final class Signatures {
    public static final String LEGACY_PREFIX = "sha256=";
    public static final String STANDARD_PREFIX = "v1,";
    private static final String SECRET_PREFIX = "whsec_";

    private Signatures() {
    }

    public static String standard(String secret, String messageId, long timestamp, String body) {
        byte[] digest = Hashes.hmacSha256(key(secret), utf8(messageId + "." + timestamp + "." + body));
        return STANDARD_PREFIX + Base64.getEncoder().encodeToString(digest);
    }

    public static String legacy(String secret, long timestamp, String body) {
        byte[] digest = Hashes.hmacSha256(utf8(secret), utf8(timestamp + "." + body));
        return LEGACY_PREFIX + HexFormat.of().formatHex(digest);
    }

    /**
     * The key a Standard Webhooks secret stands for. Secrets issued before the standard signature are base64url
     * without padding ({@code -} and {@code _}); the key is the same bytes, so they are read either way.
     */
    static byte[] key(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + SECRET_PREFIX);
        }
        String encoded = secret.substring(SECRET_PREFIX.length()).replace('-', '+').replace('_', '/');
        return Base64.getDecoder().decode(encoded);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
