package org.proposalledger.tools.bench.support;

import java.util.Arrays;

/** Durations in nanoseconds collected by many threads, for {@link Latencies#percentiles}. */
public final class Samples {

    private long[] nanos = new long[1024];
    private int size;

    public synchronized void add(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
    }

    public synchronized int count() {
        return size;
    }

    /** p50, p99, p90, max in ms. */
    public synchronized double[] percentiles() {
        return Latencies.percentiles(Arrays.copyOf(nanos, size));
    }
}
