package org.proposalledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.proposalledger.query.rebuild.ProjectionProgress;
import org.proposalledger.standalone.Api;
import org.proposalledger.standalone.LedgerTestSupport;
import org.proposalledger.standalone.ProposalLedgerApplication;
import org.proposalledger.tools.bench.support.BenchmarkProposals;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stored while the read-model processors did not run: on the next start the process is
 * not ready until the processors have caught up with them, then ready. (Here, beside the tools,
 * because the events are the benchmarks' proposals, appended straight to the store.)
 */
class ReadinessCatchUpTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ProposalLedgerApplication.class)
                .run("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.deadlines.watcher-enabled=false");
    }

    @Test
    void notReadyWhileTheFirstCatchUpRunsThenReady() {
        Path dataDir = LedgerTestSupport.freshDataDir();
        try (ConfigurableApplicationContext first = start(dataDir)) {
            EventProcessingConfiguration processing = first.getBean(EventProcessingConfiguration.class);
            for (String name : ProjectionProgress.READ_MODEL_PROCESSORS) {
                processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow()
                        .shutdownAsync().orTimeout(60, TimeUnit.SECONDS).join();
            }
            BenchmarkProposals.append(first.getBean(EventStore.class), "catch-up", 300); // 1,800 events
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = new Api(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
            Api.Response early = api.get(null, "/actuator/health/readiness");
            assertThat(early.status()).as(early.body()).isEqualTo(503);
            assertThat(early.body()).contains("OUT_OF_SERVICE");
            JsonNode during = api.get("office", "/api/v1/admin/processors").json();
            assertThat(during.get("ready").asBoolean()).isFalse();
            assertThat(during.get("firstCatchUpDone").asBoolean()).isFalse();
            // not a rebuild: the read models answer (growing) as usual
            assertThat(api.get("reader", "/api/v1/dashboards/sessions/catch-up").status()).isNotEqualTo(503);

            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get(null, "/actuator/health/readiness").status() == 200);
            JsonNode after = api.get("office", "/api/v1/admin/processors").json();
            assertThat(after.get("firstCatchUpDone").asBoolean()).isTrue();
            for (JsonNode p : after.get("processors")) {
                if (p.get("readModel").asBoolean()) {
                    assertThat(p.get("position").asLong()).as(p.toString())
                            .isGreaterThanOrEqualTo(p.get("head").asLong());
                }
            }
            assertThat(api.get("reader", "/api/v1/dashboards/sessions/catch-up").json()
                    .at("/figures/counts/assigned").asLong()).isEqualTo(300);
        }
    }
}
