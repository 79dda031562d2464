package com.partnerworkspace.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the engine logs (every logger, through the root) while it is open: for tests that prove a secret
 * or one-time code never reaches a log line. Messages are formatted with their arguments, exceptions
 * included.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public List<String> messages() {
        List<String> messages = new ArrayList<>();
        synchronized (appender) {
            for (ILoggingEvent event : appender.list) {
                StringBuilder text = new StringBuilder(event.getFormattedMessage());
                for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                    text.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
                }
                messages.add(text.toString());
            }
        }
        return messages;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
