package org.proposalledger.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.standalone.LedgerTestSupport.expect;

/** Everything the embedded default stores survives a stop and a start on the same data folder. */
class RestartTest {

    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ProposalLedgerApplication.class)
                .run("--ledger.data-dir=" + dataDir, "--server.port=0");
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void state_and_history_are_unchanged_byte_for_byte_after_a_restart() {
        Path dataDir = LedgerTestSupport.freshDataDir();
        String id;
        String state;
        String history;
        String list;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            LedgerTestSupport.referenceData(api);
            id = LedgerTestSupport.submit(api);
            expect(api.post("office", "/api/v1/proposals/" + id + "/registration", Map.of("number", "第0007号")), 202);
            expect(api.post("office", "/api/v1/proposals/" + id + "/assignment",
                    Map.of("leadUnitId", "commerce", "coUnitIds", List.of())), 202);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    api.get("office", "/api/v1/proposals/" + id).body().contains("\"ASSIGNED\""));
            state = api.get("office", "/api/v1/proposals/" + id).body();
            history = api.get("office", "/api/v1/proposals/" + id + "/history").body();
            list = api.get("office", "/api/v1/proposals?sessionId=" + LedgerTestSupport.SESSION).body();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            assertThat(api.get("office", "/api/v1/proposals/" + id).body()).isEqualTo(state);
            assertThat(api.get("office", "/api/v1/proposals/" + id + "/history").body()).isEqualTo(history);
            assertThat(api.get("office", "/api/v1/proposals?sessionId=" + LedgerTestSupport.SESSION).body())
                    .isEqualTo(list);
            // and the aggregate still knows where it stands: a second assignment is refused
            Api.Response again = api.post("office", "/api/v1/proposals/" + id + "/assignment",
                    Map.of("leadUnitId", "commerce", "coUnitIds", List.of()));
            assertThat(again.status()).isEqualTo(409);
        }
    }
}
