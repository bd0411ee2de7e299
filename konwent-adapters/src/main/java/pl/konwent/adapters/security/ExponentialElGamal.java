package pl.konwent.adapters.security;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;
import org.bouncycastle.util.BigIntegers;

/**
 * Exponential ElGamal on the elliptic curve P-256 (secp256r1), composed from BouncyCastle's point arithmetic: a
 * mark m (0 or 1) under public key Y = x·G is the pair (r·G, r·Y + m·G) for a fresh random r. Pairs add up
 * component-wise to a pair of the summed marks, so a tally decrypts only the sum: S2 − x·S1 = (Σm)·G, whose small
 * discrete logarithm (at most the number of ballots) is found by baby-step giant-step. Threat met: without x, a
 * ciphertext tells nothing about its mark (it is semantically secure under the decisional Diffie-Hellman assumption),
 * and two equal marks never give equal bytes.
 */
public final class ExponentialElGamal {
    /**
     * Bytes of one encoded point and of one ciphertext (two points). Points are stored uncompressed: twice the bytes
     * of compressed ones, but reading them back at closing needs no square root per point (about ten times faster
     * to count a large vote).
     */
    public static final int POINT_BYTES = 65;
    public static final int CIPHERTEXT_BYTES = 2 * POINT_BYTES;

    private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256r1");
    private static final ECCurve CURVE = PARAMETERS.getCurve();
    private static final ECPoint G = PARAMETERS.getG();
    private static final BigInteger ORDER = PARAMETERS.getN();
    /** Comb multiplication with a precomputed table per fixed base, cached on the point itself (G, each key). */
    private static final ECMultiplier FIXED_BASE = new FixedPointCombMultiplier();

    static {
        FixedPointUtil.precompute(G);
    }

    private ExponentialElGamal() {
    }

    /** A key pair: the private scalar as 32 unsigned bytes, the public point encoded. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
    }

    public static KeyPair generate(SecureRandom random) {
        BigInteger x = scalar(random);
        return new KeyPair(BigIntegers.asUnsignedByteArray(32, x), FIXED_BASE.multiply(G, x).getEncoded(true));
    }

    /** A public key ready for sealing: decoded (and checked to be on the curve) with its comb table precomputed. */
    public static final class PublicKey {
        private final ECPoint y;

        public PublicKey(byte[] encoded) {
            ECPoint point = CURVE.decodePoint(encoded);
            if (point.isInfinity() || !point.isValid()) {
                throw new IllegalArgumentException("not a public key on P-256");
            }
            this.y = point;
            FixedPointUtil.precompute(y);
        }

        /**
         * One ciphertext per mark, each with its own randomness, concatenated in mark order. Both r·Y and r·Y + G
         * are computed for every mark, so the work does not depend on the marks.
         */
        public byte[] encrypt(int[] marks, SecureRandom random) {
            ECPoint[] points = new ECPoint[2 * marks.length];
            for (int i = 0; i < marks.length; i++) {
                if (marks[i] != 0 && marks[i] != 1) {
                    throw new IllegalArgumentException("a mark is 0 or 1");
                }
                BigInteger r = scalar(random);
                ECPoint shared = FIXED_BASE.multiply(y, r);
                ECPoint withMark = shared.add(G);
                points[2 * i] = FIXED_BASE.multiply(G, r);
                points[2 * i + 1] = marks[i] == 1 ? withMark : shared;
            }
            CURVE.normalizeAll(points);
            byte[] out = new byte[marks.length * CIPHERTEXT_BYTES];
            for (int i = 0; i < points.length; i++) {
                System.arraycopy(points[i].getEncoded(false), 0, out, i * POINT_BYTES, POINT_BYTES);
            }
            return out;
        }
    }

    /**
     * Adds the ballots (each {@code options} ciphertexts) option by option and decrypts only the sums, each at most
     * {@code bound}.
     */
    public static long[] decryptSums(byte[] privateKey, int options, List<byte[]> ballots, long bound) {
        ECPoint[] first = new ECPoint[options];
        ECPoint[] second = new ECPoint[options];
        Arrays.fill(first, CURVE.getInfinity());
        Arrays.fill(second, CURVE.getInfinity());
        for (byte[] ballot : ballots) {
            if (ballot.length != options * CIPHERTEXT_BYTES) {
                throw new IllegalStateException("a sealed ballot has " + ballot.length + " bytes, not "
                        + options * CIPHERTEXT_BYTES + " for " + options + " options");
            }
            for (int i = 0; i < options; i++) {
                first[i] = first[i].add(point(ballot, 2 * i));
                second[i] = second[i].add(point(ballot, 2 * i + 1));
            }
        }
        BigInteger x = new BigInteger(1, privateKey);
        Map<String, Long> babySteps = babySteps(steps(bound));
        long[] sums = new long[options];
        for (int i = 0; i < options; i++) {
            sums[i] = logarithm(second[i].subtract(first[i].multiply(x)), babySteps, bound);
        }
        return sums;
    }

    private static long steps(long bound) {
        return (long) Math.ceil(Math.sqrt(bound + 1.0));
    }

    /** j·G → j for j below the step count. */
    private static Map<String, Long> babySteps(long steps) {
        Map<String, Long> table = new HashMap<>();
        ECPoint p = CURVE.getInfinity();
        for (long j = 0; j < steps; j++) {
            table.put(key(p), j);
            p = p.add(G);
        }
        return table;
    }

    /** The k in [0, bound] with k·G = m, by baby-step giant-step. */
    private static long logarithm(ECPoint m, Map<String, Long> babySteps, long bound) {
        long steps = babySteps.size();
        ECPoint giant = G.multiply(BigInteger.valueOf(steps)).negate();
        ECPoint gamma = m;
        for (long i = 0; i <= steps; i++) {
            Long j = babySteps.get(key(gamma));
            if (j != null && i * steps + j <= bound) {
                return i * steps + j;
            }
            gamma = gamma.add(giant);
        }
        throw new IllegalStateException("a decrypted sum is not between 0 and " + bound
                + ": the ballots were not sealed under this key");
    }

    private static String key(ECPoint p) {
        return HexFormat.of().formatHex(p.normalize().getEncoded(true));
    }

    private static ECPoint point(byte[] ballot, int index) {
        return CURVE.decodePoint(Arrays.copyOfRange(ballot, index * POINT_BYTES, (index + 1) * POINT_BYTES));
    }

    private static BigInteger scalar(SecureRandom random) {
        return BigIntegers.createRandomInRange(BigInteger.ONE, ORDER.subtract(BigInteger.ONE), random);
    }
}
