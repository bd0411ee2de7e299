package pl.konwent.app;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work run every so often while the server runs (the outboxes' senders), each on a thread of its own. */
final class Periodic {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {
    }

    /**
     * Runs {@code task} every {@code interval}, starting one interval after the server starts; a run that fails
     * (the database away, say) is logged and the next one comes as usual.
     */
    static void every(Environment environment, String name, Duration interval, Runnable task) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService(name + "-%d")
                .threads(1).build();
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                executor.scheduleWithFixedDelay(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("{} failed, trying again in {}: {}", name, interval, e.toString());
                    }
                }, interval.toMilliseconds(), interval.toMilliseconds(), TimeUnit.MILLISECONDS);
            }
        });
    }
}
