package org.proposalledger.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resets every read-model processor and replays the whole event store into fresh read models.
 * <p>
 * The processors are stopped (releasing their segments), their tokens reset to the tail of the
 * store — which calls each projection's {@code @ResetHandler}, dropping its collections — and
 * started again. From the moment it starts until the processors have reached the head of the
 * store as it was at the reset, {@link ProjectionProgress#rebuilding()} is true: read-model
 * requests answer 503 {@code read-model-rebuilding} ({@link RebuildingGuard}) and live dashboard
 * subscriptions are ended with that error, so no half-built figure is presented as final.
 * <p>
 * Resetting needs every segment unclaimed: with several query-side instances, stop the
 * processors of the others first (a claimed segment makes the reset fail with 409).
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final QueryUpdateEmitter emitter;

    public ReadModelRebuild(EventProcessingConfiguration processing, ProjectionProgress progress,
                            QueryUpdateEmitter emitter) {
        this.processing = processing;
        this.progress = progress;
        this.emitter = emitter;
    }

    /** Starts a rebuild and returns as soon as the processors replay; 409 while one runs. */
    public synchronized ProjectionProgress.Rebuild start(String by) {
        if (progress.rebuilding()) {
            throw CommandRejectedException.conflict("rebuild-running",
                    "A rebuild of the read models is already running; see /api/v1/admin/processors.");
        }
        List<StreamingEventProcessor> processors = new ArrayList<>();
        for (String name : ProjectionProgress.READ_MODEL_PROCESSORS) {
            processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processors::add);
        }
        ProjectionProgress.Rebuild rebuild = new ProjectionProgress.Rebuild(Instant.now(), by,
                ProjectionProgress.position(progress.tail()), ProjectionProgress.position(progress.head()),
                System.nanoTime(), null, null);
        progress.rebuildStarted(rebuild);
        log.info("Rebuild of the read models started by {}: replaying {} events into {}", by, rebuild.events(),
                processors.stream().map(StreamingEventProcessor::getName).toList());
        emitter.completeExceptionally(m -> m.getPayload() instanceof GetSessionDashboard,
                new ReadModelRebuildingException());
        try {
            for (StreamingEventProcessor p : processors) {
                p.shutdownAsync().get(60, TimeUnit.SECONDS);
            }
            for (StreamingEventProcessor p : processors) {
                p.resetTokens(); // runs the @ResetHandlers: each projection drops its own collections
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            processors.forEach(StreamingEventProcessor::start);
            progress.rebuildAbandoned();
            log.warn("Rebuild could not reset the processors", e);
            throw CommandRejectedException.conflict("rebuild-not-possible",
                    "The processors could not be reset (is another instance holding their segments?): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processors.forEach(StreamingEventProcessor::start);
            progress.rebuildAbandoned();
            throw new IllegalStateException("interrupted while stopping the processors", e);
        }
        progress.replayStarted();
        processors.forEach(StreamingEventProcessor::start);
        return rebuild;
    }
}
