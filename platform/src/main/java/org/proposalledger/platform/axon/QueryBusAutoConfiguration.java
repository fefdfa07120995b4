package org.proposalledger.platform.axon;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.TargetContextResolver;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.axonserver.connector.query.QueryPriorityCalculator;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The query bus as Axon's Spring Boot auto-configuration builds it, less its transaction. Axon
 * gives the local query bus the application's transaction manager, which here is the event
 * store's JDBC one: every query, even one answered from MongoDB alone, then took a connection
 * from the event store's pool first, and while that database was down every read waited for the
 * pool's timeout and failed. Nothing a query handler does needs that transaction: the read models
 * are MongoDB, and the event store's own reads run in transactions of their own.
 */
@AutoConfiguration(after = AxonServerAutoConfiguration.class,
        before = {AxonServerBusAutoConfiguration.class, AxonAutoConfiguration.class})
public class QueryBusAutoConfiguration {

    static SimpleQueryBus localQueryBus(Configuration axon, QueryInvocationErrorHandler errorHandler) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(errorHandler)
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** Without Axon Server: the local bus (what {@code AxonAutoConfiguration#queryBus} builds). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public static class Local {
        @Bean("queryBus")
        @Qualifier("localSegment")
        @ConditionalOnMissingBean(QueryBus.class)
        public SimpleQueryBus queryBus(Configuration axon) {
            return localQueryBus(axon, axon.getComponent(QueryInvocationErrorHandler.class,
                    () -> LoggingQueryInvocationErrorHandler.builder().build()));
        }
    }

    /**
     * With Axon Server: its bus around a local segment (what {@code AxonServerBusAutoConfiguration#queryBus}
     * builds), honouring {@code axon.axonserver.shortcut-queries-to-local-handlers}.
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
    public static class WithAxonServer {
        @Bean("queryBus")
        @ConditionalOnMissingBean(QueryBus.class)
        public AxonServerQueryBus queryBus(AxonServerConnectionManager connectionManager,
                                           AxonServerConfiguration axonServerConfiguration,
                                           Configuration axon,
                                           @Qualifier("messageSerializer") Serializer messageSerializer,
                                           Serializer genericSerializer,
                                           QueryPriorityCalculator priorityCalculator,
                                           QueryInvocationErrorHandler queryInvocationErrorHandler,
                                           TargetContextResolver<? super QueryMessage<?, ?>> targetContextResolver) {
            SimpleQueryBus local = localQueryBus(axon, queryInvocationErrorHandler);
            local.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
            AxonServerQueryBus.Builder builder = AxonServerQueryBus.builder()
                    .axonServerConnectionManager(connectionManager)
                    .configuration(axonServerConfiguration)
                    .localSegment(local)
                    .updateEmitter(local.queryUpdateEmitter())
                    .messageSerializer(messageSerializer)
                    .genericSerializer(genericSerializer)
                    .priorityCalculator(priorityCalculator)
                    .targetContextResolver(targetContextResolver)
                    .spanFactory(axon.getComponent(QueryBusSpanFactory.class));
            if (axonServerConfiguration.isShortcutQueriesToLocalHandlers()) {
                builder.enabledLocalSegmentShortCut();
            }
            return builder.build();
        }
    }
}
