package org.proposalledger.platform.transparency;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.transparency.NoteSigner;
import org.proposalledger.platform.audit.ChainSummary;
import org.proposalledger.platform.audit.ChainVerifier;
import org.proposalledger.platform.audit.ChainingInterceptor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Verification under the {@code axonserver} profile reads events through Axon's event store API,
 * not JDBC tables. No Axon Server runs here, so this runs that same reading against Axon's
 * in-memory storage engine behind an {@link EmbeddedEventStore} (the API both implement): the log
 * kept from the token stream, checked against its checkpoint; the chains verified through
 * {@code readEvents}; and a store that lost an event, found.
 */
class AxonApiLogTest {

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final NoteSigner signer = NoteSigner.generate("test.proposal-ledger/log");
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private EmbeddedEventStore store() {
        EmbeddedEventStore s = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        s.registerDispatchInterceptor(new ChainingInterceptor(s, serializer, byte[].class));
        open.add(s::shutDown);
        return s;
    }

    private static LogStore logTables() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        LogStore log = new LogStore(ds);
        log.createTables();
        return log;
    }

    private static DomainEventMessage<?> event(String aggregate, long seq) {
        SessionId session = SessionId.of(aggregate);
        Object payload = seq == 0 ? new CongressSessionRegistered(session, "第0次会议", LocalDate.of(2022, 1, 5))
                : new CongressSessionUpdated(session, "第" + seq + "次会议", LocalDate.of(2022, 1, 5).plusDays(seq));
        MetaData meta = Actor.office("office").metaData("c-" + aggregate + "-" + seq);
        return new GenericDomainEventMessage<>("CongressSession", aggregate, seq, payload, meta);
    }

    @Test
    void the_log_kept_through_the_api_verifies_and_a_store_missing_an_event_is_found() throws Exception {
        EmbeddedEventStore store = store();
        LogStore log = logTables();
        Path dir = Files.createTempDirectory("ledger-axon-log-");
        TransparencyProperties settings = new TransparencyProperties(true, signer.name(), null, null, null,
                Duration.ofHours(1), Duration.ofMillis(20), 4, Duration.ofSeconds(60));
        LogKeeper keeper = new LogKeeper(log, new AxonLogEvents(store, serializer, log), signer, store,
                dir.resolve("latest-checkpoint"), settings, Clock.systemUTC());
        keeper.start();
        open.add(keeper::stop);
        for (int seq = 0; seq < 5; seq++) {
            store.publish(event("s-a", seq));
            store.publish(event("s-b", seq));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> log.size() == 10);
        LogStore.Stored cp = keeper.checkpointNow().get(30, TimeUnit.SECONDS);
        assertThat(cp.size()).isEqualTo(10);

        LogAudit audit = new LogAudit(log, new AxonLogEvents(store, serializer, log), signer::verifier,
                dir.resolve("latest-checkpoint"));
        LogReport intact = audit.verify();
        assertThat(intact.status()).as(intact.detail()).isEqualTo(LogReport.INTACT);

        ChainSummary chains = new ChainVerifier(null, store, serializer, audit::verify).verifyAll();
        assertThat(chains.aggregates()).isEqualTo(2);
        assertThat(chains.intact()).isEqualTo(2);
        assertThat(chains.events()).isEqualTo(10);
        assertThat(chains.log().status()).isEqualTo(LogReport.INTACT);

        // the same history in another store, without the event logged at position 7 (s-b's fourth)
        EmbeddedEventStore copy = store();
        List<EventMessage<?>> all = new ArrayList<>();
        store.readEvents("s-a", 0).asStream().forEach(all::add);
        store.readEvents("s-b", 0).asStream().forEach(all::add);
        String dropped = log.eventIdAt(7).orElseThrow();
        List<String> order = new ArrayList<>();
        for (long p = 0; p < 10; p++) {
            order.add(log.eventIdAt(p).orElseThrow());
        }
        for (String id : order) {
            if (!id.equals(dropped)) {
                copy.publish(all.stream().filter(m -> m.getIdentifier().equals(id)).findFirst().orElseThrow());
            }
        }
        LogReport r = new LogAudit(log, new AxonLogEvents(copy, serializer, log), signer::verifier,
                dir.resolve("latest-checkpoint")).verify();
        assertThat(r.status()).as(r.detail()).isEqualTo(LogReport.DIFFERS);
        assertThat(r.position()).isEqualTo(7);
        assertThat(r.difference()).isEqualTo("DELETED");
    }
}
