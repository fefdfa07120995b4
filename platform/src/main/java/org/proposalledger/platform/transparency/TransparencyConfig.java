package org.proposalledger.platform.transparency;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.proposalledger.api.transparency.NoteSigner;
import org.proposalledger.api.transparency.NoteVerifier;
import org.proposalledger.platform.LedgerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The transparency log (docs/transparency-log.md): its tables in the event-store database, the
 * keeper that follows the store and signs checkpoints (where {@code ledger.transparency.keeper}
 * is on: the standalone and the command side; a query side only reads the log), the audit the
 * store-wide verification runs, and the HTTP endpoints.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class,
        org.axonframework.springboot.autoconfig.AxonAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(TransparencyProperties.class)
@Import(TransparencyController.class)
public class TransparencyConfig {

    /** The log's keys: the signer where this process keeps the log, else only the verifier it can find. */
    public static final class LogKeys {
        private final NoteSigner signer;
        private final NoteVerifier verifier;

        LogKeys(NoteSigner signer, NoteVerifier verifier) {
            this.signer = signer;
            this.verifier = signer != null ? signer.verifier() : verifier;
        }

        public NoteSigner signer() {
            return signer;
        }

        public NoteVerifier verifier() {
            return verifier;
        }
    }

    @Bean
    LogStore transparencyLogStore(DataSource dataSource) {
        LogStore store = new LogStore(dataSource);
        store.createTables();
        return store;
    }

    @Bean
    LogEvents transparencyLogEvents(LogStore store, ObjectProvider<EventStorageEngine> engine,
                                    ObjectProvider<EventStore> eventStore,
                                    @Qualifier("eventSerializer") ObjectProvider<Serializer> serializer,
                                    TransparencyProperties settings, ObjectProvider<Clock> clock) {
        EventStorageEngine e = engine.getIfAvailable();
        if (e instanceof JdbcEventStorageEngine) {
            return new JdbcLogEvents(store, settings.gapTimeout(), clock.getIfAvailable(Clock::systemUTC));
        }
        Serializer s = e instanceof AbstractEventStorageEngine a ? a.getEventSerializer() : serializer.getObject();
        return new AxonLogEvents(eventStore.getObject(), s, store);
    }

    @Bean
    LogKeys transparencyLogKeys(TransparencyProperties settings, LedgerProperties ledger, Environment env) {
        Path dataDir = ledger.getDataDir();
        if (settings.keeper()) {
            return new LogKeys(LogKey.signer(settings, dataDir, env.acceptsProfiles(Profiles.of("prod"))), null);
        }
        return new LogKeys(null, LogKey.verifier(settings, dataDir));
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.transparency.keeper", havingValue = "true", matchIfMissing = true)
    LogKeeper transparencyLogKeeper(LogStore store, LogEvents events, LogKeys keys, EventBus eventBus,
                                    TransparencyProperties settings, LedgerProperties ledger, ObjectProvider<Clock> clock) {
        return new LogKeeper(store, events, keys.signer(), eventBus, checkpointCopy(settings, ledger), settings,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    LogAudit transparencyLogAudit(LogStore store, LogEvents events, LogKeys keys, TransparencyProperties settings,
                                  LedgerProperties ledger) {
        return new LogAudit(store, events, keys::verifier, checkpointCopy(settings, ledger));
    }

    /** Beside the key file (the folder kept outside the database). */
    static Path checkpointCopy(TransparencyProperties settings, LedgerProperties ledger) {
        Path key = settings.keyFile() != null ? settings.keyFile() : LogKey.defaultFile(ledger.getDataDir());
        return key.toAbsolutePath().resolveSibling("latest-checkpoint");
    }
}
