package org.proposalledger.query.rebuild;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.supervision.SupervisionProjection;
import org.slf4j.Logger;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How far the read-model processors are, measured against the head of the event store.
 * <p>
 * A processor is "there" when the position every one of its segments has handled reaches a
 * target position: the head as of start-up for the first catch-up, the head as of the reset for
 * a rebuild. Axon's {@code isReplaying()} is no use for "done": it stays true after a replay
 * until an event newer than the reset arrives. A segment that reports it has caught up with the
 * stream also counts as there (the last events may be ones the processor has no handler for).
 * <p>
 * Once a second it samples each processor's position, so the events/s over the last ten
 * seconds, the estimated time left and the end of a rebuild are known without anyone asking.
 * Processing status is known for the segments this process has claimed: with several query-side
 * instances, each reports its own segments.
 */
public class ProjectionProgress implements SmartInitializingSingleton {

    /** The processors whose read models a rebuild resets, in the order they are reset. */
    public static final List<String> READ_MODEL_PROCESSORS = List.of(Projections.GROUP, SupervisionProjection.GROUP);

    private static final Logger log = LoggerFactory.getLogger(ProjectionProgress.class);
    private static final int WINDOW = 10;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "projection-progress");
        t.setDaemon(true);
        return t;
    });

    /** The head as the processors started (taken at the first sample: the schema may not exist before). */
    private volatile Long startupHead;
    private volatile boolean caughtUpOnce;
    private volatile Rebuild running;
    /** False between the start of a rebuild and the restart of its processors from the reset tokens. */
    private volatile boolean replayRunning = true;
    private volatile Rebuild last;
    /** Sampled while the read models are not ready, for answers that must not wait on the event store. */
    private volatile Estimate estimate = Estimate.UNKNOWN;

    public ProjectionProgress(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Sampling starts once every bean exists: the processors are looked up from the sampling thread. */
    @Override
    public void afterSingletonsInstantiated() {
        sampler.scheduleWithFixedDelay(this::sample, 200, 1000, TimeUnit.MILLISECONDS);
    }

    /** A rebuild: when and by whom it started, the store's tail and head at the reset, and when it ended. */
    public record Rebuild(Instant startedAt, String startedBy, long tail, long head, long startNanos,
                          Instant finishedAt, Long elapsedMillis) {

        public long events() {
            return Math.max(0, head - tail);
        }

        public Double eventsPerSecond() {
            return elapsedMillis == null ? null : events() * 1000.0 / Math.max(1, elapsedMillis);
        }

        Rebuild finished(long nanos) {
            long millis = (nanos - startNanos) / 1_000_000;
            return new Rebuild(startedAt, startedBy, tail, head, startNanos, startedAt.plusMillis(millis), millis);
        }
    }

    /** One processor as seen from this process; {@code null} figures are unknown so far. */
    public record ProcessorState(String name, boolean readModel, Long position, Long head, Double percentDone,
                                 Double eventsPerSecond, Long secondsLeft, boolean replaying, boolean caughtUp,
                                 List<Integer> segmentsClaimed, boolean running, String error) {
    }

    private record Sample(long nanos, long position) {
    }

    /** Percent done and seconds left of the read-model processors as last sampled; null when not known. */
    public record Estimate(Double percentDone, Long secondsLeft) {
        static final Estimate UNKNOWN = new Estimate(null, null);
    }

    /** The first catch-up has ended and no rebuild runs: the read models are complete. */
    public boolean ready() {
        if (!caughtUpOnce) {
            sampleHead();
            checkDone(System.nanoTime()); // asked before the next sample: answer from the state now
        }
        return caughtUpOnce && running == null;
    }

    private void sampleHead() {
        if (startupHead == null) {
            try {
                startupHead = position(eventStore.createHeadToken());
            } catch (RuntimeException e) {
                log.debug("Event store not readable yet", e);
            }
        }
    }

    public boolean firstCatchUpDone() {
        return caughtUpOnce;
    }

    public Rebuild runningRebuild() {
        return running;
    }

    public Rebuild lastRebuild() {
        return last;
    }

    public boolean rebuilding() {
        return running != null;
    }

    /** The position the processors must reach before the read models count as complete. */
    long target() {
        Rebuild r = running;
        Long startup = startupHead;
        return r != null ? r.head() : startup != null ? startup : Long.MAX_VALUE;
    }

    synchronized void rebuildStarted(Rebuild rebuild) {
        running = rebuild;
        estimate = new Estimate(0.0, null);
        replayRunning = false;
        samples.clear();
    }

    synchronized void replayStarted() {
        samples.clear();
        replayRunning = true;
    }

    synchronized void rebuildAbandoned() {
        running = null;
        replayRunning = true;
    }

    public TrackingToken head() {
        return eventStore.createHeadToken();
    }

    public TrackingToken tail() {
        return eventStore.createTailToken();
    }

    /** Every streaming processor of this process, the read-model ones first. */
    public List<ProcessorState> processors() {
        long head = position(head());
        long tail = position(tail());
        List<ProcessorState> out = new ArrayList<>();
        List<StreamingEventProcessor> all = new ArrayList<>(streamingProcessors());
        all.sort(Comparator.comparing((StreamingEventProcessor p) -> !READ_MODEL_PROCESSORS.contains(p.getName()))
                .thenComparing(EventProcessor::getName));
        for (StreamingEventProcessor p : all) {
            out.add(state(p, head, tail));
        }
        return out;
    }

    /** Percent done of the read-model processors taken together (the slowest one counts). */
    public Double percentDone() {
        return percentDone(processors());
    }

    private static Double percentDone(List<ProcessorState> states) {
        return states.stream().filter(ProcessorState::readModel).map(ProcessorState::percentDone)
                .map(d -> d == null ? 0.0 : d).min(Double::compare).orElse(null);
    }

    /** The longest estimated time left of the read-model processors in seconds, if known. */
    public Long secondsLeft() {
        return secondsLeft(processors());
    }

    /**
     * {@link #percentDone()} and {@link #secondsLeft()} as sampled within the last second or so
     * while the read models are not ready (a rebuild, the first catch-up): reading them costs no
     * trip to the event store, so an answer built from them never waits on it.
     */
    public Estimate lastEstimate() {
        return estimate;
    }

    private static Long secondsLeft(List<ProcessorState> states) {
        long max = 0;
        for (ProcessorState s : states) {
            if (!s.readModel() || s.caughtUp()) {
                continue;
            }
            if (s.secondsLeft() == null) {
                return null;
            }
            max = Math.max(max, s.secondsLeft());
        }
        return max;
    }

    private ProcessorState state(StreamingEventProcessor p, long head, long tail) {
        boolean readModel = READ_MODEL_PROCESSORS.contains(p.getName());
        Map<Integer, EventTrackerStatus> status = p.processingStatus();
        Long position = status.isEmpty() ? null : minPosition(status.values());
        boolean replaying = status.values().stream().anyMatch(ProjectionProgress::replayingStill);
        boolean caughtUp = readModel ? replayRunning && reached(p, target()) : reached(p, head);
        Double percent = position == null ? null
                : head <= tail ? 100.0 : Math.max(0, Math.min(100.0, 100.0 * (position - tail) / (head - tail)));
        if (caughtUp && percent != null && position >= head) {
            percent = 100.0;
        }
        Double rate = rate(p.getName());
        Long left = null;
        if (caughtUp) {
            left = 0L;
        } else if (position != null && rate != null && rate > 0) {
            left = (long) Math.ceil(Math.max(0, head - position) / rate);
        }
        String error = status.values().stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
        List<Integer> claimed = status.keySet().stream().sorted().toList();
        return new ProcessorState(p.getName(), readModel, position, head, percent, rate, left, replaying, caughtUp,
                claimed, p.isRunning(), error);
    }

    /** Replaying and not yet back at the position it was at when reset (Axon keeps the flag longer). */
    private static boolean replayingStill(EventTrackerStatus s) {
        if (!s.isReplaying()) {
            return false;
        }
        OptionalLong reset = s.getResetPosition();
        return reset.isEmpty() || s.getCurrentPosition().orElse(-1) < reset.getAsLong();
    }

    /** Whether every segment of {@code p} held here has handled the store up to {@code target}. */
    private static boolean reached(StreamingEventProcessor p, long target) {
        Map<Integer, EventTrackerStatus> status = p.processingStatus();
        if (target < 0) {
            return true; // an empty store
        }
        if (status.isEmpty() || !p.isRunning()) {
            return false;
        }
        return status.values().stream().allMatch(s -> !s.isErrorState()
                && (s.getCurrentPosition().orElse(-1) >= target || s.isCaughtUp() && !replayingStill(s)));
    }

    private static long minPosition(Collection<EventTrackerStatus> status) {
        return status.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private Double rate(String processor) {
        Deque<Sample> window = samples.get(processor);
        if (window == null) {
            return null;
        }
        Sample first;
        Sample lastSample;
        synchronized (window) {
            if (window.size() < 2) {
                return null;
            }
            first = window.peekFirst();
            lastSample = window.peekLast();
        }
        double seconds = (lastSample.nanos() - first.nanos()) / 1e9;
        return seconds <= 0 ? null : Math.max(0, lastSample.position() - first.position()) / seconds;
    }

    /** Records positions and notices the end of the first catch-up and of a rebuild. */
    private void sample() {
        try {
            sampleHead();
            long now = System.nanoTime();
            for (StreamingEventProcessor p : streamingProcessors()) {
                Map<Integer, EventTrackerStatus> status = p.processingStatus();
                if (status.isEmpty()) {
                    continue;
                }
                Deque<Sample> window = samples.computeIfAbsent(p.getName(), n -> new ArrayDeque<>());
                synchronized (window) {
                    window.addLast(new Sample(now, minPosition(status.values())));
                    while (window.size() > WINDOW + 1) {
                        window.removeFirst();
                    }
                }
            }
            checkDone(now);
            if (running != null || !caughtUpOnce) {
                List<ProcessorState> states = processors();
                estimate = new Estimate(percentDone(states), secondsLeft(states));
            }
        } catch (RuntimeException e) {
            log.debug("Could not sample the processors' progress", e);
        }
    }

    synchronized void checkDone(long now) {
        if (!replayRunning || startupHead == null) {
            return; // the processors still stand where they were before the reset, or nothing is known yet
        }
        long target = target();
        boolean there = READ_MODEL_PROCESSORS.stream()
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class))
                .flatMap(java.util.Optional::stream)
                .allMatch(p -> reached(p, target));
        if (!there) {
            return;
        }
        if (!caughtUpOnce) {
            caughtUpOnce = true;
            log.info("Read models caught up with the event store (position {})", startupHead);
        }
        Rebuild r = running;
        if (r != null) {
            last = r.finished(now);
            running = null;
            log.info("Rebuild finished: {} events in {} s, {} events/s", last.events(),
                    String.format("%.1f", last.elapsedMillis() / 1000.0), String.format("%.0f", last.eventsPerSecond()));
        }
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @PreDestroy
    void stop() {
        sampler.shutdownNow();
    }
}
