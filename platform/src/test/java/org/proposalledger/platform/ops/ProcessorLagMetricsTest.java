package org.proposalledger.platform.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lag gauges on a real pooled streaming processor over a real (in-memory) event store, whose
 * handler is held on one event so that events pile up behind it.
 */
class ProcessorLagMetricsTest {

    static final String NAME = "lagging";

    final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
    final ScheduledExecutorService workers = Executors.newScheduledThreadPool(1);
    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch held = new CountDownLatch(1);
    PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        release.countDown();
        if (processor != null) {
            processor.shutDown();
        }
        coordinator.shutdownNow();
        workers.shutdownNow();
        store.shutDown();
    }

    @Test
    void lagCountsTheEventsBehindAndTheAgeOfTheLastProcessedOne() throws Exception {
        ProcessorProgress progress = new ProcessorProgress();
        EventMessageHandler handler = event -> {
            if ("hold".equals(event.getPayload())) {
                held.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            return null;
        };
        processor = PooledStreamingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .batchSize(1)
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        processor.registerHandlerInterceptor(progress.interceptor(NAME));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // "now" five minutes ahead of the event timestamps
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
        ProcessorLagMetrics metrics = new ProcessorLagMetrics(registry, () -> Map.of(NAME, processor), () -> store,
                progress, later);

        store.publish(GenericEventMessage.asEventMessage("first"));
        processor.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            metrics.refresh();
            assertThat(gauge(registry, "ledger.processor.lag.events")).isEqualTo(0.0);
        });
        assertThat(gauge(registry, "ledger.processor.lag")).isEqualTo(0.0);

        List<EventMessage<?>> behind = List.of(GenericEventMessage.asEventMessage("hold"),
                GenericEventMessage.asEventMessage("third"), GenericEventMessage.asEventMessage("fourth"));
        store.publish(behind);
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        metrics.refresh();
        assertThat(gauge(registry, "ledger.processor.lag.events")).isEqualTo(3.0);
        assertThat(gauge(registry, "ledger.processor.lag")).isBetween(299.0, 330.0);

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            metrics.refresh();
            assertThat(gauge(registry, "ledger.processor.lag.events")).isEqualTo(0.0);
            assertThat(gauge(registry, "ledger.processor.lag")).isEqualTo(0.0);
        });
    }

    private static double gauge(SimpleMeterRegistry registry, String name) {
        Gauge g = registry.find(name).tags("processor", NAME, "segment", "0").gauge();
        assertThat(g).as(name).isNotNull();
        return g.value();
    }
}
