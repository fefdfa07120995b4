package org.proposalledger.standalone.bench;

import com.mongodb.client.model.Filters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.query.projection.Projections;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.proposalledger.api.query.GetProposalHistory;
import org.proposalledger.api.query.GetProposalStateAt;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.history.HistoryStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * {@code java -jar proposal-ledger.jar --ledger.audit-benchmark.sizes=10000,100000 --ledger.data-dir=DIR}:
 * for each size, appends that many proposals' events (six each, DashboardBenchmark's appender;
 * the sizes add up in one store), waits for the projections, then times 1,000 point-in-time
 * states ({@code sequence=3}, folded from the event store) and 1,000 filtered histories of
 * random proposals over the query bus as an office user, beside their raw floors in the same
 * run: a plain JDBC read of the proposal's rows, and an {@code _id} find on the history
 * collection. Prints p50/p99, the ratios to the floor, and p99 at each size over the first.
 * {@code --ledger.audit-benchmark.history=false} measures the state alone, with the projections
 * stopped (no waiting for them, so bigger stores fit in a run).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ledger.audit-benchmark.sizes")
public class AuditBenchmark {

    private static final int REQUESTS = 1000;

    @Bean
    public ApplicationRunner auditBenchmarkRunner(EventStore store, EventProcessingConfiguration processing,
                                            QueryGateway queries, MongoTemplate mongo, DataSource dataSource,
                                            ConfigurableApplicationContext context,
                                            @Value("${ledger.audit-benchmark.sizes}") String sizes,
                                            @Value("${ledger.audit-benchmark.history:true}") boolean withHistory) {
        return args -> {
            if (!withHistory) {
                // point-in-time state reads only the event store: stop the projections so they neither wait nor compete
                processing.eventProcessors().values().forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
            }
            List<String> table = new ArrayList<>();
            table.add(String.format("%-10s %-22s %10s %10s", "proposals", "request", "p50 ms", "p99 ms"));
            double[][] first = null;
            int total = 0;
            List<String> sessions = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (String s : sizes.split(",")) {
                int size = Integer.parseInt(s.trim()) - total; // the sizes are totals in the store
                String session = "audit-" + s.trim();
                long t0 = System.nanoTime();
                DashboardBenchmark.append(store, session, size);
                long t1 = System.nanoTime();
                if (withHistory) {
                    DashboardBenchmark.awaitCaughtUp(store, processing, Projections.GROUP);
                }
                long t2 = System.nanoTime();
                total += size;
                sessions.add(session);
                counts.add(size);
                System.out.printf("%d proposals in the store: appended %d events in %.1f s (%.0f events/s, chained), "
                                + "projections caught up %.1f s later%n", total, size * 6, (t1 - t0) / 1e9, size * 6 / ((t1 - t0) / 1e9),
                        (t2 - t1) / 1e9);
                double[][] now = measure(queries, dataSource, mongo, sessions, counts, total, withHistory, table);
                if (first == null) {
                    first = now;
                } else {
                    table.add(String.format("%-10s p99 over the first size: state %.2f, history %.2f "
                                    + "(floors: %.2f, %.2f)", "", now[0][1] / first[0][1], now[2][1] / first[2][1],
                            now[1][1] / first[1][1], now[3][1] / first[3][1]));
                }
                table.forEach(System.out::println);
            }
            System.exit(SpringApplication.exit(context));
        };
    }

    /**
     * Times 1,000 point-in-time states and histories of random proposals of {@code sessions}
     * (ids {@code <session>-<n>}, n below the session's count, six events each) beside their
     * floors, adds the rows to {@code table}, and returns p50/p99 of: state, JDBC rows, history,
     * {@code _id} find (NaN for the last two without {@code withHistory}). Also used by
     * {@link DashboardBenchmark}, so one store of a million proposals serves both.
     */
    static double[][] measure(QueryGateway queries, DataSource dataSource, MongoTemplate mongo, List<String> sessions,
                              List<Integer> counts, int total, boolean withHistory, List<String> table) {
        MetaData office = MetaData.from(Actor.office("benchmark").toMetaData());
        Random r = new Random(total);
        IntConsumer stateCall = i -> {
            ProposalView v = queries.query(new GenericMessage<>(new GetProposalStateAt(pick(r, sessions, counts),
                    null, 3L), office), ResponseTypes.instanceOf(ProposalView.class)).join();
            if (v == null || v.version() != 3) {
                throw new IllegalStateException("state not found");
            }
        };
        IntConsumer historyCall = i -> {
            ProposalHistory h = queries.query(new GenericMessage<>(new GetProposalHistory(pick(r, sessions, counts),
                    java.time.Instant.parse("2022-01-01T00:00:00Z"), null), office),
                    ResponseTypes.instanceOf(ProposalHistory.class)).join();
            if (h == null || h.entries().size() != 6) {
                throw new IllegalStateException("history not found");
            }
        };
        IntConsumer rawRows = i -> rawRows(dataSource, pick(r, sessions, counts));
        IntConsumer rawFind = i -> mongo.getCollection(HistoryStore.COLLECTION)
                .find(Filters.eq("_id", pick(r, sessions, counts))).first();
        double[] none = {Double.NaN, Double.NaN};
        double[][] now = {time(stateCall), time(rawRows), withHistory ? time(historyCall) : none,
                withHistory ? time(rawFind) : none};
        String[] names = {"point-in-time state", "JDBC rows (floor)", "history", "_id find (floor)"};
        for (int i = 0; i < names.length; i++) {
            table.add(String.format("%-10d %-22s %10.3f %10.3f", total, names[i], now[i][0], now[i][1]));
        }
        table.add(String.format("%-10s state p99 / floor p99: %.2f; history p99 / floor p99: %.2f", "",
                now[0][1] / now[1][1], now[2][1] / now[3][1]));
        return now;
    }

    private static String pick(Random r, List<String> sessions, List<Integer> counts) {
        int k = r.nextInt(sessions.size());
        return String.format("%s-%07d", sessions.get(k), r.nextInt(counts.get(k)));
    }

    private static void rawRows(DataSource dataSource, String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT payload, metaData FROM domainevententry "
                     + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    rs.getBytes(1);
                    rs.getBytes(2);
                    n++;
                }
                if (n != 6) {
                    throw new IllegalStateException(id + " has " + n + " events");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** p50 and p99 in milliseconds of {@value #REQUESTS} calls, after 5,000 warm-up calls (see DashboardBenchmark). */
    private static double[] time(IntConsumer call) {
        for (int i = 0; i < 5000; i++) {
            call.accept(i);
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return new double[]{nanos[REQUESTS / 2] / 1e6, nanos[(int) Math.ceil(REQUESTS * 0.99) - 1] / 1e6};
    }
}
