package org.proposalledger.platform.audit;

import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.proposalledger.platform.transparency.LogAudit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The tamper-evident chain: every event published through the event store gets its hash
 * (whatever the store), and the verifier reads the JDBC event table when that is the store,
 * else the events through Axon's event store API (Axon Server).
 */
@AutoConfiguration(after = org.axonframework.springboot.autoconfig.AxonAutoConfiguration.class)
public class AuditConfig {

    /** Registered before any event can be published: SmartInitializingSingleton runs before Axon starts. */
    @Bean
    public SmartInitializingSingleton eventChaining(ObjectProvider<EventStore> eventStore,
                                                    ObjectProvider<EventStorageEngine> engine,
                                                    @Qualifier("eventSerializer") ObjectProvider<Serializer> serializer) {
        return () -> {
            EventStore store = eventStore.getIfAvailable();
            if (store == null) {
                return;
            }
            // hash the bytes exactly as the engine will store them: same serializer, byte[] as the JDBC engine uses
            Serializer s = engine.getIfAvailable() instanceof AbstractEventStorageEngine e
                    ? e.getEventSerializer() : serializer.getObject();
            store.registerDispatchInterceptor(new ChainingInterceptor(store, s, byte[].class));
        };
    }

    @Bean
    public ChainVerifier chainVerifier(ObjectProvider<EventStorageEngine> engine, ObjectProvider<DataSource> dataSource,
                                       ObjectProvider<LogAudit> logAudit, ObjectProvider<EventStore> eventStore,
                                       @Qualifier("eventSerializer") ObjectProvider<Serializer> serializer) {
        EventStorageEngine storage = engine.getIfAvailable();
        Serializer s = storage instanceof AbstractEventStorageEngine e ? e.getEventSerializer() : serializer.getObject();
        return new ChainVerifier(storage instanceof JdbcEventStorageEngine ? dataSource.getIfAvailable() : null,
                eventStore.getIfAvailable(), s, () -> {
            LogAudit audit = logAudit.getIfAvailable();
            return audit == null ? null : audit.verify();
        });
    }
}
