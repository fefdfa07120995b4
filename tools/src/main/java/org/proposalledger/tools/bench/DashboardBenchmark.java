package org.proposalledger.tools.bench;

import com.mongodb.client.model.Filters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.proposalledger.api.query.dashboard.GetUnitTable;
import org.proposalledger.api.query.dashboard.SessionDashboard;
import org.proposalledger.api.query.dashboard.UnitTable;
import org.proposalledger.query.dashboard.CounterStore;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.supervision.SupervisionProjection;
import org.proposalledger.tools.bench.support.AuditRequests;
import org.proposalledger.tools.bench.support.BenchmarkProposals;
import org.proposalledger.tools.bench.support.Latencies;
import org.proposalledger.tools.bench.support.Quiet;
import org.proposalledger.tools.bench.support.RawRate;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code java -jar proposal-ledger-tools.jar --ledger.benchmark.sizes=10000,100000 --ledger.data-dir=DIR}
 * (an empty folder): for each size, appends that many proposals' events straight to the event
 * store (six events each: submitted, registered, assigned, consulted, replied, rated — commands
 * would be far slower and would measure the command side, not the dashboards), each size its own
 * session, waits for the projections to catch up, then times 1,000 session dashboards, 1,000
 * unit tables (55 units) over the query bus, and 1,000 single {@code _id} finds on the same
 * MongoDB (the floor), each after 5,000 warm-up calls. Prints p50/p99 (and p90, max) per size and the
 * ratios, then stops.
 * <p>
 * The events are appended with the event processors stopped; then the processors start and
 * the time until {@code proposal-views} has caught up gives the projection's events/s, printed
 * beside the raw rate of the same events in the same run ({@link RawRate}).
 * <p>
 * With {@code --ledger.benchmark.audit=true} (the default) each size also runs the audit
 * benchmark's requests ({@link AuditRequests}: point-in-time state and history of random
 * proposals of every size so far, beside their floors) on the same store, so one load of a
 * million proposals serves both.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ledger.benchmark.sizes")
@EnableConfigurationProperties(BenchmarkProperties.class)
public class DashboardBenchmark {

    private static final int REQUESTS = 1000;
    private static final int WARM_UP = 5000;

