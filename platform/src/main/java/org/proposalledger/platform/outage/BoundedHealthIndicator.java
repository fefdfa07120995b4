package org.proposalledger.platform.outage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A health check that answers within a time limit: the check runs on another thread, and when
 * it has not answered in time the answer is its last answer while that is younger than five limits
 * (a check slowed down by a cold start or a busy machine), else DOWN ("no answer within …"). The
 * stores' own time limits (1 s) end a check in an outage soon enough to be that last answer. A check still running
 * from an earlier call is waited for rather than started again, so a store that hangs holds one
 * thread per check, never one per probe. Spring Boot asks the indicators of a health group one
 * after another; the first one asked starts every check of its {@code group} at once and sets the
 * probe's deadline, one time limit away, which the others share: the probe as a whole takes about
 * one time limit, not one per store that hangs.
 */
public final class BoundedHealthIndicator implements HealthIndicator {

    private record Run(CompletableFuture<Health> result, long startedNanos) {
    }

    private record Answer(Health health, long answeredNanos) {
    }

    /** A check slower than the limit is answered from its last answer while that is younger than this many limits. */
    static final int STALE_LIMITS = 5;

    private final HealthIndicator delegate;
    private final Supplier<Duration> timeout;
    private final Executor executor;
    private final Group group;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private volatile Answer last;

    BoundedHealthIndicator(HealthIndicator delegate, Supplier<Duration> timeout, Executor executor,
                           Group group) {
        this.delegate = delegate;
        this.timeout = timeout;
        this.executor = executor;
        this.group = group;
    }

    /** The checks asked together, and the moment the probe now asking them must have its answers by. */
    interface Group {
        List<BoundedHealthIndicator> members();

        /** The current probe's deadline; a new one ({@code limit} from now) once the last has passed. */
        long deadline(long limit);
    }

    /** The check this one bounds. */
    public HealthIndicator delegate() {
        return delegate;
    }

    /** Starts the check now without waiting for it, so the first probe finds an answer. */
    void warmUp() {
        startUnlessFresh(timeout.get().toNanos());
    }

    @Override
    public Health health() {
        long limit = timeout.get().toNanos();
        long deadline = group.deadline(limit);
        for (BoundedHealthIndicator member : group.members()) {
            member.startUnlessFresh(limit);
        }
        Run run = startUnlessFresh(limit);
        long left = Math.max(0, deadline - System.nanoTime());
        try {
            return run.result().get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // slow rather than gone (a cold start, a busy machine): the last answer, while it is recent
            Answer previous = last;
            if (previous != null && System.nanoTime() - previous.answeredNanos() < STALE_LIMITS * limit) {
                return Health.status(previous.health().getStatus()).withDetails(previous.health().getDetails())
                        .withDetail("answeredMillisAgo", (System.nanoTime() - previous.answeredNanos()) / 1_000_000)
                        .build();
            }
            return Health.down().withDetail("error", "no answer within " + limit / 1_000_000 + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    /**
     * The run to answer from: the one in progress, or one that started less than a time limit ago
     * (the same probe), else a new one.
     */
    private Run startUnlessFresh(long limit) {
        while (true) {
            Run run = current.get();
            long now = System.nanoTime();
            if (run != null && (!run.result().isDone() || now - run.startedNanos() < limit)) {
                return run;
            }
            Run fresh = new Run(new CompletableFuture<>(), now);
            if (current.compareAndSet(run, fresh)) {
                executor.execute(() -> {
                    try {
                        Health h = delegate.health();
                        last = new Answer(h, System.nanoTime());
                        fresh.result().complete(h);
                    } catch (Throwable t) {
                        last = new Answer(Health.down().withDetail("error", String.valueOf(t)).build(), System.nanoTime());
                        fresh.result().completeExceptionally(t);
                    }
                });
                return fresh;
            }
        }
    }
}
