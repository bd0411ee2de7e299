package pl.konwent.adapters.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import pl.konwent.adapters.web.http.Hashes;

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
        byte[] digest = Hashes.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest);
    }
}
