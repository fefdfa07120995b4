package org.proposalledger.tools.bench;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** {@code ledger.benchmark.*}: the dashboard benchmark and the rebuild benchmark. */
@ConfigurationProperties("ledger.benchmark")
public class BenchmarkProperties {

    /**
     * Proposals per session the dashboard benchmark appends and times its requests on, one
     * session per size, in one store (e.g. 10000,1000000). Set, it runs the benchmark and exits.
     */
    private List<Integer> sizes = new ArrayList<>();

    /** Whether the dashboard benchmark also times the audit benchmark's requests on the same store. */
    private boolean audit = true;

    /**
     * At most this many of a size's events go through the raw rate's pass (plain JDBC read plus
     * MongoDB bulk insert) the projection is compared with: a full pass at a million proposals
     * would insert six million scratch documents, tens of minutes on the embedded server.
     */
    private long rawMaxEvents = 300_000;

    /**
     * Events the rebuild benchmark appends, then rebuilds every read model from, beside the raw
     * floor. Set, it runs the benchmark and exits.
     */
    private Integer rebuildEvents;

    public List<Integer> getSizes() {
        return sizes;
    }

    public void setSizes(List<Integer> sizes) {
        this.sizes = sizes;
    }

    public boolean isAudit() {
        return audit;
    }

    public void setAudit(boolean audit) {
        this.audit = audit;
    }

    public long getRawMaxEvents() {
        return rawMaxEvents;
    }

    public void setRawMaxEvents(long rawMaxEvents) {
        this.rawMaxEvents = rawMaxEvents;
    }

    public Integer getRebuildEvents() {
        return rebuildEvents;
    }

    public void setRebuildEvents(Integer rebuildEvents) {
        this.rebuildEvents = rebuildEvents;
    }
}
