package org.proposalledger.query.rebuild;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import com.mongodb.client.MongoClient;
import org.proposalledger.query.mongo.ReadStoreUnreachableException;
import org.springframework.beans.factory.InitializingBean;
import org.proposalledger.platform.outage.OutageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** How the read-model processors ride out an outage of the event store or the read store (docs/outages.md). */
@Configuration(proxyBeanMethods = false)
public class ProcessorOutageConfiguration {

    /**
     * The read-model processors run without a transaction. Axon would give them the application's
     * transaction manager, the event store's JDBC one, though they write only MongoDB (read models
     * and tokens, no shared transaction needed: the projections are idempotent). With it every batch
     * first took a database connection, so while the event store was out of reach even events
     * already read could not be projected, and Axon 4.13 reported each failed start as "The
     * UnitOfWork is in an incompatible phase: NOT_STARTED", with the real cause lost.
     */
    @Bean
    public ConfigurerModule readModelProcessorsWithoutTransaction() {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String name : ProjectionProgress.READ_MODEL_PROCESSORS) {
                processing.registerTransactionManager(name, c -> NoTransactionManager.INSTANCE);
            }
        });
    }

    /**
     * Read-model queries (the HTTP reads and query-bus callers alike) are refused at once while the
     * driver knows the read store is out of reach, instead of each waiting the driver's server
     * selection ({@code ledger.outage.read-store.server-selection-timeout}) for the same answer.
     */
    @Bean
    public InitializingBean readModelQueriesFailFast(QueryBus queryBus, MongoClient client) {
        MessageHandlerInterceptor<QueryMessage<?, ?>> refuse = (unitOfWork, chain) -> {
            if (RebuildConfiguration.answeredFromReadModels(unitOfWork.getMessage().getPayload())) {
                ReadStoreUnreachableException.refuseWhileUnreachable(client);
            }
            return chain.proceed();
        };
        return () -> queryBus.registerHandlerInterceptor(refuse);
    }

    @Bean
    public ProcessorRecovery processorRecovery(EventProcessingConfiguration processing, EventStore eventStore,
                                               MongoTemplate mongo, OutageProperties properties) {
        return new ProcessorRecovery(processing, eventStore, mongo, properties);
    }
}
