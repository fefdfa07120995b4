package org.proposalledger.query.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.proposalledger.query.projection.FlushAtEndOfBatch;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.rebuild.ProjectionProgress;
import org.proposalledger.query.supervision.SupervisionProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.util.List;

/** The read-model processors' dead-letter queues and the office's operations on them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterSettings.class)
public class DeadLetterConfiguration {

    /** Beside the tokens, in the read-model database; one collection for both processors. */
    public static final String COLLECTION = "dead_letters";

    @Bean
    public ProjectionDeadLetterQueue proposalViewsDeadLetters(MongoDatabaseFactory databaseFactory,
                                                              @Qualifier("eventSerializer") Serializer serializer,
                                                              DeadLetterSettings settings) {
        return queue(Projections.GROUP, databaseFactory, serializer, settings);
    }

    @Bean
    public ProjectionDeadLetterQueue supervisionDeadLetters(MongoDatabaseFactory databaseFactory,
                                                            @Qualifier("eventSerializer") Serializer serializer,
                                                            DeadLetterSettings settings) {
        return queue(SupervisionProjection.GROUP, databaseFactory, serializer, settings);
    }

    /**
     * axon-mongo's queue, serializing letters with the event serializer (Jackson), as the event
     * store does. It does not upcast: a letter parked before an event's shape changed is read back
     * in its old shape, so retry or evict dead letters before deploying such a change, or rebuild.
     */
    static ProjectionDeadLetterQueue queue(String processingGroup, MongoDatabaseFactory databaseFactory,
                                           Serializer serializer, DeadLetterSettings settings) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(databaseFactory.getMongoDatabase())
                .deadLetterCollectionName(COLLECTION)
                .build();
        MongoSequencedDeadLetterQueue<EventMessage<?>> stored = MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .mongoTemplate(template)
                .serializer(serializer)
                .maxSequences(settings.getMaxSequences())
                .maxSequenceSize(settings.getMaxSequenceSize())
                .claimDuration(settings.getClaimDuration())
                .build();
        return new ProjectionDeadLetterQueue(processingGroup, stored, template.deadLetterCollection(), settings);
    }

    /**
     * Puts {@code processingGroup}'s handlers behind Axon's dead-lettering invoker (sequenced per
     * aggregate, the processors' sequencing policy) with this queue and policy: a failed handler's
     * changes are taken back from the batch before the event is parked, and a reset (a rebuild)
     * clears the queue, since it replays every event anyway.
     */
    public static void register(EventProcessingConfigurer processing, String processingGroup,
                                ObjectProvider<ProjectionDeadLetterQueue> queues) {
        processing.registerDeadLetterQueue(processingGroup, c -> queues.orderedStream()
                        .filter(q -> q.processingGroup().equals(processingGroup)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + processingGroup)))
                .registerDeadLetterPolicy(processingGroup, c -> new DeadLetterPolicy())
                .registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup, (c, invoker) -> invoker
                        .listenerInvocationErrorHandler(FlushAtEndOfBatch.rollbackThenPropagate())
                        .allowReset(true));
    }

    @Bean
    public DeadLetters deadLetters(EventProcessingConfiguration processing, List<ProjectionDeadLetterQueue> queues,
                                   ProjectionProgress progress, DeadLetterSettings settings,
                                   ObjectProvider<MeterRegistry> registry) {
        return new DeadLetters(processing, queues, progress, settings, registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Health contributor {@code deadLetters}; the readiness group includes it. */
    @Bean
    public DeadLetterHealth deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLetterHealth(deadLetters);
    }
}
