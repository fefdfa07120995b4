package org.proposalledger.platform.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes keys past their retention every {@code ledger.idempotency.purge-interval}. Every process
 * may run it on a shared database: deleting a row twice is no harm.
 */
class KeyPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeyPurge.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    KeyPurge(IdempotencyStore store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idempotency-key-purge");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void purge() {
        try {
            int deleted = store.purge(clock.millis());
            if (deleted > 0) {
                log.debug("{} expired idempotency keys deleted", deleted);
            }
        } catch (RuntimeException e) {
            // the database is away: the next round tries again, and expired keys are ignored meanwhile
            log.warn("Expired idempotency keys not purged: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