    @Bean
    public ApplicationRunner benchmark(EventStore store, EventProcessingConfiguration processing, QueryGateway queries,
                                       MongoTemplate mongo, DataSource dataSource,
                                       ConfigurableApplicationContext context, BenchmarkProperties settings) {
        return args -> {
            List<String> table = new ArrayList<>();
            table.add(String.format("%-10s %-16s %10s %10s %10s %10s", "proposals", "request", "p50 ms", "p99 ms",
                    "p90 ms", "max ms"));
            Map<String, double[]> first = new HashMap<>();
            List<String> rates = new ArrayList<>();
            List<String> auditTable = new ArrayList<>(List.of(String.format("%-10s %-22s %10s %10s", "proposals",
                    "request (audit)", "p50 ms", "p99 ms")));
            List<String> sessions = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            int total = 0;
            double[][] firstAudit = null;
            for (int size : settings.getSizes()) {
                String session = "bench-" + size;
                List<EventProcessor> processors = processing.eventProcessors().values().stream()
                        .filter(p -> p instanceof StreamingEventProcessor).toList();
                // appended with the processors stopped, so the projection is timed on its own
                processors.forEach(EventProcessor::shutDown);
                long fromPosition = position(store.createHeadToken());
                long t0 = System.nanoTime();
                BenchmarkProposals.append(store, session, size);
                long t1 = System.nanoTime();
                long events = (long) size * BenchmarkProposals.EVENTS;
                processors.forEach(EventProcessor::start);
                awaitCaughtUp(store, processing, Projections.GROUP);
                long t2 = System.nanoTime();
                awaitCaughtUp(store, processing, SupervisionProjection.GROUP);
                long t3 = System.nanoTime();
                double projected = events / ((t2 - t1) / 1e9);
                System.out.printf("%d proposals: appended %d events in %.1f s (%.0f events/s); %s projected them in"
                                + " %.1f s (%.0f events/s); %s caught up after %.1f s%n", size, events, (t1 - t0) / 1e9,
                        events / ((t1 - t0) / 1e9), Projections.GROUP, (t2 - t1) / 1e9, projected,
                        SupervisionProjection.GROUP, (t3 - t1) / 1e9);
                // the raw pass over at most raw-max-events of the size's events: at a million proposals a full
                // pass would insert six million scratch documents, tens of minutes on the embedded server
                long rawEvents = Math.min(events, settings.getRawMaxEvents());
                double raw = RawRate.measure(dataSource, mongo, fromPosition, fromPosition + rawEvents);
                rates.add(String.format("%-10d projection %.0f events/s; raw JDBC read + Mongo bulk insert of the first"
                        + " %d of its %d events/documents %.0f events/s; projection / raw %.2f", size, projected,
                        rawEvents, events, raw, projected / raw));
                Quiet.settle(dataSource);
                double[] dash = time(() -> queries.query(new GetSessionDashboard(session, null),
                        ResponseTypes.instanceOf(SessionDashboard.class)).join());
                double[] units = time(() -> queries.query(new GetUnitTable(session, "replyRate", 5, null),
                        ResponseTypes.instanceOf(UnitTable.class)).join());
                double[] floor = time(() -> mongo.getCollection(CounterStore.COUNTERS)
                        .find(Filters.eq("_id", "s|" + session)).first());
                SessionDashboard check = queries.query(new GetSessionDashboard(session, null),
                        ResponseTypes.instanceOf(SessionDashboard.class)).join();
                if (check.figures().counts().assigned() != size) {
                    throw new IllegalStateException("dashboard counts " + check.figures().counts().assigned());
                }
                for (Map.Entry<String, double[]> e : Map.of("session dashboard", dash, "unit table", units,
                        "_id find (floor)", floor).entrySet()) {
                    table.add(String.format("%-10d %-16s %10.3f %10.3f %10.3f %10.3f", size, e.getKey(),
                            e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]));
                    first.putIfAbsent(e.getKey(), e.getValue());
                    if (first.get(e.getKey()) != e.getValue()) {
                        table.add(String.format("%-10s %-16s p99 / p99 at the first size: %.2f", "", e.getKey(),
                                e.getValue()[1] / first.get(e.getKey())[1]));
                    }
                }
                table.add(String.format("%-10s dashboard p99 / floor p99: %.2f; unit table p99 / floor p99: %.2f", "",
                        dash[1] / floor[1], units[1] / floor[1]));
                if (settings.isAudit()) {
                    // the audit benchmark's requests on the same store: the proposals of every size so far
                    sessions.add(session);
                    counts.add(size);
                    total += size;
                    List<String> rows = new ArrayList<>();
                    double[][] now = AuditRequests.measure(queries, dataSource, sessions, counts, total, rows);
                    firstAudit = firstAudit == null ? now : firstAudit;
                    if (firstAudit != now) {
                        rows.add(String.format("%-10s p99 over the first size: state %.2f, history %.2f (floor %.2f)", "",
                                now[0][1] / firstAudit[0][1], now[2][1] / firstAudit[2][1], now[1][1] / firstAudit[1][1]));
                    }
                    auditTable.addAll(rows);
                }
                table.forEach(System.out::println); // the table so far, after each size
                auditTable.forEach(System.out::println);
                rates.forEach(System.out::println);
            }
            // a command-line run: stop the process (closing the context alone leaves worker threads)
            System.exit(SpringApplication.exit(context));
        };
    }

    /**
     * p50, p99, p90 and max in milliseconds of {@value #REQUESTS} calls, after {@value #WARM_UP} warm-up
     * calls: enough for the JIT to have compiled the path (on two cores a compilation running beside
     * the measured calls shows up as their p99).
     */
    private static double[] time(Supplier<?> call) {
        return Latencies.time(REQUESTS, WARM_UP, Duration.ZERO, i -> call.get());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static void awaitCaughtUp(EventStore store, EventProcessingConfiguration processing, String group)
            throws InterruptedException {
        long target = position(store.createHeadToken());
        StreamingEventProcessor p = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        long last = 0;
        while (true) {
            Map<Integer, EventTrackerStatus> status = p.processingStatus();
            long min = status.isEmpty() ? -1 : status.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
            if (!status.isEmpty() && min >= target) {
                return;
            }
            if (System.nanoTime() - last > 5_000_000_000L) {
                last = System.nanoTime();
                System.out.printf("%s: position %d of %d%n", group, min, target);
            }
            Thread.sleep(200);
        }
    }
}
