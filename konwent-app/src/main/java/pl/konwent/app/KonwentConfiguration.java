package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/** The server's settings; {@code konwent.yml} maps each to an environment variable. */
public class KonwentConfiguration extends Configuration {
    static final String H2_FLAGS = ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    /**
     * The schema's collation, also for the connection: text the server sends is then compared in the columns'
     * own collation, which lets MySQL/MariaDB treat {@code konwent_id = :konwent} as a constant in ORDER BY and
     * read a register page from its index (with the server's default collation it sorted the whole register).
     */
    static final String MYSQL_COLLATION = "utf8mb4_unicode_ci";

    @NotNull
    private String dataDir = "./data";

    private boolean migrateOnStart = true;

    @Min(1)
    private int maxDeclarationsPerAddressPerHour = 20;

    @JsonProperty
    public int getMaxDeclarationsPerAddressPerHour() {
        return maxDeclarationsPerAddressPerHour;
    }

    @JsonProperty
    public void setMaxDeclarationsPerAddressPerHour(int max) {
        this.maxDeclarationsPerAddressPerHour = max;
    }

    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private SecuritySettings security = new SecuritySettings();

    public SecuritySettings getSecurity() {
        return security;
    }

    @Valid
    @NotNull
    @JsonProperty
    private MailSettings mail = new MailSettings();

    public MailSettings getMail() {
        return mail;
    }

    @Valid
    @NotNull
    @JsonProperty
    private CorsSettings cors = new CorsSettings();

    public CorsSettings getCors() {
        return cors;
    }

    @Valid
    @NotNull
    @JsonProperty
    private WebhookSettings webhooks = new WebhookSettings();

    public WebhookSettings getWebhooks() {
        return webhooks;
    }

    @Valid
    @NotNull
    @JsonProperty
    private DocumentSettings documents = new DocumentSettings();

    public DocumentSettings getDocuments() {
        return documents;
    }

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    /**
     * The database to use: with no url, an embedded H2 file database in MySQL mode under {@code dataDir};
     * otherwise the url given, with the driver chosen from it when none is configured. Validation reads the
     * database through this getter, so it sees the resolved settings.
     */
    @Valid
    @NotNull
    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        String url = database.getUrl();
        if (url == null || url.isBlank()) {
            Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("konwent");
            database.setUrl("jdbc:h2:file:" + file + H2_FLAGS);
            url = database.getUrl();
        }
        String driver = database.getDriverClass();
        if (driver == null || driver.isBlank()) {
            database.setDriverClass(url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "com.mysql.cj.jdbc.Driver");
        }
        if (url.startsWith("jdbc:mysql:")) {
            database.getProperties().putIfAbsent("connectionCollation", MYSQL_COLLATION);
        }
        return database;
    }
}
