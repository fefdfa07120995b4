package org.proposalledger.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Spreads the processors' segments over the query-side processes sharing one MongoDB. Without
 * Axon Server nothing else does: the first process to start claims every segment and the others
 * idle. Each process announces itself every {@code interval} in {@value #COLLECTION} (its id is
 * the token owner name Axon uses, {@code pid@host}); a process holding more segments than its
 * share (segments ÷ live processes, rounded up) releases the surplus for a few intervals, and
 * another process's coordinator claims them. Taking over from a process that died needs nothing
 * from here: its claims stop being renewed and, after the claim timeout, Axon lets the others
 * claim them; the survivors' share grows as its heartbeat goes stale.
 */
public class SegmentBalancer implements SmartLifecycle {

    public static final String COLLECTION = "query_side_instances";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final MongoTemplate mongo;
    private final Duration interval;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private ScheduledExecutorService timer;
    /** Whether the last round failed: an outage is reported when it starts and when it ends, not every round. */
    private volatile boolean failing;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, MongoTemplate mongo,
                           Duration interval) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.mongo = mongo;
        this.interval = interval;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segment-balancer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::balanceSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void balanceSafely() {
        try {
            balance();
            if (failing) {
                failing = false;
                log.info("Segment balancing resumed");
            }
        } catch (RuntimeException e) {
            // MongoDB unreachable for a moment: the next round tries again
            if (!failing) {
                failing = true;
                log.warn("Segment balancing skipped until MongoDB answers again: {}", e.toString());
            } else {
                log.debug("Segment balancing skipped this round: {}", e.toString());
            }
        }
    }

    void balance() {
        // wall time on purpose, not the ledger's Clock bean (which a simulation may move)
        Instant now = Instant.now();
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", nodeId),
                new Document("_id", nodeId).append("lastSeen", Date.from(now)),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        // live: seen within five intervals, so a process slowed down for a moment still counts
        long live = Math.max(1, mongo.count(query(where("lastSeen").gt(Date.from(now.minus(interval.multipliedBy(5))))),
                COLLECTION));
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            if (!processor.isRunning()) {
                continue;
            }
            int segments = tokenStore.fetchSegments(processor.getName()).length;
            long share = (segments + live - 1) / live;
            List<Integer> mine = new ArrayList<>(processor.processingStatus().keySet());
            mine.sort(null);
            for (int i = 0; i < mine.size() - share; i++) {
                int segment = mine.get(mine.size() - 1 - i);
                log.info("{}: releasing segment {} ({} held, share {} of {} among {} query sides)",
                        processor.getName(), segment, mine.size(), share, segments, live);
                processor.releaseSegment(segment, interval.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        try {
            mongo.getCollection(COLLECTION).deleteOne(new Document("_id", nodeId));
        } catch (RuntimeException e) {
            log.debug("Could not remove heartbeat", e);
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }

    /** After the event processors have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
