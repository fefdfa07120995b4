package org.proposalledger.query.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ledger.dashboard.*}: the dashboards' HTTP defaults. */
@ConfigurationProperties("ledger.dashboard")
public class DashboardSettings {

    /** The smallest sample a unit needs to be ranked when the request gives no {@code minSample}. */
    private int minSample = 5;

    public int getMinSample() {
        return minSample;
    }

    public void setMinSample(int minSample) {
        this.minSample = minSample;
    }
}
