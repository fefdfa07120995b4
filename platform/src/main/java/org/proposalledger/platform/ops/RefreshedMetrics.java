package org.proposalledger.platform.ops;

/**
 * Gauges whose values are read from stores: recomputed every {@code ledger.metrics.refresh-interval}
 * by {@link MetricsRefresher} rather than on each scrape, so a scrape never queries a database.
 */
public interface RefreshedMetrics {

    void refresh();
}
