package org.proposalledger.tools.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.bson.types.Binary;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.proposalledger.api.query.dashboard.SessionDashboard;
import org.proposalledger.query.rebuild.ProjectionProgress;
import org.proposalledger.query.rebuild.ReadModelRebuild;
import org.proposalledger.standalone.rebuild.RebuildOnStart;
import org.proposalledger.tools.bench.support.BenchmarkProposals;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar proposal-ledger-tools.jar --ledger.benchmark.rebuild-events=1000000 --ledger.data-dir=DIR}
 * (an empty folder): appends that many events straight to the event store
 * ({@link BenchmarkProposals}, six events each) with the read-model processors stopped, then in the
 * same run measures
 * <ol>
 *   <li>the raw floor: reading every event row (payload, metadata, type, ids) from the event store
 *   with plain JDBC, and writing the same number of documents (each carrying its event's payload)
 *   with the MongoDB driver's {@code insertMany} in unordered batches of 1,000 into a scratch
 *   collection of the read-model database;</li>
 *   <li>the full rebuild through {@link ReadModelRebuild}: reset of every read-model processor and
 *   replay of the whole store until every processor has reached its head;</li>
 * </ol>
 * and prints events/s of each and the ratio rebuild / raw (raw = events / (read time + write time)).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ledger.benchmark.rebuild-events")
@EnableConfigurationProperties(BenchmarkProperties.class)
public class RebuildBenchmark {

    private static final int BULK = 1000;

    @Bean
    public ApplicationRunner runRebuildBenchmark(EventStore store, EventProcessingConfiguration processing,
                                              ReadModelRebuild rebuild, ProjectionProgress progress,
                                              DataSource dataSource, MongoTemplate mongo, QueryGateway queries,
                                              ConfigurableApplicationContext context, BenchmarkProperties settings) {
        return args -> {
            try {
                run(store, processing, rebuild, progress, dataSource, mongo, queries, settings.getRebuildEvents());
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1); // a command-line run: do not leave the process serving
            }
            System.exit(SpringApplication.exit(context));
        };
    }

    private static void run(EventStore store, EventProcessingConfiguration processing, ReadModelRebuild rebuild,
                            ProjectionProgress progress, DataSource dataSource, MongoTemplate mongo,
                            QueryGateway queries, int events) throws Exception {
        for (String name : ProjectionProgress.READ_MODEL_PROCESSORS) {
            processing.eventProcessor(name, StreamingEventProcessor.class)
                    .ifPresent(p -> p.shutdownAsync().orTimeout(60, TimeUnit.SECONDS).join());
        }
        int proposals = (events + BenchmarkProposals.EVENTS - 1) / BenchmarkProposals.EVENTS;
        String session = "rebuild-" + proposals;
        long t0 = System.nanoTime();
        BenchmarkProposals.append(store, session, proposals);
        double appendSeconds = (System.nanoTime() - t0) / 1e9;
        long stored = count(dataSource);
        System.out.printf("appended %,d proposals (%,d events) in %.1f s; %,d events in the store%n", proposals,
                (long) proposals * BenchmarkProposals.EVENTS, appendSeconds, stored);

        double readSeconds = readAll(dataSource, null);
        MongoCollection<Document> scratch = mongo.getCollection("benchmark_raw_writes");
        scratch.drop();
        long[] writeNanos = {0};
        List<Document> bulk = new ArrayList<>(BULK);
        readAll(dataSource, row -> {
            bulk.add(row);
            if (bulk.size() == BULK) {
                writeNanos[0] += insert(scratch, bulk);
            }
        });
        if (!bulk.isEmpty()) {
            writeNanos[0] += insert(scratch, bulk);
        }
        double writeSeconds = writeNanos[0] / 1e9;
        long written = scratch.countDocuments();
        scratch.drop();
        double readRate = stored / readSeconds;
        double writeRate = written / writeSeconds;
        double rawRate = stored / (readSeconds + writeSeconds);
        System.out.printf("raw JDBC read:        %,d events in %.1f s = %,.0f events/s%n", stored, readSeconds,
                readRate);
        System.out.printf("raw Mongo bulk write: %,d documents in %.1f s = %,.0f documents/s%n", written,
                writeSeconds, writeRate);
        System.out.printf("raw read + write:     %,.0f events/s%n", rawRate);

        ProjectionProgress.Rebuild started = rebuild.start("benchmark");
        ProjectionProgress.Rebuild done = RebuildOnStart.await(progress, started, 5000, System.out::println);
        SessionDashboard check = queries.query(new GetSessionDashboard(session, null),
                ResponseTypes.instanceOf(SessionDashboard.class)).join();
        if (check.figures().counts().assigned() != proposals) {
            throw new IllegalStateException("rebuilt dashboard counts " + check.figures().counts().assigned()
                    + " assigned, expected " + proposals);
        }
        System.out.printf("full rebuild:         %,d events in %.1f s = %,.0f events/s%n", done.events(),
                done.elapsedMillis() / 1000.0, done.eventsPerSecond());
        System.out.printf("rebuild / raw: %.2f (target >= 0.50); rebuild / 28,000 events/s: %.2f%n",
                done.eventsPerSecond() / rawRate, done.eventsPerSecond() / 28_000);
    }

    private static long count(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Reads every event row in global order, a page of {@value #BULK} rows per query (as Axon's
     * engine does; one long-open cursor over an H2 file fails when the store writes meanwhile);
     * hands each row to {@code sink} as a document if given. Returns the seconds spent reading.
     */
    private static double readAll(DataSource dataSource, java.util.function.Consumer<Document> sink)
            throws Exception {
        long t = System.nanoTime();
        long sinkNanos = 0;
        long after = Long.MIN_VALUE;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT globalIndex, eventIdentifier, aggregateIdentifier, "
                     + "sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData "
                     + "FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex LIMIT " + BULK)) {
            int rows;
            do {
                rows = 0;
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        long index = rs.getLong(1);
                        String id = rs.getString(2);
                        String aggregate = rs.getString(3);
                        long sequence = rs.getLong(4);
                        String type = rs.getString(5);
                        String timestamp = rs.getString(6);
                        String payloadType = rs.getString(7);
                        String revision = rs.getString(8);
                        byte[] payload = rs.getBytes(9);
                        byte[] meta = rs.getBytes(10);
                        after = index;
                        if (sink != null) {
                            long s = System.nanoTime();
                            sink.accept(new Document("_id", id).append("position", index)
                                    .append("aggregate", aggregate).append("sequence", sequence)
                                    .append("type", type).append("timestamp", timestamp)
                                    .append("payloadType", payloadType).append("revision", revision)
                                    .append("payload", new Binary(payload)).append("metaData", new Binary(meta)));
                            sinkNanos += System.nanoTime() - s;
                        }
                    }
                }
            } while (rows == BULK);
        }
        return (System.nanoTime() - t - sinkNanos) / 1e9;
    }

    private static long insert(MongoCollection<Document> collection, List<Document> bulk) {
        long t = System.nanoTime();
        collection.insertMany(bulk, new InsertManyOptions().ordered(false));
        bulk.clear();
        return System.nanoTime() - t;
    }
}
