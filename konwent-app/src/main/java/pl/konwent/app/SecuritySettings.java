package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

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
}
