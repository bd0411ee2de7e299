package pl.konwent.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** V3's cryptography: sealed marks add up and open to the exact sums; nothing else opens; keys stay wrapped. */
class ExponentialElGamalTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void sumsOfSealedBallotsOpenToTheExactCountsPerOption() {
        ExponentialElGamal.KeyPair pair = ExponentialElGamal.generate(random);
        ExponentialElGamal.PublicKey key = new ExponentialElGamal.PublicKey(pair.publicKey());
        Random choices = new Random(7);
        long[] expected = new long[3];
        List<byte[]> ballots = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            int chosen = choices.nextInt(3);
            expected[chosen]++;
            int[] marks = new int[3];
            marks[chosen] = 1;
            ballots.add(key.encrypt(marks, random));
        }

        assertThat(ExponentialElGamal.decryptSums(pair.privateKey(), 3, ballots, ballots.size())).isEqualTo(expected);
        assertThat(ExponentialElGamal.decryptSums(pair.privateKey(), 3, List.of(), 0)).containsExactly(0, 0, 0);
        long[] all = new long[] {250, 0};
        List<byte[]> unanimous = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            unanimous.add(key.encrypt(new int[] {1, 0}, random));
        }
        assertThat(ExponentialElGamal.decryptSums(pair.privateKey(), 2, unanimous, 250)).isEqualTo(all);
    }

    @Test
    void equalMarksNeverGiveEqualBytesAndEveryBallotHasTheSameSize() {
        ExponentialElGamal.KeyPair pair = ExponentialElGamal.generate(random);
        ExponentialElGamal.PublicKey key = new ExponentialElGamal.PublicKey(pair.publicKey());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            byte[] sealed = key.encrypt(new int[] {1, 0, 0}, random);
            assertThat(sealed).hasSize(3 * ExponentialElGamal.CIPHERTEXT_BYTES);
            for (int option = 0; option < 3; option++) {
                int from = option * ExponentialElGamal.CIPHERTEXT_BYTES;
                assertThat(seen.add(Arrays.toString(Arrays.copyOfRange(sealed, from,
                        from + ExponentialElGamal.CIPHERTEXT_BYTES)))).isTrue();
            }
        }
    }

    @Test
    void anotherKeyOpensNoSumAndMalformedBallotsAreRefused() {
        ExponentialElGamal.KeyPair pair = ExponentialElGamal.generate(random);
        ExponentialElGamal.KeyPair other = ExponentialElGamal.generate(random);
        ExponentialElGamal.PublicKey key = new ExponentialElGamal.PublicKey(pair.publicKey());
        List<byte[]> ballots = List.of(key.encrypt(new int[] {1, 0}, random), key.encrypt(new int[] {1, 0}, random));

        assertThatThrownBy(() -> ExponentialElGamal.decryptSums(other.privateKey(), 2, ballots, 2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ExponentialElGamal.decryptSums(pair.privateKey(), 3, ballots, 2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> key.encrypt(new int[] {2}, random)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrappedKeyOpensOnlyWithTheSameSecretAndForTheRecordItWasBoundTo() {
        byte[] privateKey = ExponentialElGamal.generate(random).privateKey();
        KeyWrap wrap = new KeyWrap(ServerSecret.fromBase64("a29ud2VudC10ZXN0LXNlcnZlci1zZWNyZXQtMzItYnl0ZXM=")
                .derive("ballot-keys", 32), random);
        byte[] vote1 = "vote-1".getBytes(StandardCharsets.US_ASCII);
        byte[] wrapped = wrap.wrap(privateKey, vote1);

        assertThat(java.util.HexFormat.of().formatHex(wrapped)).doesNotContain(java.util.HexFormat.of().formatHex(privateKey));
        assertThat(wrap.unwrap(wrapped, vote1)).isEqualTo(privateKey);
        assertThatThrownBy(() -> wrap.unwrap(wrapped, "vote-2".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class);
        KeyWrap otherSecret = new KeyWrap(new byte[32], random);
        assertThatThrownBy(() -> otherSecret.unwrap(wrapped, vote1)).isInstanceOf(IllegalStateException.class);
    }

    /**
     * A quick measurement (no assertion on time): the CPU cost of sealing one resolution ballot (3 options) and one
     * approval ballot of 7 candidates, after warm-up, and of counting 500 ballots, printed for the record.
     */
    @Test
    void sealingCostIsMeasured() {
        ExponentialElGamal.KeyPair pair = ExponentialElGamal.generate(random);
        ExponentialElGamal.PublicKey key = new ExponentialElGamal.PublicKey(pair.publicKey());
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 600; i++) {
            key.encrypt(new int[] {0, 1, 0}, random);
        }
        for (int options : new int[] {3, 7}) {
            int[] marks = new int[options];
            marks[0] = 1;
            int rounds = options == 3 ? 500 : 200;
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                key.encrypt(marks, random);
            }
            long perBallot = (threads.getCurrentThreadCpuTime() - cpu) / rounds;
            System.out.printf("sealing a ballot of %d options: %.3f ms CPU%n", options, perBallot / 1e6);
            assertThat(perBallot).isPositive();
        }
        List<byte[]> ballots = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ballots.add(key.encrypt(new int[] {0, 0, 1}, random));
        }
        long cpu = threads.getCurrentThreadCpuTime();
        assertThat(ExponentialElGamal.decryptSums(pair.privateKey(), 3, ballots, 500)).containsExactly(0, 0, 500);
        System.out.printf("counting (adding and opening the sums): %.3f ms CPU per ballot of 3 options%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 500 / 1e6);
    }
}
