package org.proposalledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.HandlingTermsSet;
import org.proposalledger.api.proposal.ProposalAssigned;
import org.proposalledger.api.proposal.ProposalRegistered;
import org.proposalledger.api.proposal.ProposalReplied;
import org.proposalledger.api.proposal.ProposalSubmitted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The command API end to end against the embedded H2 event store: HTTP Basic users, the
 * aggregates' decisions as status codes, and every refused request leaving the store untouched.
 */
@SpringBootTest(classes = CommandSideApplication.class)
@AutoConfigureMockMvc
class CommandApiIntegrationTest {

    private static final Path DATA_DIR = Path.of("target", "test-data", "command-api-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventSchema schema;
    @Autowired
    EventStore eventStore;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void referenceData() throws Exception {
        // PUT is idempotent, so seeding before every test adds events only the first time
        putAsOffice("/api/v1/sessions/lvliang-5-2", """
                {"name": "吕梁市五届人大二次会议", "opensOn": "2022-01-10"}""");
        putAsOffice("/api/v1/units/commerce", """
                {"name": "市商务局", "kind": "DEPARTMENT"}""");
        putAsOffice("/api/v1/units/education", """
                {"name": "市教育局", "kind": "DEPARTMENT"}""");
        putAsOffice("/api/v1/deputies/zhu-heping", """
                {"name": "朱和平", "delegation": "离石区代表团"}""");
        putAsOffice("/api/v1/deputies/gao-yonghong", """
                {"name": "高永红", "delegation": "孝义市代表团"}""");
    }

    // ---- the happy path ---------------------------------------------------------------------------

    @Test
    void a_proposal_goes_from_submission_to_reply() throws Exception {
        MvcResult submitted = mvc.perform(as("deputy-zhu", post("/api/v1/proposals")).content(submission()))
                .andExpect(status().isCreated())
                .andReturn();
        String id = json.readTree(submitted.getResponse().getContentAsString()).get("id").asText();
        assertThat(submitted.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/proposals/" + id);
        assertThat(UUID.fromString(id).version()).isEqualTo(7);

        mvc.perform(as("office", post(path(id, "registration"))).content("""
                        {"number": "第001号"}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(as("office", post(path(id, "assignment"))).content("""
                        {"leadUnitId": "commerce", "coUnitIds": ["education"]}"""))
                .andExpect(status().isAccepted());
        mvc.perform(as("unit-commerce", post(path(id, "replies"))).content(reply()))
                .andExpect(status().isAccepted());

        assertThat(payloadTypes(id)).containsExactly(ProposalSubmitted.class, ProposalRegistered.class,
                ProposalAssigned.class, HandlingTermsSet.class, ProposalReplied.class);
    }

    @Test
    void stored_events_record_who_acted_and_the_callers_correlation_id() throws Exception {
        MvcResult result = mvc.perform(as("deputy-zhu", post("/api/v1/proposals"))
                        .header("X-Correlation-Id", "it-corr-4711")
                        .content(submission()))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Correlation-Id", "it-corr-4711"))
                .andReturn();
        String id = json.readTree(result.getResponse().getContentAsString()).get("id").asText();

        DomainEventMessage<?> event = events(id).get(0);
        assertThat(event.getMetaData())
                .containsEntry("user", "deputy-zhu")
                .containsEntry("role", "DEPUTY")
                .containsEntry("deputyId", "zhu-heping")
                .containsEntry("correlationId", "it-corr-4711");
    }

    @Test
    void recording_reference_data_again_stores_nothing_new() throws Exception {
        String unit = "/api/v1/units/housing-" + UUID.randomUUID().toString().substring(0, 8);
        long before = eventCount();

        mvc.perform(as("office", put(unit)).content("""
                        {"name": "市住建局", "kind": "DEPARTMENT"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(unit.substring(unit.lastIndexOf('/') + 1)));
        mvc.perform(as("office", put(unit)).content("""
                        {"name": "市住建局", "kind": "DEPARTMENT"}"""))
                .andExpect(status().isOk());
        assertThat(eventCount()).isEqualTo(before + 1);

        mvc.perform(as("office", put(unit)).content("""
                        {"name": "市住房和城乡建设局", "kind": "DEPARTMENT"}"""))
                .andExpect(status().isOk());
        assertThat(eventCount()).isEqualTo(before + 2);
    }

    @Test
    void closing_takes_an_empty_or_missing_body() throws Exception {
        String id = submitAs("deputy-zhu");
        // no rating and no decision: refused by the rule, not by the body's absence
        refused(as("office", post(path(id, "closure"))), 409, "decision-required");
        refused(as("office", post(path(id, "closure"))).content("{}"), 409, "decision-required");
        mvc.perform(as("office", post(path(id, "closure"))).content("""
                        {"decision": "经主任会议研究，予以办结"}"""))
                .andExpect(status().isAccepted());
    }

    // ---- 400 ----------------------------------------------------------------------------------------

    @Test
    void blank_title_is_a_bad_request_naming_the_field() throws Exception {
        refused(as("deputy-zhu", post("/api/v1/proposals"))
                .content(submission().replace("关于加快老旧小区改造的建议", "  ")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void empty_proposer_list_is_a_bad_request() throws Exception {
        refused(as("deputy-zhu", post("/api/v1/proposals"))
                .content(submission().replace("[\"zhu-heping\", \"gao-yonghong\"]", "[]")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("proposerIds"));
    }

    @Test
    void unknown_enum_value_is_a_bad_request() throws Exception {
        refused(as("deputy-zhu", post("/api/v1/proposals"))
                .content(submission().replace("URBAN_CONSTRUCTION", "TOURISM")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("category"));
    }

    @Test
    void broken_json_is_a_bad_request() throws Exception {
        refused(as("deputy-zhu", post("/api/v1/proposals")).content("this is not json"), 400, "malformed-json");
    }

    @Test
    void oversized_text_is_a_bad_request() throws Exception {
        String id = assignedProposal();
        refused(as("unit-commerce", post(path(id, "replies"))).content("""
                {"classification": "A", "text": "%s", "signedBy": "李局长"}""".formatted("答".repeat(20_001))),
                400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("text"));
    }

    @Test
    void malformed_path_id_is_a_bad_request() throws Exception {
        refused(as("office", post("/api/v1/proposals/unit:commerce/registration")).content("""
                {"number": "第001号"}"""), 400, "invalid-id");
    }

    @Test
    void unknown_session_is_a_bad_request() throws Exception {
        refused(as("deputy-zhu", post("/api/v1/proposals"))
                .content(submission().replace("lvliang-5-2", "no-such-session")), 400, "unknown-session");
    }

    // ---- 401 / 403 / 404 / 409 -----------------------------------------------------------------

    @Test
    void requests_without_credentials_are_unauthorized() throws Exception {
        refused(post("/api/v1/proposals").contentType(MediaType.APPLICATION_JSON).content(submission()),
                401, "unauthenticated");
    }

    @Test
    void requests_with_a_wrong_password_are_unauthorized() throws Exception {
        refused(post("/api/v1/proposals").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, basic("office", "wrong")).content(submission()), 401, "unauthenticated");
    }

    @Test
    void another_unit_cannot_reply_to_this_units_proposal() throws Exception {
        String id = assignedProposal();
        refused(as("unit-education", post(path(id, "replies"))).content(reply()), 403, "lead-unit-only");
    }

    @Test
    void a_reader_cannot_submit() throws Exception {
        refused(as("reader", post("/api/v1/proposals")).content(submission()), 403, "deputy-or-office-only");
    }

    @Test
    void unknown_proposal_is_not_found() throws Exception {
        refused(as("office", post(path(UUID.randomUUID().toString(), "registration"))).content("""
                {"number": "第001号"}"""), 404, "not-found");
    }

    @Test
    void rating_before_a_reply_is_a_conflict() throws Exception {
        String id = assignedProposal();
        refused(as("deputy-zhu", post(path(id, "ratings"))).content("""
                {"rating": "SATISFIED"}"""), 409, "rating-requires-reply");
    }

    @Test
    void replying_twice_is_a_conflict() throws Exception {
        String id = assignedProposal();
        mvc.perform(as("unit-commerce", post(path(id, "replies"))).content(reply()))
                .andExpect(status().isAccepted());
        refused(as("unit-commerce", post(path(id, "replies"))).content(reply()), 409, "already-replied");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Sends the request, expects the refusal, and checks that the event store did not change. */
    private ResultActions refused(MockHttpServletRequestBuilder request, int status, String rule) throws Exception {
        long before = eventCount();
        var result = mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.rule").value(rule));
        assertThat(eventCount()).as("events stored by a refused request").isEqualTo(before);
        return result;
    }

    private long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + schema.domainEventTable(), Long.class);
        return count == null ? 0 : count;
    }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    private List<Class<?>> payloadTypes(String aggregateId) {
        return events(aggregateId).stream().<Class<?>>map(DomainEventMessage::getPayloadType).toList();
    }

    private String submitAs(String user) throws Exception {
        MvcResult result = mvc.perform(as(user, post("/api/v1/proposals")).content(submission()))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode body = json.readTree(result.getResponse().getContentAsString());
        return body.get("id").asText();
    }

    private String assignedProposal() throws Exception {
        String id = submitAs("deputy-zhu");
        mvc.perform(as("office", post(path(id, "registration"))).content("""
                        {"number": "第002号"}"""))
                .andExpect(status().isAccepted());
        mvc.perform(as("office", post(path(id, "assignment"))).content("""
                        {"leadUnitId": "commerce", "coUnitIds": ["education"]}"""))
                .andExpect(status().isAccepted());
        return id;
    }

    @Test
    void session_deadline_rules_are_set_by_the_office_only_and_validated() throws Exception {
        mvc.perform(as("office", put("/api/v1/sessions/lvliang-5-2/deadline-rules"))
                        .content("{\"replyMonths\": 2, \"reminderWorkingDays\": 3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replyMonths").value(2))
                .andExpect(jsonPath("$.extensionLimitMonths").value(6))
                .andExpect(jsonPath("$.returnWorkingDays").value(7));
        mvc.perform(as("unit-commerce", put("/api/v1/sessions/lvliang-5-2/deadline-rules")).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("office-only"));
        mvc.perform(as("office", put("/api/v1/sessions/lvliang-5-2/deadline-rules"))
                        .content("{\"returnWorkingDays\": -1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value("invalid-deadline-rules"));
        mvc.perform(as("office", put("/api/v1/sessions/no-such-session/deadline-rules")).content("{}"))
                .andExpect(status().isNotFound());
        // the calendar reload is the office's too
        mvc.perform(as("unit-commerce", post("/api/v1/calendar/reload")))
                .andExpect(status().isForbidden());
        mvc.perform(as("office", post("/api/v1/calendar/reload")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].year").value(2026));
        // back to the defaults, so the other tests' assignments keep their three months
        mvc.perform(as("office", put("/api/v1/sessions/lvliang-5-2/deadline-rules")).content("{}"))
                .andExpect(status().isOk());
    }

    private void putAsOffice(String uri, String body) throws Exception {
        mvc.perform(as("office", put(uri)).content(body)).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, basic(user, user)).contentType(MediaType.APPLICATION_JSON);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String path(String id, String step) {
        return "/api/v1/proposals/" + id + "/" + step;
    }

    private static String submission() {
        return """
                {
                  "sessionId": "lvliang-5-2",
                  "title": "关于加快老旧小区改造的建议",
                  "proposerIds": ["zhu-heping", "gao-yonghong"],
                  "andOthers": true,
                  "category": "URBAN_CONSTRUCTION",
                  "background": "老旧小区设施老化，群众反映强烈。",
                  "suggestions": ["加大财政投入", "完善长效管理机制"]
                }""";
    }

    private static String reply() {
        return """
                {"classification": "C", "text": "已将老旧小区改造列入2024年计划。", "signedBy": "李局长"}""";
    }
}
