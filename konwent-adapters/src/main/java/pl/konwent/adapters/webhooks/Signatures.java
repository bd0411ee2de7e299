package pl.konwent.adapters.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=} and the lowercase hex HMAC-SHA256, keyed with the webhook's secret
 * (its UTF-8 bytes, prefix included), of {@code "<timestamp>.<body>"}, where the timestamp is the
 * {@code Konwent-Timestamp} header (Unix seconds). Signing the time too lets a receiver refuse replays.
 */
public final class Signatures {
    public static final String PREFIX = "sha256=";

    private Signatures() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
