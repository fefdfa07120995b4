package org.proposalledger.platform.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * How far each streaming event processor is behind the event store, per segment this process
 * holds:
 * <ul>
 *   <li>{@code ledger_processor_lag_events{processor,segment}} = position of the store's head −
 *   position of the segment's token;</li>
 *   <li>{@code ledger_processor_lag_seconds{processor,segment}} = 0 when caught up (no event
 *   left), else now − timestamp of the last event the segment's handlers processed (left out
 *   while the segment has processed nothing since this process started).</li>
 * </ul>
 * Axon's own {@code eventProcessor.latency} gauge only moves when an event is processed; these
 * are recomputed by {@link #refresh()} on a schedule, so a stalled processor shows a growing lag.
 */
public class ProcessorLagMetrics implements RefreshedMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProcessorLagMetrics.class);

    private final Supplier<Map<String, EventProcessor>> processors;
    private final Supplier<StreamableMessageSource<?>> store;
    private final ProcessorProgress progress;
    private final Clock clock;
    private final MultiGauge events;
    private final MultiGauge seconds;

    public ProcessorLagMetrics(MeterRegistry registry, Supplier<Map<String, EventProcessor>> processors,
                               Supplier<StreamableMessageSource<?>> store, ProcessorProgress progress, Clock clock) {
        this.processors = processors;
        this.store = store;
        this.progress = progress;
        this.clock = clock;
        this.events = MultiGauge.builder("ledger.processor.lag.events")
                .description("Events in the store the processor's segment has not processed yet")
                .register(registry);
        this.seconds = MultiGauge.builder("ledger.processor.lag")
                .description("Age of the last event the segment processed while events are left; 0 when caught up")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void refresh() {
        try {
            Map<String, EventProcessor> all = processors.get();
            StreamableMessageSource<?> source = store.get();
            if (all == null || source == null) {
                return;
            }
            OptionalLong head = position(source.createHeadToken());
            List<MultiGauge.Row<?>> eventRows = new ArrayList<>();
            List<MultiGauge.Row<?>> secondRows = new ArrayList<>();
            Instant now = clock.instant();
            all.forEach((name, processor) -> {
                if (!(processor instanceof StreamingEventProcessor streaming) || head.isEmpty()) {
                    return;
                }
                for (Map.Entry<Integer, EventTrackerStatus> e : streaming.processingStatus().entrySet()) {
                    EventTrackerStatus status = e.getValue();
                    if (status.isErrorState() && status.getTrackingToken() == null) {
                        continue;
                    }
                    long position = status.getCurrentPosition().orElse(-1);
                    long lag = Math.max(0, head.getAsLong() - position);
                    Tags tags = Tags.of("processor", name, "segment", String.valueOf(e.getKey()));
                    eventRows.add(MultiGauge.Row.of(tags, lag));
                    if (lag == 0) {
                        secondRows.add(MultiGauge.Row.of(tags, 0));
                    } else {
                        Instant last = progress.lastHandled(name, e.getKey());
                        if (last != null) {
                            secondRows.add(MultiGauge.Row.of(tags,
                                    Math.max(0, Duration.between(last, now).toMillis()) / 1000.0));
                        }
                    }
                }
            });
            events.register(eventRows, true);
            seconds.register(secondRows, true);
        } catch (RuntimeException e) {
            // metrics must never take the process down; a store that cannot be read shows in health
            log.debug("processor lag not refreshed: {}", e.toString());
        }
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.of(-1) : token.position();
    }
}
