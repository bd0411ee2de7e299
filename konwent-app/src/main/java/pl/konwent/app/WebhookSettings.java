package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import pl.konwent.adapters.jdbi.integration.JdbiDeliveryQueue;
import pl.konwent.adapters.webhooks.AddressPolicy;
import pl.konwent.adapters.webhooks.WebhookDispatcher;
import pl.konwent.adapters.webhooks.WebhookSender;

/**
 * Webhook delivery (konwent.yml, section {@code webhooks}): how often due deliveries are looked for, how long one
 * attempt may take to connect and to be answered, and whether addresses in private networks may receive them.
 */
public class WebhookSettings {
    @JsonProperty
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration interval = Duration.seconds(5);

    @JsonProperty
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration timeout = Duration.seconds(10);

    /** Off: loopback, private, link-local, CGNAT and other non-public addresses are refused (SSRF). */
    @JsonProperty
    private boolean allowPrivateAddresses = false;

    AddressPolicy addressPolicy() {
        return new AddressPolicy(allowPrivateAddresses);
    }

    WebhookDispatcher dispatcher(JdbiDeliveryQueue queue, Clock clock) {
        return new WebhookDispatcher(queue, new WebhookSender(addressPolicy(), timeout.toJavaDuration()),
                timeout.toJavaDuration(), clock);
    }

    /** Runs the dispatcher every {@code interval} while the server runs, on one thread of its own. */
    void manage(Environment environment, WebhookDispatcher dispatcher) {
        Periodic.every(environment, "webhooks", interval, dispatcher::dispatchDue);
    }
}
