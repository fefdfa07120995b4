package org.proposalledger.platform.ops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs every {@link RefreshedMetrics} bean on one daemon thread, from start to stop of the context. */
public class MetricsRefresher implements SmartLifecycle {

    private final ObjectProvider<RefreshedMetrics> metrics;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public MetricsRefresher(ObjectProvider<RefreshedMetrics> metrics, Duration interval) {
        this.metrics = metrics;
        this.interval = interval;
    }

    /** Every metric once, now, on the caller's thread. */
    public void refreshNow() {
        metrics.orderedStream().forEach(RefreshedMetrics::refresh);
    }

    @Override
    public synchronized void start() {
        List<RefreshedMetrics> all = metrics.orderedStream().toList();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-refresh");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> all.forEach(RefreshedMetrics::refresh),
                0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** After Axon's processors have started (they start in phase Integer.MAX_VALUE / 2 and below). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
