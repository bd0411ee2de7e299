package pl.konwent.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KONWENT_REQUEST_LOG_LEVEL: a threshold above INFO leaves the request log with no appender, so none is built. */
class RequestLogThresholdTest {
    @Test
    void offAndWarnSwitchTheRequestLogOff() {
        for (String level : List.of("OFF", "WARN", "ERROR", "off")) {
            LogbackAccessRequestLogFactory requestLog = requestLogAt(level);
            assertThat(requestLog.getAppenders()).as(level).isEmpty();
            assertThat(requestLog.isEnabled()).as(level).isFalse();
        }
    }

    @Test
    void infoAndBelowKeepIt() {
        for (String level : List.of("INFO", "DEBUG", "ALL", "TRACE")) {
            LogbackAccessRequestLogFactory requestLog = requestLogAt(level);
            assertThat(requestLog.getAppenders()).as(level).hasSize(1);
            assertThat(requestLog.isEnabled()).as(level).isTrue();
        }
    }

    private static LogbackAccessRequestLogFactory requestLogAt(String level) {
        ConsoleAppenderFactory<IAccessEvent> console = new ConsoleAppenderFactory<>();
        console.setThreshold(level);
        LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
        List<AppenderFactory<IAccessEvent>> appenders = new ArrayList<>();
        appenders.add(console);
        requestLog.setAppenders(appenders);
        DefaultServerFactory server = new DefaultServerFactory();
        server.setRequestLogFactory(requestLog);
        Startup.requestLogAtThreshold(server);
        return requestLog;
    }
}
