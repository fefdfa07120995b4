package org.proposalledger.query;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.proposalledger.query.core.ProposalStreams;
import org.proposalledger.query.projection.SegmentBalancer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.proposalledger.query.dashboard.CounterStore;
import org.proposalledger.query.deadletter.DeadLetterConfiguration;
import org.proposalledger.query.deadletter.OneWriterAtATime;
import org.proposalledger.query.deadletter.ProjectionDeadLetterQueue;
import org.proposalledger.query.projection.EventPositions;
import org.proposalledger.query.history.HistoryQueries;
import org.proposalledger.query.mongo.ReadModelStoreAutoConfiguration;
import org.proposalledger.query.projection.FlushAtEndOfBatch;
import org.proposalledger.query.projection.ProjectionSettings;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.dashboard.DashboardSettings;
import org.proposalledger.query.proposal.ProposalProjection;
import org.proposalledger.query.rebuild.RebuildConfiguration;
import org.proposalledger.query.reference.ReferenceDataProjection;
import org.proposalledger.query.report.ExportController;
import org.proposalledger.query.supervision.SupervisionProjection;
import org.proposalledger.query.supervision.SupervisionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The query side as a library: any application with this module on its classpath gets the
 * projections, query handlers and query API, whatever package it scans.
 * <p>
 * The projections run in one pooled streaming processor with large batches (Axon's default
 * batch of 1 would write every event on its own): {@link ProjectionSettings}.
 */
@AutoConfiguration(after = ReadModelStoreAutoConfiguration.class)
@ComponentScan(basePackageClasses = {ProposalStreams.class, ProposalProjection.class, HistoryQueries.class,
        ReferenceDataProjection.class, SupervisionStore.class, CounterStore.class, ExportController.class,
        RebuildConfiguration.class, DeadLetterConfiguration.class})
@EnableConfigurationProperties({ProjectionSettings.class, DashboardSettings.class})
public class QuerySideAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(QuerySideAutoConfiguration.class);

    @Bean
    public ConfigurerModule proposalViewsProcessing(Environment env,
                                                    ObjectProvider<ProjectionDeadLetterQueue> deadLetterQueues,
                                                    ProjectionSettings settings) {
        int batchSize = settings.getProjection().getBatchSize();
        int segments = settings.getProjection().getSegments();
        int threads = settings.getProjection().getThreads();
        Duration claimInterval = settings.getProjection().getClaimInterval();
        boolean axonProperties = Binder.get(env)
                .bind("axon.eventhandling.processors." + Projections.GROUP, Bindable.mapOf(String.class, Object.class))
                .map(Map::isEmpty).map(empty -> !empty).orElse(false);
        return configurer -> configurer.eventProcessing(processing -> {
            if (axonProperties) {
                log.info("Processor {} is configured by axon.eventhandling.processors.* properties", Projections.GROUP);
            } else {
                processing.registerPooledStreamingEventProcessor(Projections.GROUP, c -> c.eventStore(),
                        (config, builder) -> {
                            ScheduledExecutorService workers = Executors.newScheduledThreadPool(threads,
                                    new AxonThreadFactory("WorkPackage[" + Projections.GROUP + "]"));
                            config.onShutdown(workers::shutdown);
                            return builder.workerExecutor(workers)
                                    .initialSegmentCount(segments)
                                    .tokenClaimInterval(claimInterval.toMillis())
                                    .batchSize(batchSize);
                        });
            }
            // supervision documents gather many proposals each: one segment, so no two batches
            // write the same document concurrently
            processing.registerPooledStreamingEventProcessor(SupervisionProjection.GROUP, c -> c.eventStore(),
                    (config, builder) -> builder.initialSegmentCount(1)
                            .tokenClaimInterval(claimInterval.toMillis()).batchSize(batchSize));
            // An event a handler cannot handle is parked in the processor's dead-letter queue with
            // the proposal's later events behind it; the other proposals go on (DeadLetterConfiguration).
            // A store that cannot be reached still fails the batch, which is retried as a whole.
            OneWriterAtATime supervisionWriter = new OneWriterAtATime();
            DeadLetterConfiguration.register(processing, SupervisionProjection.GROUP, deadLetterQueues);
            processing.registerHandlerInterceptor(SupervisionProjection.GROUP, c -> supervisionWriter)
                    .registerHandlerInterceptor(SupervisionProjection.GROUP, c -> new FlushAtEndOfBatch());
            DeadLetterConfiguration.register(processing, Projections.GROUP, deadLetterQueues);
            processing.registerHandlerInterceptor(Projections.GROUP, c -> new FlushAtEndOfBatch());
        });
    }

    /**
     * Where the dashboard counters find an event's global position when its token does not tell
     * it: the JDBC event table when the engine is JDBC (gap-aware tokens), else nowhere (Axon
     * Server's tokens carry the position).
     */
    @Bean
    @ConditionalOnMissingBean
    public EventPositions eventPositions(ObjectProvider<EventStorageEngine> engine, ObjectProvider<DataSource> dataSource) {
        return engine.getIfAvailable() instanceof JdbcEventStorageEngine && dataSource.getIfAvailable() != null
                ? EventPositions.jdbc(dataSource.getObject()) : EventPositions.NONE;
    }

    /** Several query-side processes on one MongoDB split the segments: see {@link SegmentBalancer}. */
    @Bean
    @ConditionalOnProperty(name = "ledger.query.balance.enabled", matchIfMissing = true)
    public SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore,
                                           MongoTemplate mongo, ProjectionSettings settings) {
        return new SegmentBalancer(processing, tokenStore, mongo, settings.getBalance().getInterval());
    }
}
