package org.proposalledger.platform.outage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps an outage from flooding the log. Axon's event-store reader, its processors' work packages
 * and coordinators, the MongoDB driver and the rest each log a failed retry with its stack trace,
 * every second or two, and the MongoDB driver each operation it holds back, for as long as a store
 * is out of reach. A log event (INFO or above) whose exception {@link StoreOutages} reads as a store
 * out of reach (or, without one, whose line a classifier recognises) is written once per logger and store
 * per interval, as one line without the stack trace (the original message, what is out of reach
 * and why, how many repeats were left out since); the others are dropped. Everything else passes
 * untouched.
 */
public final class OutageLogFilter extends TurboFilter {

    private static final class Window {
        long reportedAt;
        long leftOut;
    }

    private final StoreOutages outages;
    private final Supplier<Duration> interval;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Set while this filter writes its own line, which must pass (it may look like the line it replaces). */
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);

    public OutageLogFilter(StoreOutages outages, Supplier<Duration> interval) {
        this.outages = outages;
        this.interval = interval;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.INFO) || writing.get()) {
            return FilterReply.NEUTRAL;
        }
        Throwable failure = t != null ? t : lastThrowable(params);
        Optional<StoreOutages.Outage> outage = failure != null ? outages.find(failure)
                : format != null ? outages.findInLog(logger.getName(), format) : Optional.empty();
        if (outage.isEmpty()) {
            return FilterReply.NEUTRAL;
        }
        Store store = outage.get().store();
        long now = System.nanoTime();
        long every = interval.get().toNanos();
        long leftOut = -1;
        Window w = windows.computeIfAbsent(logger.getName() + '|' + store, k -> new Window());
        synchronized (w) {
            if (w.reportedAt == 0 || now - w.reportedAt >= every) {
                leftOut = w.leftOut;
                w.reportedAt = now;
                w.leftOut = 0;
            } else {
                w.leftOut++;
            }
        }
        if (leftOut >= 0 && logger.isEnabledFor(level)) {
            String message = (format == null ? "" : MessageFormatter.arrayFormat(format, params).getMessage())
                    + " [" + store.label() + " is out of reach"
                    + (failure == null ? "" : ": " + outage.get().reason())
                    + "; the same from here is written once per " + interval.get().toSeconds() + " s"
                    + (leftOut > 0 ? ", " + leftOut + " left out since the last time" : "") + "]";
            writing.set(true);
            try {
                logger.log(marker, Logger.FQCN, Level.toLocationAwareLoggerInteger(level), message, null, null);
            } finally {
                writing.set(false);
            }
        }
        return FilterReply.DENY;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t ? t : null;
    }
}
