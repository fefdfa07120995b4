package org.proposalledger.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.proposalledger.api.security.Actor;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Axon wiring shared by both sides: Jackson for every stored message, an SQL-state based
 * duplicate detector (so concurrent appends surface as {@code ConcurrencyException}), event
 * tables created on start (and the database checked to write each commit before it returns), actor and correlation id copied from each command to its events,
 * and one clock for aggregates and event timestamps.
 */
@AutoConfiguration(before = org.axonframework.springboot.autoconfig.AxonAutoConfiguration.class,
        after = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(LedgerProperties.class)
public class AxonConfig {

    /**
     * Kept apart from the web ObjectMapper so HTTP settings never change the stored event
     * format. Registered after Boot's Jackson configuration, so Boot's (primary) web mapper
     * still exists beside it.
     */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    static EmbeddedEventStoreUrl embeddedEventStoreUrl(ObjectProvider<LedgerProperties> properties) {
        return new EmbeddedEventStoreUrl(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock(LedgerProperties properties) {
        return Clock.system(properties.getZone());
    }

    /** Event timestamps come from the same clock the aggregates decide with, so tests can move time. */
    @Bean
    public SmartInitializingSingleton eventClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver();
    }

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(
                Actor.USER, Actor.ROLE, Actor.UNIT_ID, Actor.DEPUTY_ID, Actor.CORRELATION_ID);
    }

    @Bean
    public SmartInitializingSingleton eventStoreTables(ObjectProvider<EventStorageEngine> engine,
                                                       ObjectProvider<DataSource> dataSource) {
        return () -> {
            if (engine.getIfAvailable() instanceof JdbcEventStorageEngine jdbc) {
                EventStoreSchema.create(jdbc, dataSource.getObject());
                CommitDurability.check(dataSource.getObject());
            }
        };
    }
}
