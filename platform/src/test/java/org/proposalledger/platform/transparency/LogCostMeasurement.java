package org.proposalledger.platform.transparency;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.transparency.MerkleTree;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a test of behaviour but the figures of docs/transparency-log.md, on an H2 file (PostgreSQL
 * with {@code -Dledger.log-cost.postgres=true}): appends per second through the event store with
 * the keeper stopped and running, the time to log a store that already holds {@code n} events, and
 * proof latency at that size. Runs only when {@code -Dledger.log-cost.events=N} is given.
 */
class LogCostMeasurement {

    @Test
    void measure() throws Exception {
        String n = System.getProperty("ledger.log-cost.events");
        assumeTrue(n != null, "-Dledger.log-cost.events=N not given: no measurement");
        int events = Integer.parseInt(n);
        try (LogFixture f = Boolean.getBoolean("ledger.log-cost.postgres") ? LogFixture.postgres() : LogFixture.h2()) {
            int half = events / 2;
            long t0 = System.nanoTime();
            for (int i = 0; i < half; i++) {
                f.publish("s-" + (i % 1000), i / 1000);
            }
            double without = half / ((System.nanoTime() - t0) / 1e9);

            long t1 = System.nanoTime();
            LogKeeper keeper = f.startKeeper(1000);
            await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(50)).until(() -> keeper.size() == half);
            double build = (System.nanoTime() - t1) / 1e9;

            long t2 = System.nanoTime();
            for (int i = half; i < events; i++) {
                f.publish("s-" + (i % 1000), i / 1000);
            }
            double with = (events - half) / ((System.nanoTime() - t2) / 1e9);
            await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(50)).until(() -> keeper.size() == events);
            LogStore.Stored cp = f.checkpoint();

            int probes = 2000;
            long t3 = System.nanoTime();
            int hashes = 0;
            for (int i = 0; i < probes; i++) {
                long index = (long) (Math.random() * cp.size());
                hashes = MerkleTree.inclusionProof(f.log.at(cp.size()), index, cp.size()).size();
            }
            double inclusionMs = (System.nanoTime() - t3) / 1e6 / probes;
            long t4 = System.nanoTime();
            int consistencyHashes = 0;
            for (int i = 0; i < probes; i++) {
                long from = 1 + (long) (Math.random() * (cp.size() - 1));
                consistencyHashes = MerkleTree.consistencyProof(f.log.at(cp.size()), from, cp.size()).size();
            }
            double consistencyMs = (System.nanoTime() - t4) / 1e6 / probes;
            long t5 = System.nanoTime();
            LogReport r = f.audit().verify();
            double verify = (System.nanoTime() - t5) / 1e9;
            assertThat(r.status()).isEqualTo(LogReport.INTACT);

            System.out.printf("[log-cost] %s, %,d events: appends/s without the keeper %,.0f, with it running %,.0f;"
                            + " logging %,d stored events %.1f s (%,.0f events/s, %.1f s per 100k);"
                            + " inclusion proof %.2f ms (%d hashes), consistency proof %.2f ms (%d hashes), mean of %d;"
                            + " store-wide log check %.1f s%n",
                    f.dataSource.getClass().getSimpleName(), events, without, with, half, build, half / build,
                    build / half * 100_000, inclusionMs, hashes, consistencyMs, consistencyHashes, probes, verify);
        }
    }
}
