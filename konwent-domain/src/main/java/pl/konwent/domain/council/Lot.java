package pl.konwent.domain.council;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * C6, a lot anyone can recompute from published data (the procedure is written out in docs/lot.md, with a Python
 * version a reader can run). When the election opens a {@code seed} of {@link #SEED_BYTES} random bytes is drawn and
 * only its commitment, the lowercase hex of SHA-256(seed), is published; at closing the seed is revealed. The draw
 * orders every tied candidate: the tied candidate ids sorted ascending (their canonical order) form the pool; step
 * {@code k} = 0, 1, … takes the first four bytes of HMAC-SHA256(key = seed, message = ASCII "lot:k:a") for attempt
 * {@code a} = 0, 1, … as an unsigned big-endian integer x, accepts the first x below 2^32 − (2^32 mod n) for a pool of
 * n (rejection sampling, so every index is equally likely), and moves the candidate at index x mod n from the pool to
 * the drawn order. The first candidates of the drawn order take the undecided seats.
 */
public final class Lot {
    public static final int SEED_BYTES = 32;
    private static final long RANGE = 1L << 32;

    private Lot() {
    }

    /** The published commitment to a seed: lowercase hex of its SHA-256. */
    public static String commitment(byte[] seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** C6: the drawn order of the tied candidates (by id, in any order given); the first ones take the seats. */
    public static List<String> draw(byte[] seed, List<String> tiedCandidateIds) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a lot's seed has " + SEED_BYTES + " bytes");
        }
        List<String> pool = new ArrayList<>(tiedCandidateIds);
        pool.sort(null);
        List<String> order = new ArrayList<>(pool.size());
        for (int step = 0; !pool.isEmpty(); step++) {
            order.add(pool.remove(index(seed, step, pool.size())));
        }
        return List.copyOf(order);
    }

    /** An index in [0, n), each equally likely for a uniformly random seed (rejection sampling over 32 bits). */
    static int index(byte[] seed, int step, int n) {
        long limit = acceptedBelow(n);
        for (int attempt = 0; ; attempt++) {
            long x = uint32(hmac(seed, "lot:" + step + ":" + attempt));
            if (x < limit) {
                return (int) (x % n);
            }
        }
    }

    /** The largest multiple of {@code n} not above 2^32: values at or above it are drawn again. */
    static long acceptedBelow(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a draw needs a candidate");
        }
        return RANGE - RANGE % n;
    }

    private static long uint32(byte[] bytes) {
        return (bytes[0] & 0xFFL) << 24 | (bytes[1] & 0xFFL) << 16 | (bytes[2] & 0xFFL) << 8 | bytes[3] & 0xFFL;
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
