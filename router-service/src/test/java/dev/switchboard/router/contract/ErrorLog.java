package dev.switchboard.router.contract;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what any logger logs at ERROR while it is open. */
final class ErrorLog implements AutoCloseable {

    private final Logger root;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private ErrorLog(Logger root) {
        this.root = root;
    }

    static ErrorLog capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ErrorLog log = new ErrorLog(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
        ThresholdFilter errors = new ThresholdFilter();
        errors.setLevel(Level.ERROR.levelStr);
        errors.start();
        log.appender.addFilter(errors);
        log.appender.setContext(context);
        log.appender.start();
        log.root.addAppender(log.appender);
        return log;
    }

    List<String> messages() {
        synchronized (appender) {
            return appender.list.stream()
                    .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()
                            + (event.getThrowableProxy() == null ? ""
                            : " (" + event.getThrowableProxy().getClassName() + ": "
                            + event.getThrowableProxy().getMessage() + ")"))
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
