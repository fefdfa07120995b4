package org.proposalledger.tools.bench.support;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Brings the stores to the steady state request latencies are meant to be measured in, after a
 * bulk load: on PostgreSQL a {@code VACUUM ANALYZE} of the event table (what autovacuum would
 * otherwise do during the timed calls — insert-triggered on millions of new rows), then a wait
 * until the machine's CPU has been idle for a few seconds (the embedded store's background writer
 * compacting its file, a checkpoint, a processor finishing). Both are printed: the figures after
 * it are latencies of a quiet system, not of its maintenance.
 */
public final class Quiet {

    private static final double IDLE = 0.15;
    private static final int IDLE_SAMPLES = 5;
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private Quiet() {
    }

    public static void settle(DataSource dataSource) throws InterruptedException {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
                c.setAutoCommit(true); // VACUUM cannot run inside a transaction
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM (ANALYZE) domainevententry");
                }
                System.out.printf("quiet: VACUUM ANALYZE of the event table took %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot vacuum the event table", e);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t1 = System.nanoTime();
        long deadline = t1 + MAX_WAIT.toNanos();
        int idle = 0;
        double load = 1;
        while (idle < IDLE_SAMPLES && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            load = os.getCpuLoad(); // the whole machine's, over the last interval
            idle = load >= 0 && load < IDLE ? idle + 1 : 0;
        }
        System.out.printf("quiet: machine CPU %.0f%% after waiting %.1f s%s%n", load * 100, (System.nanoTime() - t1) / 1e9,
                idle < IDLE_SAMPLES ? " (gave up: still busy)" : "");
    }
}
