package org.proposalledger.tools.bench;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** {@code ledger.audit-benchmark.*}: the audit benchmark. */
@ConfigurationProperties("ledger.audit-benchmark")
public class AuditBenchmarkProperties {

    /**
     * Store sizes, as totals of proposals in one store (e.g. 10000,1000000), at which the audit
     * benchmark times point-in-time states and histories. Set, it runs the benchmark and exits.
     */
    private List<Integer> sizes = new ArrayList<>();

    public List<Integer> getSizes() {
        return sizes;
    }

    public void setSizes(List<Integer> sizes) {
        this.sizes = sizes;
    }
}
