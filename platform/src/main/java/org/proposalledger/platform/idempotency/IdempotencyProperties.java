package org.proposalledger.platform.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code ledger.idempotency.*}: how long {@code Idempotency-Key} answers are kept, and how long a retry waits. */
@ConfigurationProperties("ledger.idempotency")
public class IdempotencyProperties {

    /** How long a key's answer is kept and replayed, counted from that answer; clients are promised 24 hours. */
    private Duration retention = Duration.ofHours(24);

    /**
     * How long a request waits for another request with the same key (still running, its answer
     * not yet committed) before it is answered 409 {@code idempotency-key-in-use}.
     */
    private Duration inUseWait = Duration.ofSeconds(2);

    /** How often keys past their retention are deleted. */
    private Duration purgeInterval = Duration.ofMinutes(10);

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = positive("retention", retention);
    }

    public Duration getInUseWait() {
        return inUseWait;
    }

    public void setInUseWait(Duration inUseWait) {
        this.inUseWait = positive("in-use-wait", inUseWait);
    }

    public Duration getPurgeInterval() {
        return purgeInterval;
    }

    public void setPurgeInterval(Duration purgeInterval) {
        this.purgeInterval = positive("purge-interval", purgeInterval);
    }

    private static Duration positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("ledger.idempotency." + name + " must be a positive duration");
        }
        return d;
    }
}
