package pl.konwent.adapters.security;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what the database keeps but must not read (a vote's private key, an idempotency record's answer) with
 * AES-256-GCM (the JDK's javax.crypto) under a key derived from the {@link ServerSecret}, bound to what it belongs to
 * by the associated data. Threat met: whoever holds the database but not the server secret cannot open a sealed
 * value, nor move one from one record to another undetected.
 */
public final class KeyWrap {
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public KeyWrap(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a wrapping key has 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /** version byte, random IV, ciphertext with its tag. */
    public byte[] wrap(byte[] plain, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv, associatedData, plain);
        byte[] out = new byte[1 + IV_BYTES + sealed.length];
        out[0] = VERSION;
        System.arraycopy(iv, 0, out, 1, IV_BYTES);
        System.arraycopy(sealed, 0, out, 1 + IV_BYTES, sealed.length);
        return out;
    }

    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        if (wrapped.length < 1 + IV_BYTES + TAG_BITS / 8 || wrapped[0] != VERSION) {
            throw new IllegalStateException("not a value sealed by this server");
        }
        return cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(wrapped, 1, 1 + IV_BYTES), associatedData,
                Arrays.copyOfRange(wrapped, 1 + IV_BYTES, wrapped.length));
    }

    private byte[] cipher(int mode, byte[] iv, byte[] associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed value cannot be opened with this server secret (a different "
                    + "secret, or the record was altered)", e);
        }
    }
}
