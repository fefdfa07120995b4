package org.proposalledger.query.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.query.*}: how the read-model processors run. If
 * {@code axon.eventhandling.processors.proposal-views.*} is set, Axon's own property-driven
 * registration is left in charge of that processor and {@code projection} is not used.
 */
@ConfigurationProperties("ledger.query")
public class ProjectionSettings {

    private final Projection projection = new Projection();
    private final Balance balance = new Balance();

    public Projection getProjection() {
        return projection;
    }

    public Balance getBalance() {
        return balance;
    }

    /** {@code ledger.query.projection.*}: the {@value Projections#GROUP} processor. */
    public static class Projection {

        /** Events per batch: each batch loads and writes each touched document once (Axon's default of 1 writes every event on its own). */
        private int batchSize = 500;
        /** Initial segment count, the most query-side processes that can share the work. */
        private int segments = 4;
        /** Worker threads of this process. */
        private int threads = 2;
        /** How often unclaimed segments are looked for. */
        private Duration claimInterval = Duration.ofSeconds(5);

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getSegments() {
            return segments;
        }

        public void setSegments(int segments) {
            this.segments = segments;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public Duration getClaimInterval() {
            return claimInterval;
        }

        public void setClaimInterval(Duration claimInterval) {
            this.claimInterval = claimInterval;
        }
    }

    /** {@code ledger.query.balance.*}: query-side processes on one MongoDB split the segments ({@link SegmentBalancer}). */
    public static class Balance {

        /** Whether this process takes part (writes its heartbeat and releases segments beyond its share). */
        private boolean enabled = true;
        /** How often the heartbeat is written and the share recomputed. */
        private Duration interval = Duration.ofSeconds(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }
}
