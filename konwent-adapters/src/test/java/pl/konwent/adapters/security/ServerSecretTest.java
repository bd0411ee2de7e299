package pl.konwent.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void derivesTheSameKeyForAPurposeAndUnrelatedKeysForOthers() {
        ServerSecret secret = ServerSecret.fromBase64(KEY);
        assertThat(secret.derive("idempotency", 32)).isEqualTo(ServerSecret.fromBase64(KEY).derive("idempotency", 32))
                .isNotEqualTo(secret.derive("ballots", 32)).hasSize(32);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(ServerSecret.fromBase64(Base64.getEncoder().encodeToString(other)).derive("idempotency", 32))
                .isNotEqualTo(secret.derive("idempotency", 32));
    }

    @Test
    void refusesASecretTooShortOrNotBase64() {
        assertThatThrownBy(() -> ServerSecret.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> ServerSecret.fromBase64("not base64!")).hasMessageContaining("Base64");
    }

    @Test
    void aMissingFileIsCreatedForItsOwnerOnlyAndReadBackUnchanged(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("keys/secret.key");
        ServerSecret first = ServerSecret.loadOrCreate(file, new SecureRandom());
        ServerSecret again = ServerSecret.loadOrCreate(file, new SecureRandom());

        assertThat(again.derive("x", 32)).isEqualTo(first.derive("x", 32));
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(first.toString()).doesNotContain(Files.readString(file).strip());
    }
}
