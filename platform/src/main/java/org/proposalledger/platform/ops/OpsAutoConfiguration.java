package org.proposalledger.platform.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * Operations wiring both sides share: correlation ids in the MDC of every message handler,
 * processor lag gauges, the refresh of store-backed gauges, who may read the actuator and API
 * documentation endpoints ({@link OpsSecurity}) and the OpenAPI document ({@link ApiDocumentation}).
 * Health groups, exposure and log formats are properties ({@code ledger-defaults.properties},
 * {@code application-json-logs.properties}).
 */
@AutoConfiguration(after = org.axonframework.springboot.autoconfig.AxonAutoConfiguration.class)
@Import({OpsSecurity.class, ApiDocumentation.class})
@EnableConfigurationProperties(MetricsProperties.class)
public class OpsAutoConfiguration {

    @Bean
    public ProcessorProgress processorProgress() {
        return new ProcessorProgress();
    }

    /** Outermost first: the correlation id is in the MDC before anything else in the chain logs. */
    @Bean
    public ConfigurerModule eventHandlerOpsInterceptors(ProcessorProgress progress) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultHandlerInterceptor((config, name) -> new CorrelationIdLogging())
                .registerDefaultHandlerInterceptor((config, name) -> progress.interceptor(name)));
    }

    /** Command and query handlers may run on other threads than the request (e.g. with Axon Server). */
    @Bean
    public SmartInitializingSingleton correlationIdOnBuses(ObjectProvider<CommandBus> commandBus,
                                                           ObjectProvider<QueryBus> queryBus) {
        return () -> {
            commandBus.ifAvailable(bus -> bus.registerHandlerInterceptor(new CorrelationIdLogging()));
            queryBus.ifAvailable(bus -> bus.registerHandlerInterceptor(new CorrelationIdLogging()));
        };
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    public ProcessorLagMetrics processorLagMetrics(MeterRegistry registry,
                                                   ObjectProvider<EventProcessingConfiguration> processing,
                                                   ObjectProvider<EventStore> eventStore, ProcessorProgress progress,
                                                   Clock clock) {
        return new ProcessorLagMetrics(registry, () -> {
            EventProcessingConfiguration config = processing.getIfAvailable();
            return config == null ? null : config.eventProcessors();
        }, eventStore::getIfAvailable, progress, clock);
    }

    @Bean
    public MetricsRefresher metricsRefresher(ObjectProvider<RefreshedMetrics> metrics,
                                             MetricsProperties properties) {
        return new MetricsRefresher(metrics, properties.getRefreshInterval());
    }
}
