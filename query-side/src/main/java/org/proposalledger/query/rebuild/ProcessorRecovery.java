package org.proposalledger.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.proposalledger.platform.outage.OutageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resumes the read-model processors as soon as their stores are back. While the event store or
 * the read store (which holds the tokens) is out of reach, Axon's pooled processors retry their
 * coordination with a back-off that doubles up to 60 s, so after an outage of half a minute the
 * read models would stand still for up to another minute. Every
 * {@code ledger.outage.recovery-check-interval} this looks for processors in that back-off; when
 * there are any and both stores answer (the head of the event store, a {@code ping}), it asks each
 * to coordinate now — a segment release that is already over, which makes Axon schedule its
 * coordination at once (the public API has no other way) — at most once per five checks per
 * processor, so a store that fails again is left to Axon's back-off.
 */

public class ProcessorRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRecovery.class);
    private static final int CHECKS_BETWEEN_NUDGES = 5;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MongoTemplate mongo;
    private final OutageProperties properties;
    private final Map<String, Long> nudgedAt = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public ProcessorRecovery(EventProcessingConfiguration processing, EventStore eventStore, MongoTemplate mongo,
                             OutageProperties properties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.mongo = mongo;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "processor-recovery");
            t.setDaemon(true);
            return t;
        });
        long every = properties.getRecoveryCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::checkSafely, every, every, TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.debug("Processor recovery check failed: {}", e.toString());
        }
    }

    /** One look; answers the processors told to resume. */
    List<String> check() {
        long now = System.nanoTime();
        long spacing = properties.getRecoveryCheckInterval().toNanos() * CHECKS_BETWEEN_NUDGES;
        List<PooledStreamingEventProcessor> waiting = processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance).map(PooledStreamingEventProcessor.class::cast)
                .filter(p -> p.isRunning() && p.isError())
                .filter(p -> {
                    Long last = nudgedAt.get(p.getName());
                    return last == null || now - last >= spacing;
                })
                .toList();
        if (waiting.isEmpty() || !storesAnswer()) {
            return List.of();
        }
        for (PooledStreamingEventProcessor p : waiting) {
            nudgedAt.put(p.getName(), now);
            // a release that ended a second ago: Axon runs the coordination at once, nothing is released
            p.releaseSegment(0, -1, TimeUnit.SECONDS);
        }
        List<String> names = waiting.stream().map(PooledStreamingEventProcessor::getName).toList();
        log.info("Event store and read store answer again: {} resume now instead of after Axon's back-off", names);
        return names;
    }

    private boolean storesAnswer() {
        try {
            eventStore.createHeadToken();
            mongo.executeCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
