package org.proposalledger.platform.outage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.outage.*}: how the ledger answers while a store is out of reach (docs/outages.md).
 * The event store's own bound is HikariCP's {@code spring.datasource.hikari.connection-timeout}
 * (set in ledger-defaults.properties); the read store's are {@code ledger.outage.read-store.*}
 * (query side).
 */
@ConfigurationProperties("ledger.outage")
public class OutageProperties {

    /** The {@code Retry-After} of a 503 answered because a store is out of reach. */
    private Duration retryAfter = Duration.ofSeconds(5);

    /**
     * How long a health check may take before it counts as DOWN (each check runs on its own
     * thread; a check still running is waited for, never started twice), so readiness answers
     * within about this long in every state.
     */
    private Duration healthTimeout = Duration.ofMillis(400);

    /**
     * While a store is out of reach, a logger reports it once per this interval (one line, without
     * the stack trace, with the count of repeats left out) instead of every failed retry.
     */
    private Duration logInterval = Duration.ofMinutes(1);

    /**
     * How often a streaming processor in Axon's error back-off (which grows to 60 s while a store is
     * out of reach) is looked at; once the event store and the read store both answer again it is
     * told to resume at once instead of waiting out the back-off.
     */
    private Duration recoveryCheckInterval = Duration.ofSeconds(1);

    public Duration getRecoveryCheckInterval() {
        return recoveryCheckInterval;
    }

    public void setRecoveryCheckInterval(Duration recoveryCheckInterval) {
        this.recoveryCheckInterval = recoveryCheckInterval;
    }

    public Duration getRetryAfter() {
        return retryAfter;
    }

    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }

    public Duration getLogInterval() {
        return logInterval;
    }

    public void setLogInterval(Duration logInterval) {
        this.logInterval = logInterval;
    }
}
