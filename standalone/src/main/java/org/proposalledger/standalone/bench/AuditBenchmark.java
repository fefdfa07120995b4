package org.proposalledger.standalone.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.proposalledger.api.query.GetProposalHistory;
import org.proposalledger.api.query.GetProposalStateAt;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
 * {@code java -jar proposal-ledger.jar --ledger.audit-benchmark.sizes=10000,1000000 --ledger.data-dir=DIR}:
 * for each size, appends that many proposals' events (six each, DashboardBenchmark's appender;
 * the sizes add up in one store), lets the stores settle ({@link Quiet}), then times 10,000
 * point-in-time states ({@code sequence=3}) and 10,000 filtered histories of random proposals
 * over the query bus as an office user — both read from the event store, each after at least 15 s
 * of warm-up calls — beside their raw floor in the same run: a plain JDBC read of the proposal's
 * rows. Prints p50/p99, the ratios to the floor, and p99 at each size over the first. The
 * read-model processors are stopped: neither request reads a read model, and a million proposals
 * need not be projected first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ledger.audit-benchmark.sizes")
public class AuditBenchmark {

    private static final int REQUESTS = 10_000;

    @Bean
    public ApplicationRunner auditBenchmarkRunner(EventStore store, EventProcessingConfiguration processing,
                                            QueryGateway queries, DataSource dataSource,
                                            ConfigurableApplicationContext context,
                                            @Value("${ledger.audit-benchmark.sizes}") String sizes) {
        return args -> {
            processing.eventProcessors().values().forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
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
                total += size;
                sessions.add(session);
                counts.add(size);
                System.out.printf("%d proposals in the store: appended %d events in %.1f s (%.0f events/s, chained)%n",
                        total, size * 6, (t1 - t0) / 1e9, size * 6 / ((t1 - t0) / 1e9));
                double[][] now = measure(queries, dataSource, sessions, counts, total, table);
                if (first == null) {
                    first = now;
                } else {
                    table.add(String.format("%-10s p99 over the first size: state %.2f, history %.2f (floor %.2f)", "",
                            now[0][1] / first[0][1], now[2][1] / first[2][1], now[1][1] / first[1][1]));
                }
                table.forEach(System.out::println);
            }
            System.exit(SpringApplication.exit(context));
        };
    }

    /**
     * Times 10,000 point-in-time states and histories of random proposals of {@code sessions}
     * (ids {@code <session>-<n>}, n below the session's count, six events each) beside their
     * floor, once the stores have settled ({@link Quiet}), adds the rows to {@code table}, and
     * returns p50/p99 of: state, JDBC rows, history. Also used by {@link DashboardBenchmark}, so
     * one store of a million proposals serves both.
     */
    static double[][] measure(QueryGateway queries, DataSource dataSource, List<String> sessions,
                              List<Integer> counts, int total, List<String> table) throws InterruptedException {
        Quiet.settle(dataSource);
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
        double[][] now = {time(stateCall), time(rawRows), time(historyCall)};
        String[] names = {"point-in-time state", "JDBC rows (floor)", "history"};
        for (int i = 0; i < names.length; i++) {
            table.add(String.format("%-10d %-22s %10.3f %10.3f", total, names[i], now[i][0], now[i][1]));
        }
        table.add(String.format("%-10s p99 / floor p99: state %.2f, history %.2f", "",
                now[0][1] / now[1][1], now[2][1] / now[1][1]));
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

    /**
     * p50 and p99 in milliseconds of {@value #REQUESTS} calls, after warm-up calls for at least
     * 5,000 calls and 15 s: with fewer the first size was timed on code the JIT had not finished
     * compiling, and came out slower than a million proposals timed minutes later.
     */
    private static double[] time(IntConsumer call) {
        long warmUntil = System.nanoTime() + 15_000_000_000L;
        for (int i = 0; i < 5000 || System.nanoTime() < warmUntil; i++) {
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
