package pl.konwent.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.servlets.tasks.Task;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pl.konwent.adapters.web.http.IdempotencyStore;

/**
 * Idempotency records (konwent.yml, section {@code idempotency}): how long the first answer to a key is kept, and
 * how often records past that are purged. Every instance purges; deleting what is expired is the same work done
 * twice at worst, and a record past its retention counts as absent even before it is purged.
 */
public class IdempotencySettings {
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration retention = Duration.hours(24);

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration purgeInterval = Duration.minutes(10);

    java.time.Duration retention() {
        return retention.toJavaDuration();
    }

    /**
     * Purges every {@code purgeInterval} while the server runs, and on demand with the admin task
     * {@code POST /tasks/purge-idempotency-records} on the admin port.
     */
    void manage(Environment environment, IdempotencyStore store, Clock clock) {
        Runnable purge = () -> store.purge(clock.instant().minus(retention()));
        Periodic.every(environment, "idempotency-purge", purgeInterval, purge);
        environment.admin().addTask(new Task("purge-idempotency-records") {
            @Override
            public void execute(Map<String, List<String>> parameters, PrintWriter output) {
                output.println(store.purge(clock.instant().minus(retention())) + " idempotency records purged");
            }
        });
    }
}
