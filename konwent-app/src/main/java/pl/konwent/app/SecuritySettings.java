package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.security.SecureRandom;
import pl.konwent.adapters.security.ServerSecret;

/** Authentication settings (konwent.yml, section {@code security}). */
public class SecuritySettings {
    @JsonProperty
    private String initialAdminPassword = "";

    @JsonProperty
    @Min(10)
    @Max(16)
    private int bcryptCost = 12;

    @JsonProperty
    @NotNull
    private Duration tokenLifetime = Duration.hours(12);

    @JsonProperty
    @Min(1)
    private int maxFailedLoginsPerUsername = 5;

    @JsonProperty
    @Min(1)
    private int maxFailedLoginsPerAddress = 20;

    @JsonProperty
    @NotNull
    private Duration loginWindow = Duration.minutes(15);

    /** The wait after the first failure beyond the free ones; each further failure doubles it, up to the window. */
    @JsonProperty
    @NotNull
    private Duration firstLoginDelay = Duration.seconds(1);

    /** The server secret as Base64 (KONWENT_SECRET_KEY); empty: read from {@link #secretKeyFile}. */
    @JsonProperty
    private String secretKey;

    /** A file holding the server secret as Base64, created at first start; empty: {@code <dataDir>/secret.key}. */
    @JsonProperty
    private String secretKeyFile;

    public String getInitialAdminPassword() {
        return initialAdminPassword;
    }

    public int getBcryptCost() {
        return bcryptCost;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    public int getMaxFailedLoginsPerUsername() {
        return maxFailedLoginsPerUsername;
    }

    public int getMaxFailedLoginsPerAddress() {
        return maxFailedLoginsPerAddress;
    }

    public Duration getFirstLoginDelay() {
        return firstLoginDelay;
    }

    public Duration getLoginWindow() {
        return loginWindow;
    }

    /** The secret the keys protecting data in the database derive from: given, or kept in a file outside it. */
    public ServerSecret serverSecret(String dataDir) {
        if (secretKey != null && !secretKey.isBlank()) {
            return ServerSecret.fromBase64(secretKey);
        }
        Path file = secretKeyFile == null || secretKeyFile.isBlank() ? Path.of(dataDir, "secret.key")
                : Path.of(secretKeyFile);
        return ServerSecret.loadOrCreate(file, new SecureRandom());
    }
}
