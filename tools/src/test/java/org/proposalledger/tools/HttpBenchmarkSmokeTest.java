package org.proposalledger.tools;

import org.junit.jupiter.api.Test;
import org.proposalledger.standalone.LedgerTestSupport;
import org.proposalledger.standalone.ProposalLedgerApplication;
import org.proposalledger.tools.bench.HttpBenchmark;
import org.proposalledger.tools.bench.HttpBenchmarkProperties;
import org.proposalledger.tools.bench.support.ReadLoad;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-path benchmark's code path for a few seconds, so it cannot rot: not a timed test —
 * it checks the figures are there and sane (every command and read answered 2xx, rates and
 * percentiles positive and ordered, the raw pass measured and its scratch table gone), not how
 * fast they are.
 */
class HttpBenchmarkSmokeTest {

    @Test
    void aShortRunProducesSaneFigures() throws Exception {
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(ProposalLedgerApplication.class)
                .run("--ledger.data-dir=" + LedgerTestSupport.freshDataDir(), "--server.port=0",
                        "--ledger.deadlines.watcher-enabled=false")) {
            int port = Integer.parseInt(ledger.getEnvironment().getRequiredProperty("local.server.port"));
            DataSource dataSource = ledger.getBean(DataSource.class);
            List<String> printed = new ArrayList<>();
            HttpBenchmark.Result r = HttpBenchmark.run(port, dataSource, ledger.getBean(MongoTemplate.class),
                    new HttpBenchmarkProperties(2, 1, 4, true, "smoke"), printed::add);

            assertThat(r.write().errors()).as(r.write().firstError()).isZero();
            assertThat(r.write().commands()).isPositive();
            assertThat(r.write().perSecond()).isPositive();
            assertThat(r.write().latency()[0]).isPositive().isLessThanOrEqualTo(r.write().latency()[1]);
            assertThat(r.write().perStep()).containsOnlyKeys("submit", "register", "assign", "reply");
            assertThat(r.write().rywUnseen()).isZero();
            assertThat(r.write().rywSamples()).isEqualTo(r.write().commands()); // every acknowledged step showed
            assertThat(r.write().ryw()[0]).isPositive();
            assertThat(r.write().heapPeakBytes()).isPositive().isLessThanOrEqualTo(r.write().heapMaxBytes());
            assertThat(r.write().proposalIds()).isNotEmpty();
            assertThat(r.raw().commands()).isPositive();
            assertThat(r.raw().latency()[0]).isPositive().isLessThanOrEqualTo(r.raw().latency()[1]);
            assertThat(r.writeRatio()).isPositive().isFinite();

            assertThat(r.reads()).extracting(ReadLoad.Figures::name).containsExactly("calendar (no store)",
                    "proposal by id", "list page (20)", "session dashboard", "unit table", "calendar (no store)");
            for (ReadLoad.Figures f : r.reads()) {
                assertThat(f.errors()).as(f.name() + ": " + f.firstError()).isZero();
                assertThat(f.requests()).as(f.name()).isPositive();
                assertThat(f.latency()[0]).as(f.name()).isPositive().isLessThanOrEqualTo(f.latency()[1]);
            }
            assertThat(printed).anyMatch(l -> l.contains("write / raw")).anyMatch(l -> l.contains("floor = mean"));
            try (Connection c = dataSource.getConnection();
                 ResultSet tables = c.getMetaData().getTables(null, null, "BENCHMARK_RAW_EVENTS", null)) {
                assertThat(tables.next()).as("the raw pass's scratch table is dropped").isFalse();
            }
        }
    }
}
