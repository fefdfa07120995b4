package org.proposalledger.tools.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.proposalledger.tools.bench.support.AuditRequests;
import org.proposalledger.tools.bench.support.BenchmarkProposals;
import org.proposalledger.tools.bench.support.Quiet;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar proposal-ledger-tools.jar --ledger.audit-benchmark.sizes=10000,1000000 --ledger.data-dir=DIR}:
 * for each size, appends that many proposals' events ({@link BenchmarkProposals}, six each; the
 * sizes add up in one store), lets the stores settle ({@link Quiet}), then times 10,000
 * point-in-time states ({@code sequence=3}) and 10,000 filtered histories of random proposals
 * over the query bus as an office user — both read from the event store, each after at least 15 s
 * of warm-up calls — beside their raw floor in the same run: a plain JDBC read of the proposal's
 * rows ({@link AuditRequests}). Prints p50/p99, the ratios to the floor, and p99 at each size over
 * the first. The read-model processors are stopped: neither request reads a read model, and a
 * million proposals need not be projected first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ledger.audit-benchmark.sizes")
@EnableConfigurationProperties(AuditBenchmarkProperties.class)
public class AuditBenchmark {

    @Bean
    public ApplicationRunner auditBenchmarkRunner(EventStore store, EventProcessingConfiguration processing,
                                                  QueryGateway queries, DataSource dataSource,
                                                  ConfigurableApplicationContext context,
                                                  AuditBenchmarkProperties settings) {
        return args -> {
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            List<String> table = new ArrayList<>();
            table.add(String.format("%-10s %-22s %10s %10s", "proposals", "request", "p50 ms", "p99 ms"));
            double[][] first = null;
            int total = 0;
            List<String> sessions = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int totalAtSize : settings.getSizes()) {
                int size = totalAtSize - total; // the sizes are totals in the store
                String session = "audit-" + totalAtSize;
                long t0 = System.nanoTime();
                BenchmarkProposals.append(store, session, size);
                long t1 = System.nanoTime();
                total += size;
                sessions.add(session);
                counts.add(size);
                long events = (long) size * BenchmarkProposals.EVENTS;
                System.out.printf("%d proposals in the store: appended %d events in %.1f s (%.0f events/s, chained)%n",
                        total, events, (t1 - t0) / 1e9, events / ((t1 - t0) / 1e9));
                double[][] now = AuditRequests.measure(queries, dataSource, sessions, counts, total, table);
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
}
