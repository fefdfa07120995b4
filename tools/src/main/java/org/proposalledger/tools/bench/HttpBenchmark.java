package org.proposalledger.tools.bench;

import org.proposalledger.tools.bench.support.LedgerHttp;
import org.proposalledger.tools.bench.support.RawCommands;
import org.proposalledger.tools.bench.support.ReadLoad;
import org.proposalledger.tools.bench.support.WriteLoad;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.proposalledger.query.proposal.ProposalStore;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code java -jar proposal-ledger-tools.jar --ledger.benchmark.http.seconds=30 --ledger.data-dir=DIR}
 * (an empty folder; add {@code --spring.datasource.url=…} for PostgreSQL): the request path over
 * HTTP against this process's own server, with the shipped demo accounts.
 * <p>
 * <b>Write pass</b>: {@code clients} (16) HTTP clients send whole lifecycles ({@link WriteLoad}:
 * submit, register, assign, reply); commands/s, p50/p99, read-your-writes and the heap, then the
 * raw pass on the same store in the same run ({@link RawCommands}: per command read the last
 * sequence, insert the event rows, commit, as many JDBC threads) and the ratio.
 * <p>
 * <b>Read pass</b> (on the write pass's proposals): a proposal by id, a list page, the session
 * dashboard and the unit table, each {@code clients} connections for {@code seconds}, each
 * against an authenticated endpoint that touches no store ({@code GET /calendar}) measured before
 * and after them; the ratio is to the mean of the two.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ledger.benchmark.http.seconds")
@EnableConfigurationProperties(HttpBenchmarkProperties.class)
public class HttpBenchmark {

    /** What one run measured. */
    public record Result(WriteLoad.Figures write, RawCommands.Figures raw, List<ReadLoad.Figures> reads,
                         List<String> lines) {
        public double writeRatio() {
            return write.perSecond() / raw.perSecond();
        }
    }

    @Bean
    public ApplicationRunner httpBenchmarkRun(DataSource dataSource, MongoTemplate mongo,
                                              ConfigurableApplicationContext context, HttpBenchmarkProperties settings) {
        return args -> {
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            run(port, dataSource, mongo, settings, System.out::println);
            System.exit(SpringApplication.exit(context));
        };
    }

    /** Runs both passes against the ledger listening on {@code port}; each line is also given to {@code out}. */
    public static Result run(int port, DataSource dataSource, MongoTemplate mongo, HttpBenchmarkProperties settings,
                             java.util.function.Consumer<String> out) throws InterruptedException, SQLException {
        List<String> lines = new ArrayList<>();
        java.util.function.Consumer<String> print = l -> {
            lines.add(l);
            out.accept(l);
        };
        LedgerHttp http = new LedgerHttp(port);
        Duration warmUp = Duration.ofSeconds(settings.warmUpSeconds());
        Duration measured = Duration.ofSeconds(settings.seconds());
        int clients = settings.clients();
        print.accept(String.format("[http-bench] %d clients, %d s warm-up + %d s measured per pass; %d cores, max heap %d MB,"
                        + " load average %.2f", clients, settings.warmUpSeconds(), settings.seconds(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        WriteLoad.referenceData(http, settings.session());
        WriteLoad.Figures w = WriteLoad.run(http, settings.session(), clients, warmUp, measured, statuses(mongo));
        RawCommands.Figures raw = RawCommands.run(dataSource, clients, Duration.ofSeconds(2), measured);
        print.accept(String.format("[http-bench] write: %,d commands in %.1f s = %.1f commands/s; p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms; errors %d%s", w.commands(), w.seconds(), w.perSecond(), w.latency()[0],
                w.latency()[1], w.latency()[3], w.errors(), w.firstError() == null ? "" : " (first: " + w.firstError() + ")"));
        w.perStep().forEach((step, p) -> print.accept(String.format("[http-bench]   %-8s p50 %.1f ms, p99 %.1f ms", step,
                p[0], p[1])));
        print.accept(String.format("[http-bench] read-your-writes (2xx → the proposal read model shows the step): %d commands,"
                        + " p50 %.0f ms, p99 %.0f ms, max %.0f ms; not seen within 30 s: %d", w.rywSamples(), w.ryw()[0],
                w.ryw()[1], w.ryw()[3], w.rywUnseen()));
        print.accept(String.format("[http-bench] heap used: peak %d MB of max %d MB", w.heapPeakBytes() >> 20,
                w.heapMaxBytes() >> 20));
        print.accept(String.format("[http-bench] raw (same store, %d JDBC threads: read last sequence, insert the rows,"
                        + " commit): %.0f commands/s, p50 %.2f ms, p99 %.2f ms", clients, raw.perSecond(), raw.latency()[0],
                raw.latency()[1]));
        print.accept(String.format("[http-bench] write / raw: %.2f (target ≥ 0.5); p99 %.1f ms (target ≤ 50);"
                + " read-your-writes p99 %.0f ms (target ≤ 1000)", w.perSecond() / raw.perSecond(), w.latency()[1], w.ryw()[1]));
        List<ReadLoad.Figures> reads = new ArrayList<>();
        if (settings.read() && !w.proposalIds().isEmpty()) {
            reads = reads(http, settings, w.proposalIds(), warmUp, measured, print);
        }
        return new Result(w, raw, reads, lines);
    }

    /**
     * The proposal read model's status per id: one {@code _id} lookup each (the embedded server
     * answers {@code $in} by scanning the collection).
     */
    private static Function<Collection<String>, Map<String, String>> statuses(MongoTemplate mongo) {
        return ids -> {
            Map<String, String> statuses = new HashMap<>();
            for (String id : ids) {
                Document d = mongo.getCollection(ProposalStore.COLLECTION).find(Filters.eq("_id", id))
                        .projection(Projections.include("status")).first();
                if (d != null) {
                    statuses.put(id, d.getString("status"));
                }
            }
            return statuses;
        };
    }

    private static List<ReadLoad.Figures> reads(LedgerHttp http, HttpBenchmarkProperties settings, List<String> ids,
                                                Duration warmUp, Duration measured,
                                                java.util.function.Consumer<String> print) throws InterruptedException {
        String s = settings.session();
        int clients = settings.clients();
        Supplier<String> calendar = () -> "/api/v1/calendar";
        List<ReadLoad.Figures> all = new ArrayList<>();
        all.add(ReadLoad.run(http, "calendar (no store)", "reader", calendar, clients, warmUp, measured));
        all.add(ReadLoad.run(http, "proposal by id", "reader", () -> "/api/v1/proposals/" + ReadLoad.any(ids), clients,
                warmUp, measured));
        all.add(ReadLoad.run(http, "list page (20)", "reader", () -> "/api/v1/proposals?sessionId=" + s + "&limit=20",
                clients, warmUp, measured));
        all.add(ReadLoad.run(http, "session dashboard", "reader", () -> "/api/v1/dashboards/sessions/" + s, clients,
                warmUp, measured));
        all.add(ReadLoad.run(http, "unit table", "reader", () -> "/api/v1/dashboards/sessions/" + s + "/units", clients,
                warmUp, measured));
        all.add(ReadLoad.run(http, "calendar (no store)", "reader", calendar, clients, warmUp, measured));
        double floor = (all.get(0).perSecond() + all.get(all.size() - 1).perSecond()) / 2;
        print.accept(String.format("[http-bench] %-20s %10s %9s %9s %9s %8s %7s", "read", "requests/s", "p50 ms", "p99 ms",
                "max ms", "/ floor", "errors"));
        for (ReadLoad.Figures f : all) {
            print.accept(String.format("[http-bench] %-20s %10.0f %9.2f %9.2f %9.1f %8.2f %7d%s", f.name(), f.perSecond(),
                    f.latency()[0], f.latency()[1], f.latency()[3], f.perSecond() / floor, f.errors(),
                    f.firstError() == null ? "" : " (first: " + f.firstError() + ")"));
        }
        print.accept(String.format("[http-bench] floor = mean of the two calendar passes: %.0f requests/s (targets: each"
                + " read ≥ 0.5 of it, p99 ≤ 20 ms)", floor));
        return all;
    }
}
