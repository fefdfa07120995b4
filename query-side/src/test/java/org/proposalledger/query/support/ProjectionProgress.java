package org.proposalledger.query.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.query.projection.Projections;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Waits for the projections' processor, and moves its tokens, the way an operator would. */
public final class ProjectionProgress {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;

    public ProjectionProgress(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
    }

    public PooledStreamingEventProcessor processor() {
        return processing.eventProcessor(Projections.GROUP, PooledStreamingEventProcessor.class).orElseThrow();
    }

    /** Until every segment has handled everything in the store now. */
    public void awaitCaughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            int segments = tokenStore.fetchSegments(Projections.GROUP).length;
            Map<Integer, EventTrackerStatus> status = processor().processingStatus();
            if (segments == 0 || status.size() != segments) {
                return false;
            }
            return status.values().stream().allMatch(s -> !s.isErrorState()
                    && s.getCurrentPosition().orElse(-1) >= headPosition);
        });
    }

    /**
     * Re-delivers every event without the reset handlers running: what a crash between
     * writing a read model and storing the token looks like, for the whole stream.
     */
    public void rewindWithoutReset() {
        PooledStreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            // the tail token, not null: MongoTokenStore.storeToken cannot store a null token
            TrackingToken start = eventStore.createTailToken();
            for (int segment : tokenStore.fetchSegments(Projections.GROUP)) {
                tokenStore.storeToken(start, Projections.GROUP, segment);
            }
        } finally {
            processor.start();
        }
    }

    /** A replay: reset handlers drop the read models, then everything is delivered again. */
    public void replay() {
        PooledStreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
    }
}
