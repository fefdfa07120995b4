package org.proposalledger.tools.bench.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One GET endpoint loaded by {@code clients} keep-alive connections, each sending its next request
 * as soon as the answer is in (as {@code wrk} does): requests/s and latencies of the requests sent
 * within the measured window, after the warm-up.
 */
public final class ReadLoad {

    public record Figures(String name, long requests, double perSecond, double[] latency, long errors,
                          String firstError) {
    }

    private ReadLoad() {
    }

    /** @param path the next request's path; called once per request (e.g. a random proposal's) */
    public static Figures run(LedgerHttp http, String name, String user, Supplier<String> path, int clients,
                              Duration warmUp, Duration measured) throws InterruptedException {
        long from = System.nanoTime() + warmUp.toNanos();
        long until = from + measured.toNanos();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Samples latency = new Samples();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(new Thread(() -> {
                while (System.nanoTime() < until) {
                    String p = path.get();
                    long t = System.nanoTime();
                    LedgerHttp.Response r;
                    try {
                        r = http.get(user, p);
                    } catch (RuntimeException e) {
                        r = new LedgerHttp.Response(-1, e.toString());
                    }
                    long done = System.nanoTime();
                    if (!r.ok()) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, p + " → " + r.status() + " " + r.body());
                    }
                    if (t >= from) {
                        requests.incrementAndGet();
                        latency.add(done - t);
                    }
                }
            }, "read-client-" + c));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - from) / 1e9;
        return new Figures(name, requests.get(), requests.get() / seconds, latency.percentiles(), errors.get(),
                firstError.get());
    }

    /** A random element, for a path per request. */
    public static <T> T any(List<T> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }
}
