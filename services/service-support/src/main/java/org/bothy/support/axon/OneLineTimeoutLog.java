package org.bothy.support.axon;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Axon's time limits log through this, one line per entry: Axon ends each entry with the handling thread's whole stack
 * trace, and repeats the warning every interval while a unit of work runs long, so under load (a publisher's batch
 * waiting for Kafka) the log fills with stack traces. The line keeps all the rest: which processor or bus, on which
 * thread, how long so far, and how long until it is interrupted. It goes to Axon's own logger, so its level settings
 * still apply.
 */
final class OneLineTimeoutLog extends LegacyAbstractLogger {

    private final transient Logger axon;

    OneLineTimeoutLog(Logger axon) {
        this.axon = axon;
        this.name = axon.getName();
    }

    @Override
    public boolean isTraceEnabled() {
        return axon.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return axon.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return axon.isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return axon.isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return axon.isErrorEnabled();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                                               Throwable throwable) {
        String line = firstLine(message);
        LoggingEventBuilder entry = axon.atLevel(level).setMessage(line);
        if (arguments != null) {
            // only the arguments the first line shows: the stack trace is the argument of a later line
            Arrays.stream(arguments).limit(placeholders(line)).forEach(entry::addArgument);
        }
        if (throwable != null) {
            entry = entry.setMessage(line + " (" + throwable.getClass().getSimpleName() + ")");
        }
        entry.log();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static long placeholders(String line) {
        long count = 0;
        for (int at = line.indexOf("{}"); at >= 0; at = line.indexOf("{}", at + 2)) {
            count++;
        }
        return count;
    }
}
