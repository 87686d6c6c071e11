package io.strongroom.systemtests.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line of this JVM (message, parameters, stack traces) while open, with
 * Strongroom's own loggers lowered to DEBUG, so a test can check what never reaches a log. Copied in
 * spirit from the gateway's test helper; the system tests cannot see that module's test classes.
 */
public final class CapturedLogs extends AbstractAppender implements AutoCloseable {
    private static final String STRONGROOM = "io.strongroom";
    private final List<String> lines = new ArrayList<>();
    private Level previous;

    private CapturedLogs() {
        super("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    }

    public static CapturedLogs capture() {
        CapturedLogs appender = new CapturedLogs();
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.getRootLogger().addAppender(appender, null, null);
        LoggerConfig strongroom = config.getLoggerConfig(STRONGROOM);
        appender.previous = strongroom.getLevel();
        strongroom.setLevel(Level.DEBUG);
        strongroom.addAppender(appender, null, null);
        context.updateLoggers();
        return appender;
    }

    @Override
    public synchronized void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        lines.add(line.toString());
    }

    public synchronized String all() {
        return String.join("\n", lines);
    }

    public synchronized int count() {
        return lines.size();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(getName());
        LoggerConfig strongroom = config.getLoggerConfig(STRONGROOM);
        strongroom.removeAppender(getName());
        strongroom.setLevel(previous);
        context.updateLoggers();
        stop();
    }
}
