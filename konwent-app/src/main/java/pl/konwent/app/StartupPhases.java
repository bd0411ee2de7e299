package pl.konwent.app;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each phase of a start took (issue 20), logged once at INFO by the logger {@code konwent.startup} when
 * the server is ready: {@code Started in … s: jvm … s, bootstrap … s, liquibase … s (up to date), …}.
 * The phases, each ending where the next begins: {@code jvm} (the JVM's start to {@code main}),
 * {@code bootstrap} (Dropwizard: the configuration, logging, bundles), {@code liquibase}, {@code database} (the
 * pool and Jdbi), {@code wiring} (the rest of {@code run}: services, the first admin, the archive chains),
 * {@code server} (Dropwizard builds Jetty and Jersey's servlet), {@code managed} (pools and timers started),
 * {@code jersey} (Jersey's resource model), {@code jetty} (the rest of Jetty's start, connectors open).
 * The first request answered is measured outside (bench/startup, bench/run): the launch to the first 200.
 */
final class StartupPhases {
    private static final Logger LOG = LoggerFactory.getLogger("konwent.startup");
    private static volatile long mainStarted;

    private final List<String> phases = new ArrayList<>();
    private final long begun;
    private long last;

    private StartupPhases(long begun) {
        this.begun = begun;
        this.last = begun;
    }

    /** Called first thing in {@code main}: the end of the JVM's own start. */
    static void mainStarted() {
        mainStarted = System.nanoTime();
    }

    /** At the start of {@code run}: bootstrap ends here; jvm and bootstrap are left out when main was not run. */
    static StartupPhases inRun() {
        long now = System.nanoTime();
        if (mainStarted == 0) {
            return new StartupPhases(now);
        }
        // the JVM's own start time, in milliseconds (the process's, from /proc, is rounded to the second)
        long jvm = Duration.between(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
                Instant.now()).toNanos() - (now - mainStarted);
        StartupPhases phases = new StartupPhases(mainStarted - Math.max(jvm, 0));
        phases.phases.add(format("jvm", Math.max(jvm, 0), null));
        phases.last = mainStarted;
        phases.end("bootstrap");
        return phases;
    }

    /** Ends the phase running since the previous one ended. */
    synchronized void end(String phase) {
        end(phase, null);
    }

    synchronized void end(String phase, String note) {
        long now = System.nanoTime();
        phases.add(format(phase, now - last, note));
        last = now;
    }

    /** Ends the phases of the server's start as Jetty and Jersey reach them, and logs them all once started. */
    void listen(Environment environment) {
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server) {
                    end("server");
                }
            }
        });
        environment.jersey().register(new JerseyPhase());
        environment.lifecycle().addServerLifecycleListener(new Logged());
    }

    synchronized String summary() {
        double total = (System.nanoTime() - begun) / 1e9;
        return String.format(Locale.ROOT, "Started in %.2f s: %s", total, String.join(", ", phases));
    }

    private static String format(String phase, long nanos, String note) {
        return String.format(Locale.ROOT, "%s %.2f s%s", phase, nanos / 1e9, note == null ? "" : " (" + note + ")");
    }

    /** Jersey configures its features as it begins building the application, and tells listeners when done. */
    private final class JerseyPhase implements Feature, ContainerLifecycleListener {
        @Override
        public boolean configure(FeatureContext context) {
            end("managed");
            return true;
        }

        @Override
        public void onStartup(Container container) {
            end("jersey");
        }

        @Override
        public void onReload(Container container) {
        }

        @Override
        public void onShutdown(Container container) {
        }
    }

    private final class Logged implements ServerLifecycleListener {
        @Override
        public void serverStarted(Server server) {
            end("jetty");
            LOG.info(summary());
        }
    }
}
