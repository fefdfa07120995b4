package org.proposalledger.platform.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code ledger.metrics.*}: the gauges recomputed in the background. */
@ConfigurationProperties("ledger.metrics")
public class MetricsProperties {

    /** How often the processor lag and session rate gauges are recomputed. */
    private Duration refreshInterval = Duration.ofSeconds(10);

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }
}
