package org.proposalledger.tools.bench.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntConsumer;

/** How the benchmarks time a request: warm-up calls first, then percentiles of the timed calls. */
public final class Latencies {

    private Latencies() {
    }

    /**
     * p50, p99, p90 and max in milliseconds of {@code requests} calls, after warm-up calls for at
     * least {@code warmUpCalls} calls and {@code warmUpAtLeast}: with too few, calls are timed
     * while the JIT is still compiling their path, which on two cores shows as their p99 (and a
     * first size came out slower than a million proposals timed minutes later).
     */
    public static double[] time(int requests, int warmUpCalls, Duration warmUpAtLeast, IntConsumer call) {
        long warmUntil = System.nanoTime() + warmUpAtLeast.toNanos();
        for (int i = 0; i < warmUpCalls || System.nanoTime() < warmUntil; i++) {
            call.accept(i);
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        return percentiles(nanos);
    }

    /** p50, p99, p90 and max in milliseconds of these durations in nanoseconds (sorted in place); zeros if none. */
    public static double[] percentiles(long[] nanos) {
        int n = nanos.length;
        if (n == 0) {
            return new double[4];
        }
        Arrays.sort(nanos);
        return new double[]{nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6,
                nanos[(int) Math.ceil(n * 0.9) - 1] / 1e6, nanos[n - 1] / 1e6};
    }
}
