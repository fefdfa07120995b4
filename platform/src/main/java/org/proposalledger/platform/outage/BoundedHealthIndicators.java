package org.proposalledger.platform.outage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.availability.AvailabilityStateHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Puts every health indicator of the context (the event store's {@code db}, {@code mongo},
 * {@code axonServer}, the catch-up check …) behind {@link BoundedHealthIndicator}, so that a
 * store which does not answer makes readiness DOWN within {@code ledger.outage.health-timeout}
 * instead of holding the probe for the store's own timeout (30 s by default for both HikariCP
 * and the MongoDB driver). Spring Boot has no time limit of its own for health checks. The
 * liveness and readiness states are answered from memory and left as they are.
 */
public final class BoundedHealthIndicators implements BeanPostProcessor, DisposableBean,
        ApplicationListener<ApplicationReadyEvent> {

    private final ObjectProvider<OutageProperties> properties;
    private final List<BoundedHealthIndicator> bounded = new CopyOnWriteArrayList<>();
    /**
     * Spring Boot asks a probe's indicators one after another on the request's thread: a deadline
     * that passed less than this long ago on this thread is still the same probe's.
     */
    private static final long SAME_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private final ThreadLocal<long[]> probeDeadline = ThreadLocal.withInitial(() -> new long[]{System.nanoTime() - 2 * SAME_PROBE_NANOS});
    private final BoundedHealthIndicator.Group group = new BoundedHealthIndicator.Group() {
        @Override
        public List<BoundedHealthIndicator> members() {
            return bounded;
        }

        @Override
        public long deadline(long limit) {
            long now = System.nanoTime();
            long[] d = probeDeadline.get();
            if (now - d[0] > SAME_PROBE_NANOS) {
                d[0] = now + limit;
            }
            return d[0];
        }
    };
    private final ExecutorService checks = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-check");
        t.setDaemon(true);
        return t;
    });

    public BoundedHealthIndicators(ObjectProvider<OutageProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HealthIndicator indicator && !(bean instanceof AvailabilityStateHealthIndicator)
                && !(bean instanceof BoundedHealthIndicator)) {
            BoundedHealthIndicator b = new BoundedHealthIndicator(indicator, this::timeout, checks, group);
            bounded.add(b);
            return b;
        }
        return bean;
    }

    private Duration timeout() {
        OutageProperties p = properties.getIfAvailable();
        return p == null ? new OutageProperties().getHealthTimeout() : p.getHealthTimeout();
    }

    /** Every check once as the application becomes ready, so that the first probe has answers to go by. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        bounded.forEach(BoundedHealthIndicator::warmUp);
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
