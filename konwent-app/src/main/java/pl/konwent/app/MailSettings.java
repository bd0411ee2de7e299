package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import pl.konwent.adapters.jdbi.mail.JdbiOutbox;
import pl.konwent.adapters.mail.LoggingMailSender;
import pl.konwent.adapters.mail.MailDispatcher;
import pl.konwent.adapters.mail.MailSender;
import pl.konwent.adapters.mail.SmtpMailSender;

/**
 * Outgoing e-mail (konwent.yml, section {@code mail}): {@code LOG} writes messages to the log, {@code SMTP} sends
 * them through the server configured here. Either way they pass through the outbox table first.
 */
public class MailSettings {

    public enum Transport { LOG, SMTP }

    @JsonProperty
    @NotNull
    private Transport transport = Transport.LOG;

    @JsonProperty
    private String host = "";

    @JsonProperty
    @Min(1)
    @Max(65535)
    private int port = 587;

    @JsonProperty
    private String username = "";

    @JsonProperty
    private String password = "";

    @JsonProperty
    @NotNull
    private String from = "konwent@localhost";

    @JsonProperty
    private boolean startTls = true;

    /** How often the outbox is looked at for messages to send. */
    @JsonProperty
    @NotNull
    private Duration interval = Duration.seconds(10);

    @JsonProperty
    @NotNull
    private Duration timeout = Duration.seconds(20);

    MailSender sender() {
        if (transport == Transport.LOG) {
            return new LoggingMailSender();
        }
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("mail.transport is SMTP but mail.host (KONWENT_MAIL_HOST) is empty");
        }
        return new SmtpMailSender(new SmtpMailSender.Server(host, port, username, password, from, startTls,
                timeout.toJavaDuration()));
    }

    MailDispatcher dispatcher(JdbiOutbox outbox, Clock clock) {
        return new MailDispatcher(outbox, sender(), clock);
    }

    /** Runs the dispatcher every {@code interval} while the server runs, on one thread of its own. */
    void manage(Environment environment, MailDispatcher dispatcher) {
        Periodic.every(environment, "mail-outbox", interval, dispatcher::dispatchDue);
    }
}
