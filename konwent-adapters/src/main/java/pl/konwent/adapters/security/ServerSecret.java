package pl.konwent.adapters.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The server's own secret, kept outside the database, from which every key that protects data in the database is
 * derived (HKDF-SHA256, one key per purpose). Threat met: whoever holds a copy of the database (its tables, data
 * files, backups, binary and query logs) but not this secret cannot use what those keys protect; the server's
 * operator, who has both, can. Instances that share a database must share the secret.
 */
public final class ServerSecret {
    /** Length in bytes of the secret and of a generated key file's content (before Base64). */
    public static final int LENGTH = 32;

    private final byte[] secret;

    private ServerSecret(byte[] secret) {
        if (secret.length < LENGTH) {
            throw new IllegalArgumentException("the server secret must have at least " + LENGTH + " bytes, it has "
                    + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The secret given as Base64 (for instance from KONWENT_SECRET_KEY). */
    public static ServerSecret fromBase64(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the server secret is not valid Base64", e);
        }
        return new ServerSecret(bytes);
    }

    /**
     * The secret kept in a file as Base64; a missing file is created with a new random secret, readable by its owner
     * only. Two instances starting at once over one new file agree: the file is created exclusively, and the loser
     * reads the winner's.
     */
    public static ServerSecret loadOrCreate(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[LENGTH];
                random.nextBytes(fresh);
                create(file, Base64.getEncoder().encodeToString(fresh));
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the server secret file " + file, e);
        }
    }

    private static void create(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".secret", ".tmp");
        try {
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, content + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // another instance created it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A key of {@code length} bytes for one purpose (a fixed ASCII label); distinct purposes give unrelated keys. */
    public byte[] derive(String purpose, int length) {
        if (purpose.isBlank() || length < 16) {
            throw new IllegalArgumentException("a derived key needs a purpose and at least 16 bytes");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, null, ("konwent/" + purpose).getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[length];
        hkdf.generateBytes(key, 0, length);
        return key;
    }

    /** Never the secret itself, so that logging a configuration object cannot leak it. */
    @Override
    public String toString() {
        return "ServerSecret[hidden]";
    }
}
