package org.proposalledger.tools.bench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whole lifecycles over HTTP, as the README's walk-through sends them: a deputy submits, the
 * office registers and assigns, the lead unit replies — each client one proposal after another,
 * waiting for each answer, with the shipped demo accounts. Commands started within the measured
 * window count. Read-your-writes: every acknowledged command of the window is watched until the
 * proposal read model shows its step (from the 2xx to the first read showing it, read every
 * {@value #RYW_POLL_MS} ms for all waiting proposals by one thread, so the watching adds little load).
 */
public final class WriteLoad {

    public static final String[] STEPS = {"submit", "register", "assign", "reply"};
    /** The status the read model shows once the step is in it (later statuses count too). */
    private static final List<String> ORDER = List.of("SUBMITTED", "REGISTERED", "REJECTED", "ASSIGNED", "REPLIED");
    private static final String[] SHOWS = {"SUBMITTED", "REGISTERED", "ASSIGNED", "REPLIED"};
    private static final int RYW_POLL_MS = 10;
    private static final Duration RYW_GIVE_UP = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param perStep p50, p99, p90, max (ms) per step; {@code ryw} the same from the 2xx to the read model showing it
     */
    public record Figures(int clients, long commands, double seconds, double perSecond, double[] latency,
                          Map<String, double[]> perStep, double[] ryw, int rywSamples, int rywUnseen, long errors,
                          String firstError, long heapPeakBytes, long heapMaxBytes, List<String> proposalIds) {
    }

    private WriteLoad() {
    }

    /** The session, units and deputies the lifecycles name (idempotent: PUT). */
    public static void referenceData(LedgerHttp http, String session) {
        expect(http.send("PUT", "/api/v1/sessions/" + session, "office",
                "{\"name\":\"基准测试会议\",\"opensOn\":\"2022-01-05\"}"));
        expect(http.send("PUT", "/api/v1/units/commerce", "office", "{\"name\":\"市商务局\",\"kind\":\"DEPARTMENT\"}"));
        expect(http.send("PUT", "/api/v1/units/education", "office", "{\"name\":\"市教育局\",\"kind\":\"DEPARTMENT\"}"));
        expect(http.send("PUT", "/api/v1/deputies/zhu-heping", "office", "{\"name\":\"朱和平\",\"delegation\":\"离石区代表团\"}"));
        expect(http.send("PUT", "/api/v1/deputies/gao-yonghong", "office", "{\"name\":\"高永红\",\"delegation\":\"孝义市代表团\"}"));
    }

    /**
     * @param statuses the read model's status of each of these proposals (absent: not there yet)
     */
    public static Figures run(LedgerHttp http, String session, int clients, Duration warmUp, Duration measured,
                              Function<Collection<String>, Map<String, String>> statuses) throws InterruptedException {
        long start = System.nanoTime();
        long from = start + warmUp.toNanos();
        long until = from + measured.toNanos();
        Samples all = new Samples();
        Map<String, Samples> steps = new LinkedHashMap<>();
        for (String s : STEPS) {
            steps.put(s, new Samples());
        }
        Samples ryw = new Samples();
        AtomicLong commands = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong unseen = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor();
        ConcurrentLinkedQueue<Check> incoming = new ConcurrentLinkedQueue<>();
        AtomicBoolean clientsDone = new AtomicBoolean();
        Thread watcher = watcher(statuses, incoming, ryw, unseen, clientsDone);
        ConcurrentLinkedQueue<Long> heap = new ConcurrentLinkedQueue<>();
        var memory = ManagementFactory.getMemoryMXBean();
        checker.scheduleAtFixedRate(() -> heap.add(memory.getHeapMemoryUsage().getUsed()), 0, 100, TimeUnit.MILLISECONDS);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(new Thread(() -> {
                for (int n = 0; System.nanoTime() < until; n++) {
                    String id = null;
                    for (int step = 0; step < STEPS.length && System.nanoTime() < until; step++) {
                        long t = System.nanoTime();
                        LedgerHttp.Response r;
                        try {
                            r = step(http, session, step, id, client, n);
                        } catch (RuntimeException e) {
                            r = new LedgerHttp.Response(-1, e.toString());
                        }
                        long done = System.nanoTime();
                        if (!r.ok()) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, STEPS[step] + " → " + r.status() + " " + r.body());
                            break;
                        }
                        if (step == 0) {
                            id = field(r.body(), "id");
                        }
                        if (t >= from) {
                            commands.incrementAndGet();
                            all.add(done - t);
                            steps.get(STEPS[step]).add(done - t);
                            incoming.add(new Check(id, ORDER.indexOf(SHOWS[step]), done));
                        }
                    }
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }, "write-client-" + c));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - from) / 1e9;
        // the last acknowledgements' checks finish (or give up) before the figures are read
        clientsDone.set(true);
        watcher.join();
        checker.shutdownNow();
        Map<String, double[]> perStep = new LinkedHashMap<>();
        steps.forEach((k, v) -> perStep.put(k, v.percentiles()));
        long peak = heap.stream().mapToLong(Long::longValue).max().orElse(0);
        return new Figures(clients, commands.get(), seconds, commands.get() / seconds, all.percentiles(), perStep,
                ryw.percentiles(), ryw.count(), (int) unseen.get(), errors.get(), firstError.get(), peak,
                memory.getHeapMemoryUsage().getMax(), List.copyOf(ids));
    }

    private static LedgerHttp.Response step(LedgerHttp http, String session, int step, String id, int client, int n) {
        String path = "/api/v1/proposals/" + id;
        return switch (step) {
            case 0 -> http.send("POST", "/api/v1/proposals", "deputy-zhu", """
                    {"sessionId":"%s","title":"关于第%d-%d号基准测试事项的建议","proposerIds":["zhu-heping","gao-yonghong"],
                     "andOthers":true,"category":"ECONOMY","background":"我市农村电商起步较晚。",
                     "suggestions":["一是完善物流体系。","二是加强人才培训。"]}""".formatted(session, client, n));
            case 1 -> http.send("POST", path + "/registration", "office",
                    "{\"number\":\"第" + client + "-" + n + "号\"}");
            case 2 -> http.send("POST", path + "/assignment", "office", "{\"leadUnitId\":\"commerce\"}");
            default -> http.send("POST", path + "/replies", "unit-commerce",
                    "{\"classification\":\"A\",\"text\":\"已完成三级物流体系建设。\",\"signedBy\":\"王局长\"}");
        };
    }

    /** An acknowledged step waiting to show in the read model. */
    private record Check(String id, int wanted, long acked) {
    }

    /**
     * One thread: every {@value #RYW_POLL_MS} ms reads the statuses of all proposals with a step
     * waiting to show, and records from each step's 2xx to the first read showing it.
     */
    private static Thread watcher(Function<Collection<String>, Map<String, String>> statuses,
                                  ConcurrentLinkedQueue<Check> incoming, Samples ryw, AtomicLong unseen,
                                  AtomicBoolean clientsDone) {
        Thread t = new Thread(() -> {
            List<Check> pending = new ArrayList<>();
            while (!clientsDone.get() || !pending.isEmpty() || !incoming.isEmpty()) {
                for (Check c; (c = incoming.poll()) != null; ) {
                    pending.add(c);
                }
                if (!pending.isEmpty()) {
                    Map<String, String> now;
                    try {
                        now = statuses.apply(pending.stream().map(Check::id).distinct().toList());
                    } catch (RuntimeException e) {
                        now = Map.of(); // read again next time
                    }
                    long read = System.nanoTime();
                    Map<String, String> seen = now;
                    pending.removeIf(c -> {
                        String status = seen.get(c.id());
                        if (status != null && ORDER.indexOf(status) >= c.wanted()) {
                            ryw.add(read - c.acked());
                            return true;
                        }
                        if (read - c.acked() > RYW_GIVE_UP.toNanos()) {
                            unseen.incrementAndGet();
                            return true;
                        }
                        return false;
                    });
                }
                try {
                    Thread.sleep(RYW_POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "read-your-writes");
        t.start();
        return t;
    }

    private static String field(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json).get(name);
            return node == null ? null : node.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void expect(LedgerHttp.Response r) {
        if (!r.ok()) {
            throw new IllegalStateException("reference data refused: " + r.status() + " " + r.body());
        }
    }
}
