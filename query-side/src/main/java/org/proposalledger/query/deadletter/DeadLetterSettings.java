package org.proposalledger.query.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.query.dead-letters.*}: the read-model processors' dead-letter queues
 * ({@link ProjectionDeadLetterQueue}).
 */
@ConfigurationProperties("ledger.query.dead-letters")
public class DeadLetterSettings {

    /** Proposals (sequences) a processor may park; one more halts the processor, as without a queue. */
    private int maxSequences = 1024;
    /** Events one proposal may have parked. */
    private int maxSequenceSize = 1024;
    /** How long a retry holds a sequence before another process may take it over (a retry that died). */
    private Duration claimDuration = Duration.ofSeconds(30);
    /**
     * How often each process refreshes the counts (gauge, health) and retries sequences whose
     * first letter did not fail itself (parked behind one that was evicted or retried meanwhile)
     * or whose retry was asked for on a process that could not run it.
     */
    private Duration sweepInterval = Duration.ofSeconds(5);

    public int getMaxSequences() {
        return maxSequences;
    }

    public void setMaxSequences(int maxSequences) {
        this.maxSequences = maxSequences;
    }

    public int getMaxSequenceSize() {
        return maxSequenceSize;
    }

    public void setMaxSequenceSize(int maxSequenceSize) {
        this.maxSequenceSize = maxSequenceSize;
    }

    public Duration getClaimDuration() {
        return claimDuration;
    }

    public void setClaimDuration(Duration claimDuration) {
        this.claimDuration = claimDuration;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }
}
