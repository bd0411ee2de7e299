package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import pl.konwent.domain.council.CouncilService;

/** The server's settings; {@code konwent.yml} maps each to an environment variable. */
public class KonwentConfiguration extends Configuration {
    static final String H2_FLAGS = ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    /**
     * MySQL Connector/J settings for a url that does not name them:
     * <ul>
     *   <li>timeouts in milliseconds, for a configuration file that does not set them in
     *       {@code database.properties} (konwent.yml does, from KONWENT_DATABASE_CONNECT_TIMEOUT and _SOCKET_TIMEOUT):
     *       how long to wait for the database to take a connection, and for any answer on one, so that a database
     *       gone silent (a network black hole) fails a request with 503 instead of holding it until TCP gives up;</li>
     *   <li>the schema's collation, also for the connection: text the server sends is then compared in the
     *       columns' own collation, which lets MySQL/MariaDB treat {@code konwent_id = ?} as a constant in ORDER BY
     *       and read a register page from its index (with the server's default collation it sorted the whole
     *       register).</li>
     * </ul>
     */
    static final Map<String, String> MYSQL_DEFAULTS = Map.of("connectTimeout", "5000", "socketTimeout", "30000",
            "connectionCollation", "utf8mb4_unicode_ci");

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

    @Min(0)
    private int councilTermExpiryNoticeDays = CouncilService.DEFAULT_EXPIRY_NOTICE_DAYS;

    /** C5: how many days before its period ends a council term in office shows as expiring (0: never). */
    @JsonProperty
    public int getCouncilTermExpiryNoticeDays() {
        return councilTermExpiryNoticeDays;
    }

    @JsonProperty
    public void setCouncilTermExpiryNoticeDays(int days) {
        this.councilTermExpiryNoticeDays = days;
    }

    @NotNull
    private io.dropwizard.util.Duration requestHeaderTimeout = io.dropwizard.util.Duration.seconds(10);

    /** How long a client may take to send a request's line and headers, in total (see {@link HeaderDeadline}). */
    @JsonProperty
    public io.dropwizard.util.Duration getRequestHeaderTimeout() {
        return requestHeaderTimeout;
    }

    @JsonProperty
    public void setRequestHeaderTimeout(io.dropwizard.util.Duration requestHeaderTimeout) {
        this.requestHeaderTimeout = requestHeaderTimeout;
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
    private CalendarSettings calendar = new CalendarSettings();

    public CalendarSettings getCalendar() {
        return calendar;
    }

    @Valid
    @NotNull
    @JsonProperty
    private DocumentSettings documents = new DocumentSettings();

    @Valid
    @NotNull
    @JsonProperty
    private IdempotencySettings idempotency = new IdempotencySettings();

    public IdempotencySettings getIdempotency() {
        return idempotency;
    }

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
        if (!url.startsWith("jdbc:h2:")) {
            database.setProperties(withMysqlDefaults(database.getProperties(), url));
        }
        String driver = database.getDriverClass();
        if (driver == null || driver.isBlank()) {
            database.setDriverClass(url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "com.mysql.cj.jdbc.Driver");
        }
        return database;
    }

    /**
     * The driver properties with {@link #MYSQL_DEFAULTS} where they set none. A setting the url names itself is
     * taken out of them, since Connector/J lets properties override the url and the url is the user's last word.
     */
    private static Map<String, String> withMysqlDefaults(Map<String, String> properties, String url) {
        Map<String, String> completed = new LinkedHashMap<>(properties);
        MYSQL_DEFAULTS.forEach((name, fallback) -> {
            if (Pattern.compile("[?&(,]" + name + "=", Pattern.CASE_INSENSITIVE).matcher(url).find()) {
                completed.remove(name);
            } else {
                completed.putIfAbsent(name, fallback);
            }
        });
        return completed;
    }
}
