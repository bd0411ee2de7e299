package pl.konwent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.konwent.adapters.jdbi.JdbiUnitOfWork;
import pl.konwent.adapters.jdbi.access.JdbiAccounts;
import pl.konwent.adapters.jdbi.access.JdbiRoleGrants;
import pl.konwent.adapters.jdbi.access.JdbiTokens;
import pl.konwent.adapters.jdbi.konwent.JdbiKonwents;
import pl.konwent.adapters.jdbi.membership.JdbiMembers;
import pl.konwent.adapters.security.BcryptPasswordHasher;
import pl.konwent.adapters.security.SecureIdSource;
import pl.konwent.app.testing.TestDatabases;
import pl.konwent.domain.access.AccountService;

/** The first ADMIN's password: from the setting, or generated into an owner-only file, never overwritten. */
class FirstAdminTest {
    private final Jdbi jdbi = TestDatabases.fresh(TestDatabases.Engine.H2).jdbi();
    private final JdbiAccounts accounts = new JdbiAccounts(jdbi);
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(BcryptPasswordHasher.MIN_COST);
    private final AccountService service = new AccountService(accounts, new JdbiRoleGrants(jdbi, Clock.systemUTC()),
            new JdbiTokens(jdbi), new JdbiKonwents(jdbi), new JdbiMembers(jdbi), hasher, new JdbiUnitOfWork(jdbi), new SecureIdSource(),
            Clock.systemUTC());

    @Test
    void aGeneratedPasswordIsWrittenForItsOwnerOnlyAndKeptAcrossLaterStarts(@TempDir Path data) throws Exception {
        String first = FirstAdmin.ensure(service, "", new SecureIdSource(), data);

        Path file = data.resolve("admin-password");
        assertThat(first).isEqualTo("admin password generated and written to " + file);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(hasher.matches(password, accounts.findByUsername("admin").orElseThrow().passwordHash())).isTrue();

        String later = FirstAdmin.ensure(service, null, new SecureIdSource(), data);

        assertThat(later).isEqualTo("admin account from an earlier start (its first password: " + file + ")");
        assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(password);
        try (var left = Files.list(data)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aConfiguredPasswordIsUsedAndNothingIsWritten(@TempDir Path data) throws Exception {
        assertThat(FirstAdmin.ensure(service, "choose-a-long-one", new SecureIdSource(), data))
                .isEqualTo("admin password from KONWENT_ADMIN_PASSWORD");
        assertThat(FirstAdmin.ensure(service, "choose-a-long-one", new SecureIdSource(), data))
                .isEqualTo("admin account from an earlier start");

        assertThat(hasher.matches("choose-a-long-one", accounts.findByUsername("admin").orElseThrow().passwordHash()))
                .isTrue();
        try (var left = Files.list(data)) {
            assertThat(left).isEmpty();
        }
    }
}
