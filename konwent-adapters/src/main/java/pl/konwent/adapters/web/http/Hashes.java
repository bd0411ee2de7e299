package pl.konwent.adapters.web.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SHA-256 digests for entity tags and request fingerprints. */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256Base64Url(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(data));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
