package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.standalone.LedgerTestSupport.expect;

/**
 * The audit features over events the real command path stored: aggregates loaded and saved in
 * their own units of work, each command in its own transaction, chained as they go.
 */
class AuditEndToEndTest extends RunningLedgerTest {

    @Test
    void events_stored_by_commands_are_chained_verified_replayable_and_fed() {
        LedgerTestSupport.referenceData(api);
        String id = LedgerTestSupport.submit(api);
        expect(api.post("office", "/api/v1/proposals/" + id + "/registration", Map.of("number", "第0001号")), 202);
        expect(api.post("office", "/api/v1/proposals/" + id + "/assignment",
                Map.of("leadUnitId", "commerce", "coUnitIds", java.util.List.of())), 202);
        expect(api.post("unit-commerce", "/api/v1/proposals/" + id + "/replies",
                Map.of("classification", "A", "text", "已完成。", "signedBy", "王局长")), 202);
        expect(api.post("deputy-zhu", "/api/v1/proposals/" + id + "/ratings",
                Map.of("rating", "BASICALLY_SATISFIED", "comment", "基本满意")), 202);
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, id);

        JsonNode chain = expect(api.get("office", "/api/v1/proposals/" + id + "/verification"), 200).json();
        assertThat(chain.get("status").asText()).isEqualTo("INTACT");
        assertThat(chain.get("chained").asLong()).isEqualTo(stored);

        JsonNode all = expect(api.post("office", "/api/v1/admin/verification", Map.of()), 200).json();
        assertThat(all.get("broken").asLong()).isZero();
        assertThat(all.get("intact").asLong()).isEqualTo(all.get("aggregates").asLong()).isGreaterThanOrEqualTo(7);

        JsonNode submitted = expect(api.get("deputy-zhu", "/api/v1/proposals/" + id + "/state?sequence=0"), 200).json();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("version").asLong()).isZero();
        expect(api.get("deputy-gao", "/api/v1/proposals/" + id + "/state?sequence=0"), 200); // a co-proposer

        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("office", "/api/v1/proposals/" + id + "/history").json().path("entries").size() == stored);
        JsonNode feed = expect(api.get("reader", "/api/v1/events?limit=1000&type=ProposalRated&sessionId="
                + LedgerTestSupport.SESSION), 200).json();
        // other tests of this context rate proposals of the same session: keep this proposal's
        java.util.List<JsonNode> rated = new java.util.ArrayList<>();
        feed.get("events").forEach(e -> {
            if (e.get("aggregateId").asText().equals(id)) {
                rated.add(e);
            }
        });
        assertThat(rated).hasSize(1);
        assertThat(rated.get(0).at("/payload/satisfactory").asBoolean()).isTrue();
        assertThat(rated.get(0).at("/actor/deputyId").asText()).isEqualTo("zhu-heping");
    }
}
