package pl.konwent.adapters.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import pl.konwent.domain.documents.FileStore;
import pl.konwent.domain.shared.DomainException;

/**
 * The archive's files on the local file system: {@code <root>/<fileId>} for kept files, {@code <root>/staging/}
 * for uploads being received. A file is written to staging and moved into place atomically, so a reader never
 * sees half a file. Paths are made only of ids this server generated (checked), never of a client's file name.
 */
public final class FilesystemFileStore implements FileStore {
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path staging;

    public FilesystemFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve("staging");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file store under " + this.root, e);
        }
    }

    @Override
    public Staged stage(InputStream bytes, long maxBytes) {
        String key = UUID.randomUUID().toString();
        Path target = staging.resolve(key);
        MessageDigest sha256 = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha256)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = bytes.read(buffer); n >= 0; n = bytes.read(buffer)) {
                size += n;
                if (size > maxBytes) {
                    throw new DomainException.TooLarge("A file may have at most " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
        try {
            return new Staged(key, size, HexFormat.of().formatHex(sha256.digest()), FileSniffer.sniff(target));
        } catch (IOException e) {
            deleteQuietly(target);
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void keep(Staged staged, String fileId) {
        Path from = staging.resolve(checked(staged.key()));
        Path to = root.resolve(checked(fileId));
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("The file store needs a file system with atomic moves", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void discard(Staged staged) {
        deleteQuietly(staging.resolve(checked(staged.key())));
    }

    @Override
    public InputStream open(String fileId) {
        try {
            return Files.newInputStream(root.resolve(checked(fileId)));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("The bytes of file " + fileId + " are missing from " + root, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String fileId) {
        deleteQuietly(root.resolve(checked(fileId)));
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a file id: " + id);
        }
        return id;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover file harms nobody: it is not referenced by any document
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
