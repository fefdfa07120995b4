package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.standalone.LedgerTestSupport.expect;
import static org.proposalledger.standalone.LedgerTestSupport.referenceData;
import static org.proposalledger.standalone.LedgerTestSupport.submit;
import static org.proposalledger.standalone.LedgerTestSupport.submission;

/**
 * The whole system over HTTP on its embedded default (H2 event store, embedded Mongo-protocol
 * read models), driven with the demo accounts as the README's walk-through does.
 */
class ProposalLifecycleEndToEndTest extends RunningLedgerTest {


    @BeforeEach
    void setUp() {
        referenceData(api);
    }

    JsonNode awaitProposal(String id, Predicate<JsonNode> until) {
        List<JsonNode> last = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = api.get("office", "/api/v1/proposals/" + id);
            if (r.status() != 200) {
                return false;
            }
            last.clear();
            last.add(r.json());
            return until.test(r.json());
        });
        return last.get(0);
    }

    String assigned() {
        String id = submit(api);
        expect(api.post("office", "/api/v1/proposals/" + id + "/registration", Map.of("number", "第" + id.substring(0, 8) + "号")), 202);
        expect(api.post("office", "/api/v1/proposals/" + id + "/assignment",
                Map.of("leadUnitId", "commerce", "coUnitIds", List.of("education"))), 202);
        return id;
    }

    String replied() {
        String id = assigned();
        expect(api.post("unit-commerce", "/api/v1/proposals/" + id + "/replies",
                Map.of("classification", "A", "text", "已完成三级物流体系建设。", "signedBy", "王局长")), 202);
        return id;
    }

    @Test
    void a_proposal_lives_from_submission_to_closure() {
        String id = submit(api);
        String p = "/api/v1/proposals/" + id;
        expect(api.post("office", p + "/registration", Map.of("number", "第0001号")), 202);
        expect(api.post("office", p + "/key-designation", Map.of("supervisingLeader", "李副市长")), 202);
        expect(api.post("office", p + "/assignment", Map.of("leadUnitId", "commerce", "coUnitIds", List.of("education"))), 202);
        expect(api.post("unit-education", p + "/co-opinions", Map.of("text", "同意主办单位意见。")), 202);
        expect(api.post("unit-commerce", p + "/consultations", Map.of("heldOn", java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Shanghai")).toString(), "mode", "IN_PERSON",
                "participants", List.of("朱和平", "王局长"), "notes", "当面沟通办理思路。")), 202);
        expect(api.send("unit-commerce", "POST", p + "/replies",
                Map.of("classification", "A", "text", "已完成三级物流体系建设。", "signedBy", "王局长"), "trace-reply-1"), 202);
        expect(api.post("deputy-gao", p + "/ratings", Map.of("rating", "SATISFIED", "comment", "满意")), 202);
        expect(api.post("office", p + "/closure", Map.of()), 202);

        JsonNode state = awaitProposal(id, s -> "CLOSED".equals(s.path("status").asText()));
        assertThat(state.path("sessionId").asText()).isEqualTo(LedgerTestSupport.SESSION);
        assertThat(state.path("number").asText()).isEqualTo("第0001号");
        assertThat(state.path("title").asText()).isEqualTo("关于加快我市农村电商发展的建议");
        assertThat(state.path("key").asBoolean()).isTrue();
        assertThat(state.path("leadUnitId").asText()).isEqualTo("commerce");
        assertThat(state.path("coUnitIds").get(0).asText()).isEqualTo("education");
        assertThat(state.path("dueOn").asText()).isNotBlank();
        assertThat(state.path("overdue").asBoolean()).isFalse();
        assertThat(state.path("consultations")).hasSize(1);
        assertThat(state.path("replies")).hasSize(1);
        assertThat(state.path("replies").get(0).path("classification").asText()).isEqualTo("A");
        assertThat(state.path("ratings").get(0).path("rating").asText()).isEqualTo("SATISFIED");

        JsonNode history = api.get("office", p + "/history").json();
        List<String> types = new ArrayList<>();
        history.path("entries").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("ProposalSubmitted", "ProposalRegistered", "ProposalDesignatedKey",
                "ProposalAssigned", "HandlingTermsSet", "CoUnitOpinionGiven", "ConsultationHeld", "ProposalReplied", "ProposalRated",
                "ProposalClosed");
        JsonNode reply = history.path("entries").get(7);
        assertThat(reply.path("sequence").asLong()).isEqualTo(7);
        assertThat(reply.path("actor").path("user").asText()).isEqualTo("unit-commerce");
        assertThat(reply.path("actor").path("role").asText()).isEqualTo("UNIT");
        assertThat(reply.path("correlationId").asText()).isEqualTo("trace-reply-1");
        assertThat(reply.path("occurredAt").asText()).isNotBlank();
        assertThat(reply.path("payload").path("signedBy").asText()).isEqualTo("王局长");
    }

    @Test
    void an_unsatisfied_rating_sends_the_proposal_back_for_a_second_reply() {
        String id = replied();
        String p = "/api/v1/proposals/" + id;
        expect(api.post("deputy-zhu", p + "/ratings", Map.of("rating", "UNSATISFIED", "comment", "物流仍未覆盖山区。")), 202);
        awaitProposal(id, s -> "REHANDLING".equals(s.path("status").asText()));

        expect(api.post("unit-commerce", p + "/replies",
                Map.of("classification", "B", "text", "山区网点正在建设。", "signedBy", "王局长")), 202);
        expect(api.post("deputy-zhu", p + "/ratings", Map.of("rating", "BASICALLY_SATISFIED", "comment", "基本满意")), 202);

        JsonNode state = awaitProposal(id, s -> s.path("ratings").size() == 2);
        assertThat(state.path("status").asText()).isEqualTo("REPLIED");
        assertThat(state.path("replies")).hasSize(2);
        assertThat(state.path("replies").get(1).path("round").asInt()).isEqualTo(2);
        assertThat(state.path("ratings").get(1).path("rating").asText()).isEqualTo("BASICALLY_SATISFIED");
        List<String> types = new ArrayList<>();
        api.get("office", p + "/history").json().path("entries").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsSubsequence("ProposalRated", "RehandlingOrdered", "ProposalReplied", "ProposalRated");
    }

    @Nested
    class RejectedRequestsStoreNothing {

        void rejected(int status, String rule, Api.Response r, long eventsBefore) {
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("status").asInt()).isEqualTo(status);
            if (rule != null) {
                assertThat(r.json().path("rule").asText()).isEqualTo(rule);
            }
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
            assertThat(storedEvents()).isEqualTo(eventsBefore);
        }

        Map<String, Object> with(String key, Object value) {
            Map<String, Object> body = new java.util.HashMap<>(submission());
            body.put(key, value);
            return body;
        }

        @Test
        void blank_title_is_400_with_the_field() {
            long before = storedEvents();
            Api.Response r = api.post("deputy-zhu", "/api/v1/proposals", with("title", "  "));
            rejected(400, null, r, before);
            assertThat(r.body()).contains("title");
        }

        @Test
        void empty_proposers_is_400_with_the_field() {
            long before = storedEvents();
            Api.Response r = api.post("office", "/api/v1/proposals", with("proposerIds", List.of()));
            rejected(400, null, r, before);
            assertThat(r.body()).contains("proposerIds");
        }

        @Test
        void unknown_enum_value_is_400_naming_the_field() {
            long before = storedEvents();
            Api.Response r = api.post("deputy-zhu", "/api/v1/proposals", with("category", "SPORTS"));
            rejected(400, null, r, before);
            assertThat(r.body()).contains("category");
        }

        @Test
        void broken_json_is_400() {
            long before = storedEvents();
            rejected(400, null, api.post("deputy-zhu", "/api/v1/proposals", "{\"title\": \"关于"), before);
        }

        @Test
        void oversized_text_is_400() {
            long before = storedEvents();
            Api.Response r = api.post("deputy-zhu", "/api/v1/proposals", with("title", "长".repeat(5000)));
            rejected(400, null, r, before);
            assertThat(r.body()).contains("title");
        }

        @Test
        void unknown_session_is_rejected() {
            long before = storedEvents();
            Api.Response r = api.post("deputy-zhu", "/api/v1/proposals", with("sessionId", "no-such-session"));
            assertThat(r.status()).isBetween(400, 499);
            rejected(r.status(), null, r, before);
        }

        @Test
        void no_credentials_is_401() {
            long before = storedEvents();
            rejected(401, null, api.post(null, "/api/v1/proposals", submission()), before);
            rejected(401, null, api.get(null, "/api/v1/proposals"), before);
        }

        @Test
        void a_unit_replying_to_another_units_proposal_is_403() {
            String id = assigned();
            long before = storedEvents();
            rejected(403, null, api.post("unit-education", "/api/v1/proposals/" + id + "/replies",
                    Map.of("classification", "A", "text", "越权答复", "signedBy", "张局长")), before);
        }

        @Test
        void a_reader_cannot_submit() {
            long before = storedEvents();
            rejected(403, null, api.post("reader", "/api/v1/proposals", submission()), before);
        }

        @Test
        void unknown_proposal_is_404() {
            long before = storedEvents();
            rejected(404, null, api.get("office", "/api/v1/proposals/0190a1b2-0000-7000-8000-000000000000"), before);
            rejected(404, null, api.post("office", "/api/v1/proposals/0190a1b2-0000-7000-8000-000000000000/registration",
                    Map.of("number", "1")), before);
            rejected(404, null, api.get("office", "/api/v1/proposals/0190a1b2-0000-7000-8000-000000000000/history"),
                    before);
        }

        @Test
        void rating_before_a_reply_is_409_naming_the_rule() {
            String id = assigned();
            long before = storedEvents();
            Api.Response r = api.post("deputy-zhu", "/api/v1/proposals/" + id + "/ratings",
                    Map.of("rating", "SATISFIED", "comment", "好"));
            rejected(409, "rating-requires-reply", r, before);
        }

        @Test
        void replying_twice_is_409_naming_the_rule() {
            String id = replied();
            long before = storedEvents();
            Api.Response r = api.post("unit-commerce", "/api/v1/proposals/" + id + "/replies",
                    Map.of("classification", "A", "text", "再次答复", "signedBy", "王局长"));
            rejected(409, "already-replied", r, before);
        }

        @Test
        void bad_list_parameters_are_400_not_500() {
            long before = storedEvents();
            rejected(400, null, api.get("office", "/api/v1/proposals?limit=0"), before);
            rejected(400, null, api.get("office", "/api/v1/proposals?limit=abc"), before);
            rejected(400, null, api.get("office", "/api/v1/proposals?status=NOPE"), before);
            rejected(400, null, api.get("office", "/api/v1/proposals?cursor=not-a-cursor!"), before);
        }
    }
}
