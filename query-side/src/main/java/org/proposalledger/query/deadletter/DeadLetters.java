package org.proposalledger.query.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.platform.web.NotFoundException;
import org.proposalledger.query.rebuild.ProjectionProgress;
import org.proposalledger.query.supervision.SupervisionProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The office's view of the read-model processors' dead letters: list, retry, evict; their count
 * per processor (gauge {@code ledger_dead_letters{processor}}, health {@code deadLetters}), kept
 * in memory and refreshed every {@code ledger.query.dead-letters.sweep-interval} and after each
 * change, so neither a scrape nor a health check reads a store.
 * <p>
 * A retry runs Axon's own dead-letter processing ({@link SequencedDeadLetterProcessor}): the
 * proposal's letters in order, each through the processor's handlers and interceptors, evicted
 * when handled, and the first failure puts it back with its new cause. {@code proposal-views}
 * letters may be retried by any query side: their documents belong to one proposal or are
 * counted with {@code $inc}. {@code supervision-views} documents gather many proposals and have
 * one writer, the process holding its single segment, so only that process retries them (under
 * the processor's {@link OneWriterAtATime}); anywhere else a retry is recorded on the letter and
 * the holder's sweep runs it.
 * <p>
 * The sweep also retries, without being asked, every proposal whose first letter did not fail
 * itself: it was parked only behind letters that have since been evicted or retried.
 */
public class DeadLetters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** Processors whose documents have one writer: retried only where their segment is held. */
    private static final Set<String> ONE_WRITER = Set.of(SupervisionProjection.GROUP);

    private final EventProcessingConfiguration processing;
    private final Map<String, ProjectionDeadLetterQueue> queues;
    private final ProjectionProgress progress;
    private final Duration sweepInterval;
    private final MultiGauge gauge;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile boolean countsKnown;
    private ScheduledExecutorService sweeper;

    public DeadLetters(EventProcessingConfiguration processing, List<ProjectionDeadLetterQueue> queues,
                       ProjectionProgress progress, DeadLetterSettings settings, MeterRegistry registry) {
        this.processing = processing;
        this.queues = new LinkedHashMap<>();
        queues.forEach(q -> {
            this.queues.put(q.processingGroup(), q);
            q.onChange(this::changed);
        });
        this.progress = progress;
        this.sweepInterval = settings.getSweepInterval();
        this.gauge = MultiGauge.builder("ledger.dead.letters")
                .description("Events a read-model processor has parked in its dead-letter queue")
                .register(registry);
    }

    /** One dead letter as the office sees it. {@code error} is null for an event parked behind an earlier one. */
    public record Letter(String processor, String proposalId, String aggregateType, String eventId, String eventType,
                         Long eventSequence, long position, Error error, Instant enqueuedAt, Instant lastTouched,
                         long attempts, boolean retryRequested) {
    }

    public record Error(String type, String message) {
    }

    /** What a retry did, per processor. */
    public record Retry(String processor, int proposalsRetried, int proposalsDrained, int proposalsStillFailing,
                        int proposalsLeftToSegmentHolder, long lettersLeft) {
    }

    public Set<String> processors() {
        return queues.keySet();
    }

    private ProjectionDeadLetterQueue queue(String processor) {
        ProjectionDeadLetterQueue q = queues.get(processor);
        if (q == null) {
            throw new NotFoundException("No read-model processor " + processor + "; there are " + queues.keySet());
        }
        return q;
    }

    /** Every letter, or those of one processor and/or proposal, in queue order. */
    public List<Letter> list(String processor, String proposalId) {
        List<Letter> out = new ArrayList<>();
        for (String name : processor == null ? queues.keySet() : Set.of(queue(processor).processingGroup())) {
            ProjectionDeadLetterQueue q = queues.get(name);
            Iterable<? extends Iterable<DeadLetter<? extends EventMessage<?>>>> sequences = proposalId == null
                    ? q.deadLetters() : List.of(q.deadLetterSequence(proposalId));
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : sequences) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    out.add(view(name, letter));
                }
            }
        }
        return out;
    }

    private static Letter view(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> m = letter.message();
        DomainEventMessage<?> d = m instanceof DomainEventMessage<?> domain ? domain : null;
        MongoDeadLetter<?> stored = letter instanceof MongoDeadLetter<?> mongo ? mongo : null;
        return new Letter(processor,
                stored != null ? stored.sequenceIdentifier() : d != null ? d.getAggregateIdentifier() : null,
                d != null ? d.getType() : null, m.getIdentifier(), m.getPayloadType().getSimpleName(),
                d != null ? d.getSequenceNumber() : null, stored != null ? stored.index() : 0,
                letter.cause().map(c -> new Error(c.type(), c.message())).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), DeadLetterPolicy.attempts(letter),
                DeadLetterPolicy.retryRequested(letter));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof MongoDeadLetter<?> mongo) {
            return mongo.sequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
    }

    private void refuseWhileRebuilding() {
        if (progress.rebuilding()) {
            throw CommandRejectedException.conflict("read-model-rebuilding",
                    "The read models are being rebuilt, which replays every event; dead letters are cleared by it.");
        }
    }

    /**
     * Retries every parked proposal of {@code processor} (all processors when null), or only
     * {@code proposalId}'s; each proposal at most once per call.
     */
    public List<Retry> retry(String processor, String proposalId, String by) {
        refuseWhileRebuilding();
        List<Retry> out = new ArrayList<>();
        for (String name : processor == null ? queues.keySet() : Set.of(queue(processor).processingGroup())) {
            Predicate<DeadLetter<? extends EventMessage<?>>> which =
                    l -> proposalId == null || proposalId.equals(sequenceOf(l));
            log.info("Dead letters of {}{} retried by {}", name, proposalId == null ? "" : " for " + proposalId, by);
            out.add(mayRetryHere(name) ? retryHere(name, which) : requestRetry(name, which));
        }
        refresh();
        return out;
    }

    /** Whether this process may run {@code processor}'s retries now (see the class comment). */
    private boolean mayRetryHere(String processor) {
        if (!ONE_WRITER.contains(processor)) {
            return processing.sequencedDeadLetterProcessor(processor).isPresent();
        }
        return processing.eventProcessor(processor, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::isRunning)
                .map(p -> !p.processingStatus().isEmpty()).orElse(false);
    }

    private Retry retryHere(String processor, Predicate<DeadLetter<? extends EventMessage<?>>> which) {
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new IllegalStateException("no dead-letter processing for " + processor));
        ProjectionDeadLetterQueue q = queues.get(processor);
        long rounds = q.amountOfSequences();
        Set<String> tried = new HashSet<>();
        int drained = 0;
        int failed = 0;
        for (long i = 0; i < rounds; i++) {
            Set<String> claimed = new HashSet<>();
            boolean done = retrier.process(l -> {
                String sequence = sequenceOf(l);
                if (claimed.isEmpty() && !tried.contains(sequence) && which.test(l)) {
                    claimed.add(sequence);
                    return true;
                }
                return false;
            });
            if (claimed.isEmpty()) {
                break; // nothing (more) to retry
            }
            // (a proposal accepted here but claimed by another process at that moment counts as failing)
            tried.addAll(claimed);
            if (done) {
                drained++;
            } else {
                failed++;
            }
        }
        return new Retry(processor, tried.size(), drained, failed, 0, q.size());
    }

    /** Marks the first letter of each matching proposal for the sweep of the process holding the segment. */
    private Retry requestRetry(String processor, Predicate<DeadLetter<? extends EventMessage<?>>> which) {
        ProjectionDeadLetterQueue q = queues.get(processor);
        int requested = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : q.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> first : sequence) {
                if (which.test(first)) {
                    q.requeue(first, l -> l.withDiagnostics(DeadLetterPolicy.requestRetry(l.diagnostics())));
                    requested++;
                }
                break;
            }
        }
        return new Retry(processor, 0, 0, 0, requested, q.size());
    }

    /** Evicts one letter: its event's changes are never applied to that read model (until a rebuild). */
    public Letter evict(String processor, String proposalId, String eventId, String by) {
        refuseWhileRebuilding();
        ProjectionDeadLetterQueue q = queue(processor);
        for (DeadLetter<? extends EventMessage<?>> letter : q.deadLetterSequence(proposalId)) {
            if (letter.message().getIdentifier().equals(eventId)) {
                Letter view = view(processor, letter);
                q.evict(letter);
                log.warn("Dead letter evicted by {}: {} {} of {} ({}); the event's changes are not applied to {}",
                        by, view.eventType(), eventId, proposalId, view.error(), processor);
                refresh();
                return view;
            }
        }
        throw new NotFoundException("No dead letter " + eventId + " of " + proposalId + " in " + processor);
    }

    /** Letters per processor as last counted; empty until the first count succeeded. */
    public synchronized Map<String, Long> counts() {
        return new LinkedHashMap<>(counts);
    }

    public boolean countsKnown() {
        return countsKnown;
    }

    /** Counts the letters again, now. */
    public void refresh() {
        Map<String, Long> fresh = new LinkedHashMap<>();
        queues.forEach((name, q) -> fresh.put(name, q.size()));
        synchronized (this) {
            counts.clear();
            counts.putAll(fresh);
        }
        countsKnown = true;
        gauge.register(fresh.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("processor", e.getKey()), e.getValue()))
                .map(r -> (MultiGauge.Row<?>) r).toList(), true);
    }

    /** A queue changed: count again soon, on the sweeper's thread (not in a processor batch). */
    void changed() {
        ScheduledExecutorService s = sweeper;
        if (s != null && refreshQueued.compareAndSet(false, true)) {
            s.execute(() -> {
                refreshQueued.set(false);
                refreshQuietly();
            });
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("dead letters not counted: {}", e.toString()); // an unreachable MongoDB shows in readiness
        }
    }

    /**
     * Retries, where this process may, every proposal whose first letter has no cause of its own
     * or carries a retry request.
     */
    public void sweep() {
        if (progress.rebuilding()) {
            return;
        }
        for (String name : queues.keySet()) {
            if (queues.get(name).size() == 0 || !mayRetryHere(name)) {
                continue;
            }
            Retry r = retryHere(name, l -> l.cause().isEmpty() || DeadLetterPolicy.retryRequested(l));
            if (r.proposalsRetried() > 0) {
                log.info("Dead-letter sweep of {}: {} proposals retried, {} drained, {} still failing", name,
                        r.proposalsRetried(), r.proposalsDrained(), r.proposalsStillFailing());
            }
        }
    }

    private void sweepQuietly() {
        try {
            refresh();
            sweep();
        } catch (RuntimeException e) {
            log.debug("dead-letter sweep skipped: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dead-letter-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeper != null;
    }

    /** After the processors have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
