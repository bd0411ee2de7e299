package pl.konwent.app;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.access.jetty.RequestLogImpl;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.lifecycle.PortDescriptor;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a start prints: at INFO only what the operator needs, ending with one line saying where the API is ready;
 * at KONWENT_LOG_LEVEL=DEBUG (or TRACE) everything the libraries say about starting, as they would by default.
 */
final class Startup {
    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    private Startup() {
    }

    /**
     * logback-access prints its version checks to standard output at every start, with two warnings since it
     * finds no version of logback-access-jetty12 (2.0.9); shown only at DEBUG. (The chatty loggers are set in
     * konwent.yml: some log before {@code run}.)
     */
    static void quietRequestLog(Environment environment) {
        boolean quiet = !detailWanted();
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server && server.getRequestLog() instanceof RequestLogImpl requestLog) {
                    requestLog.setQuiet(quiet);
                }
            }
        });
    }

    /**
     * Drops the request log's appenders whose threshold is above INFO (WARN, ERROR, OFF), so that
     * {@code KONWENT_REQUEST_LOG_LEVEL=OFF} (or WARN) really switches the request log off. Dropwizard ignores a
     * request-log appender's threshold (a request event has no level; its threshold filter never applies): the
     * request log was built and wrote every line whatever the setting. With no appender left Dropwizard installs no
     * request log at all, so the request costs nothing for it (issue 20: 15% of the trivial endpoint's CPU).
     * Must run before the server is built (in {@code run}, which Dropwizard calls before building it).
     */
    static void requestLogAtThreshold(ServerFactory server) {
        if (server instanceof AbstractServerFactory factory
                && factory.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog
                && requestLog.getAppenders() != null) {
            List<AppenderFactory<IAccessEvent>> kept = requestLog.getAppenders().stream()
                    .filter(appender -> !(appender instanceof AbstractAppenderFactory<IAccessEvent> leveled)
                            || Level.toLevel(leveled.getThreshold(), Level.ALL).toInt() <= Level.INFO_INT)
                    .toList();
            requestLog.setAppenders(new ArrayList<>(kept));
        }
    }

    /**
     * Runs Liquibase with its messages ("Running Changeset: …", the update summary) sent to its logger instead
     * of standard output, so that the level of the logger {@code liquibase} decides whether they are shown.
     */
    static void migrateQuietly(Liquibase liquibase) throws Exception {
        liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> liquibase.update(""));
    }

    private static boolean detailWanted() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Level root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel();
        return root != null && root.toInt() <= Level.DEBUG_INT;
    }

    /** The line a newcomer waits for: the API's and the docs' addresses, and where the admin password is. */
    static final class ReadyLine implements ServerLifecycleListener {
        private final String adminPassword;

        ReadyLine(String adminPassword) {
            this.adminPassword = adminPassword;
        }

        @Override
        public void serverStarted(Server server) {
            String base = getPortDescriptorList(server).stream()
                    .filter(port -> "application".equalsIgnoreCase(port.getConnectorType()))
                    .findFirst().map(ReadyLine::base).orElse("http://localhost:" + getLocalPort(server));
            LOG.info("Konwent API ready at {}/api/v1 — docs {}/docs — {}", base, base, adminPassword);
        }

        private static String base(PortDescriptor port) {
            String host = port.getHost();
            boolean anyAddress = host == null || host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)
                    || "[::]".equals(host);
            String scheme = port.getProtocol().toLowerCase(java.util.Locale.ROOT).matches(".*(ssl|tls|https).*")
                    ? "https" : "http";
            return scheme + "://" + (anyAddress ? "localhost" : host) + ":" + port.getPort();
        }
    }
}
