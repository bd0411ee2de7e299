package pl.konwent.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import pl.konwent.domain.access.AccountService;
import pl.konwent.domain.shared.IdSource;

/**
 * The installation's first ADMIN, "admin", made at the first start with KONWENT_ADMIN_PASSWORD, or else with a
 * generated password written to {@code <dataDir>/admin-password}, readable by its owner only. Never logged: a
 * password in a log travels wherever the logs are shipped (CWE-532).
 */
final class FirstAdmin {
    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "admin-password";

    private FirstAdmin() {
    }

    /** Makes the account if there is none; answers where its password came from, for the ready line. */
    static String ensure(AccountService accounts, String configuredPassword, IdSource ids, Path dataDir) {
        if (configuredPassword != null && !configuredPassword.isBlank()) {
            return accounts.ensureAdmin(USERNAME, configuredPassword)
                    ? "admin password from KONWENT_ADMIN_PASSWORD" : alreadyThere(dataDir);
        }
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(ids.secretBytes(18));
        Path file = dataDir.resolve(PASSWORD_FILE);
        // written before the account exists, so a password in use is never lost; kept only if the account was made
        Path pending = dataDir.resolve(PASSWORD_FILE + ".new");
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(pending);
            Files.createFile(pending, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pending, password + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            if (accounts.ensureAdmin(USERNAME, password)) {
                Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return "admin password generated and written to " + file;
            }
            Files.delete(pending);
            return alreadyThere(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first ADMIN's password to " + pending, e);
        }
    }

    private static String alreadyThere(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        return "admin account from an earlier start" + (Files.exists(file) ? " (its first password: " + file + ")" : "");
    }
}
