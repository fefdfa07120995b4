package org.proposalledger.platform.transparency;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.transparency.NoteSigner;
import org.proposalledger.platform.audit.ChainVerifier;
import org.proposalledger.platform.audit.ChainingInterceptor;
import org.proposalledger.platform.axon.H2EventTableFactory;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real event store (Axon's JDBC engine on an H2 file or a PostgreSQL schema of its own, events
 * chained as in production) with the transparency log kept beside it — built by hand so each test
 * has a store of its own to tamper with.
 */
final class LogFixture implements AutoCloseable {

    static final String POSTGRES_URL = System.getenv("LEDGER_TEST_POSTGRES_URL");

    final DataSource dataSource;
    final Path dir;
    final Serializer serializer = JacksonSerializer.defaultSerializer();
    final EmbeddedEventStore eventStore;
    final NoteSigner signer = NoteSigner.generate("test.proposal-ledger/log");
    final LogStore log;
    private LogKeeper keeper;

    private LogFixture(DataSource dataSource, boolean postgres) throws Exception {
        this.dataSource = dataSource;
        this.dir = Files.createTempDirectory("ledger-log-");
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver())
                .build();
        engine.createSchema(postgres ? PostgresEventTableFactory.INSTANCE : H2EventTableFactory.INSTANCE);
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        eventStore.registerDispatchInterceptor(new ChainingInterceptor(eventStore, serializer, byte[].class));
        log = new LogStore(dataSource);
        log.createTables();
    }

    static LogFixture h2() throws Exception {
        Path dir = Files.createTempDirectory("ledger-log-h2-");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        return new LogFixture(ds, false);
    }

    /** A schema of its own in the test database, so tampering with one test's rows leaves the others' alone. */
    static LogFixture postgres() throws Exception {
        String schema = "log_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres");
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, user, null); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(POSTGRES_URL);
        ds.setUser(user);
        ds.setCurrentSchema(schema);
        return new LogFixture(ds, true);
    }

    TransparencyProperties settings(int batchSize) {
        return new TransparencyProperties(true, signer.name(), null, null, null, Duration.ofHours(1),
                Duration.ofMillis(20), batchSize, Duration.ofSeconds(60));
    }

    Path checkpointCopy() {
        return dir.resolve("latest-checkpoint");
    }

    LogKeeper startKeeper(int batchSize) {
        keeper = newKeeper(batchSize);
        keeper.start();
        return keeper;
    }

    LogKeeper newKeeper(int batchSize) {
        return new LogKeeper(log, new JdbcLogEvents(log, Duration.ofSeconds(60), Clock.systemUTC()), signer, eventStore,
                checkpointCopy(), settings(batchSize), Clock.systemUTC());
    }

    void stopKeeper() {
        if (keeper != null) {
            keeper.stop();
            keeper = null;
        }
    }

    /** Signs a checkpoint of everything stored so far. */
    LogStore.Stored checkpoint() throws Exception {
        return keeper.checkpointNow().get(30, TimeUnit.SECONDS);
    }

    /** A fresh audit, as a process started after the tampering would have. */
    LogAudit audit() {
        return new LogAudit(log, new JdbcLogEvents(log, Duration.ofSeconds(60), Clock.systemUTC()), signer::verifier,
                checkpointCopy());
    }

    ChainVerifier chains() {
        return new ChainVerifier(dataSource);
    }

    /** Event {@code sequence} of the congress session aggregate {@code aggregateId}. */
    void publish(String aggregateId, long sequence) {
        SessionId session = SessionId.of(aggregateId);
        Object payload = sequence == 0
                ? new CongressSessionRegistered(session, "第" + sequence + "次会议", LocalDate.of(2022, 1, 5))
                : new CongressSessionUpdated(session, "第" + sequence + "次会议", LocalDate.of(2022, 1, 5).plusDays(sequence));
        MetaData metaData = Actor.office("office").metaData("c-" + aggregateId + "-" + sequence);
        eventStore.publish(new GenericDomainEventMessage<>("CongressSession", aggregateId, sequence, payload, metaData));
    }

    @Override
    public void close() {
        stopKeeper();
        eventStore.shutDown();
    }
}
