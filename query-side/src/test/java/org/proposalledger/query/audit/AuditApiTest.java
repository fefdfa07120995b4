package org.proposalledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proposalledger.api.proposal.ProposalRated;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.QuerySideApplication;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;
import org.proposalledger.query.support.EventLog;
import org.proposalledger.query.support.ProjectionProgress;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.extended;
import static org.proposalledger.query.support.Events.rated;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.rehandling;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Point-in-time state, history spans and chain verification over the real embedded stores. */
@SpringBootTest(classes = QuerySideApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {

    static final Path DIR = TestDataDir.create(AuditApiTest.class);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionManager transactions;

    private final ObjectMapper json = new ObjectMapper();
    private final Actor office = Actor.office("office");
    private final Actor commerce = Actor.unit("unit-commerce", "commerce");
    private final Actor zhu = Actor.deputy("deputy-zhu", "zhu-heping");
    private List<DomainEventMessage<?>> life;

    @BeforeAll
    void publish() {
        EventLog log = new EventLog(eventStore);
        life = new ArrayList<>();
        life.addAll(log.proposal(zhu, "c-1", submitted("audit-1")));
        life.addAll(log.proposal(office, "c-2", registered("audit-1", "第0001号"), assigned("audit-1", "commerce")));
        life.addAll(log.proposal(commerce, "c-3", consulted("audit-1", "commerce")));
        life.addAll(log.proposal(office, "c-4", extended("audit-1", Events.DUE_ON, Events.DUE_ON.plusMonths(1))));
        life.addAll(log.proposal(commerce, "c-5", replied("audit-1", "commerce", 1)));
        life.addAll(log.proposal(zhu, "c-6", rated("audit-1", "zhu-heping", Rating.UNSATISFIED, 1)));
        life.addAll(log.proposal(office, "c-7", rehandling("audit-1", "commerce", Events.DUE_ON.plusMonths(2), 2)));
        log.proposal(zhu, "c-8", submitted("audit-2"));
        log.proposal(zhu, "c-9", submitted("audit-3"), registered("audit-3", "第0003号"), assigned("audit-3", "education"));
        new ProjectionProgress(processing, eventStore, tokenStore).awaitCaughtUp();
    }

    private MvcResult call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, user))).andReturn();
    }

    private JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The hand-made fold: the fold applied to the events this test published, up to {@code last}. */
    private ProposalView handFold(int last) {
        ProposalFold fold = new ProposalFold();
        ProposalView view = null;
        for (DomainEventMessage<?> e : life.subList(0, last + 1)) {
            Instant storedAt = Instant.ofEpochMilli(e.getTimestamp().toEpochMilli()); // the store keeps milliseconds
            view = fold.apply(view, e.getPayload(), EventMeta.of(e.getSequenceNumber(), storedAt, e.getMetaData()));
        }
        return view;
    }

    private ProposalView view(MvcResult r) throws Exception {
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        ObjectMapper web = new ObjectMapper().findAndRegisterModules();
        return web.readValue(r.getResponse().getContentAsString(StandardCharsets.UTF_8), ProposalView.class);
    }

    @Test
    void the_state_at_each_event_and_at_instants_between_them_equals_a_hand_made_fold() throws Exception {
        for (int i = 0; i < life.size(); i++) {
            DomainEventMessage<?> e = life.get(i);
            assertThat(view(call(get("/api/v1/proposals/audit-1/state").param("sequence", "" + i), "office")))
                    .isEqualTo(handFold(i));
            Instant between = e.getTimestamp().plusMillis(500); // the next event is a second later
            assertThat(view(call(get("/api/v1/proposals/audit-1/state").param("asOf", between.toString()), "office")))
                    .isEqualTo(handFold(i));
        }
        ProposalView then = view(call(get("/api/v1/proposals/audit-1/state").param("sequence", "2"), "office"));
        assertThat(then.status()).isEqualTo("ASSIGNED");
        assertThat(then.consultations()).isEmpty();
    }

    @Test
    void before_the_first_event_and_for_unknown_or_hidden_proposals_the_answer_is_not_found() throws Exception {
        String before = life.get(0).getTimestamp().minusSeconds(1).toString();
        assertThat(call(get("/api/v1/proposals/audit-1/state").param("asOf", before), "office").getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(call(get("/api/v1/proposals/nobody/state").param("sequence", "0"), "office").getResponse()
                .getStatus()).isEqualTo(404);
        // a unit sees the proposals it handles (also as they were before it was assigned); not others
        assertThat(call(get("/api/v1/proposals/audit-1/state").param("sequence", "0"), "unit-commerce")
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(call(get("/api/v1/proposals/audit-3/state").param("sequence", "0"), "unit-commerce")
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(call(get("/api/v1/proposals/audit-3/verification"), "unit-commerce").getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(call(get("/api/v1/proposals/audit-2/state").param("sequence", "0"), "deputy-zhu")
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(call(get("/api/v1/proposals/audit-2/state").param("sequence", "0"), "unit-commerce")
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void a_bad_instant_or_sequence_is_a_bad_request_naming_the_field() throws Exception {
        MvcResult bad = call(get("/api/v1/proposals/audit-1/state").param("asOf", "yesterday"), "office");
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(bad).at("/errors/0/field").asText()).isEqualTo("asOf");
        assertThat(call(get("/api/v1/proposals/audit-1/state").param("sequence", "-1"), "office")
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(call(get("/api/v1/proposals/audit-1/state").param("sequence", "x"), "office")
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(call(get("/api/v1/proposals/audit-1/state"), "office").getResponse().getStatus()).isEqualTo(400);
        assertThat(call(get("/api/v1/proposals/audit-1/state").param("sequence", "1").param("asOf", "2022-03-01"),
                "office").getResponse().getStatus()).isEqualTo(400);
        assertThat(call(get("/api/v1/proposals/audit-1/history").param("from", "03/01/2022"), "office")
                .getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void history_is_filtered_to_a_span_and_each_entry_says_what_changed_and_who() throws Exception {
        String from = life.get(2).getTimestamp().toString();
        String to = life.get(4).getTimestamp().toString();
        JsonNode h = body(call(get("/api/v1/proposals/audit-1/history").param("from", from).param("to", to), "office"));
        assertThat(h.get("entries")).hasSize(3);
        assertThat(h.at("/entries/0/sequence").asLong()).isEqualTo(2);
        assertThat(h.at("/entries/0/type").asText()).isEqualTo("ProposalAssigned");
        assertThat(h.at("/entries/0/payload/leadUnitId").asText()).isEqualTo("commerce");
        assertThat(h.at("/entries/0/actor/user").asText()).isEqualTo("office");
        assertThat(h.at("/entries/1/actor/unitId").asText()).isEqualTo("commerce");
        assertThat(body(call(get("/api/v1/proposals/audit-1/history"), "office")).get("entries")).hasSize(life.size());
        assertThat(call(get("/api/v1/proposals/audit-3/history").param("from", from), "unit-commerce")
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void verification_finds_an_altered_payload_and_a_deleted_latest_event() throws Exception {
        EventLog log = new EventLog(eventStore);
        String id = "audit-v-" + UUID.randomUUID().toString().substring(0, 8);
        log.proposal(zhu, "c", submitted(id), registered(id, "第9号"), assigned(id, "commerce"));
        new ProjectionProgress(processing, eventStore, tokenStore).awaitCaughtUp();
        JsonNode ok = body(call(get("/api/v1/proposals/" + id + "/verification"), "office"));
        assertThat(ok.get("status").asText()).isEqualTo("INTACT");
        assertThat(ok.get("chained").asLong()).isEqualTo(3);

        jdbc.update("DELETE FROM domainevententry WHERE aggregateIdentifier = ? AND sequenceNumber = 2", id);
        JsonNode shortened = body(call(get("/api/v1/proposals/" + id + "/verification"), "office"));
        assertThat(shortened.get("status").asText()).isEqualTo("BROKEN");
        assertThat(shortened.get("problem").asText()).isEqualTo("event-missing");
        assertThat(shortened.get("brokenAtSequence").asLong()).isEqualTo(2);

        byte[] payload = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1", byte[].class, id);
        jdbc.update("UPDATE domainevententry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                new String(payload, StandardCharsets.UTF_8).replace("第9号", "第8号").getBytes(StandardCharsets.UTF_8), id);
        JsonNode altered = body(call(get("/api/v1/proposals/" + id + "/verification"), "office"));
        assertThat(altered.get("problem").asText()).isEqualTo("payload-altered");
        assertThat(altered.get("brokenAtSequence").asLong()).isEqualTo(1);

        MvcResult all = call(post("/api/v1/admin/verification"), "office");
        assertThat(all.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(all).get("broken").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(body(all).get("firstBroken").findValuesAsText("aggregateId")).contains(id);
        assertThat(call(post("/api/v1/admin/verification"), "reader").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void a_rating_stored_in_its_old_shape_loads_replays_and_is_served_in_the_new_shape() throws Exception {
        EventLog log = new EventLog(eventStore);
        String id = "audit-old-" + UUID.randomUUID().toString().substring(0, 8);
        log.proposal(zhu, "c", submitted(id), registered(id, "第7号"), assigned(id, "commerce"),
                replied(id, "commerce", 1));
        // as revision 1 was written, before `satisfactory` existed
        String oldShape = "{\"proposalId\":\"" + id + "\",\"deputyId\":\"zhu-heping\",\"rating\":\"BASICALLY_SATISFIED\","
                + "\"comment\":\"基本满意\",\"round\":1}";
        jdbc.update("INSERT INTO domainevententry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)",
                UUID.randomUUID().toString(), id, 4L, "Proposal", "2022-06-01T02:00:00.000Z",
                ProposalRated.class.getName(), "1", oldShape.getBytes(StandardCharsets.UTF_8),
                "{\"user\":\"deputy-zhu\",\"role\":\"DEPUTY\",\"deputyId\":\"zhu-heping\"}".getBytes(StandardCharsets.UTF_8));

        // loads
        DomainEventMessage<?> loaded = eventStore.readEvents(id).asStream().toList().get(4);
        assertThat(loaded.getPayload()).isEqualTo(new ProposalRated(org.proposalledger.api.proposal.ProposalId.of(id),
                org.proposalledger.api.reference.DeputyId.of("zhu-heping"), Rating.BASICALLY_SATISFIED, "基本满意", 1, true));
        // replays into the read models: history shows the new field
        ProjectionProgress progress = new ProjectionProgress(processing, eventStore, tokenStore);
        progress.replay();
        progress.awaitCaughtUp();
        JsonNode h = body(call(get("/api/v1/proposals/" + id + "/history"), "office"));
        assertThat(h.at("/entries/4/type").asText()).isEqualTo("ProposalRated");
        assertThat(h.at("/entries/4/payload/satisfactory").asBoolean()).isTrue();
        assertThat(body(call(get("/api/v1/proposals/" + id), "office")).at("/ratings/0/rating").asText())
                .isEqualTo("BASICALLY_SATISFIED");
        // and the feed
        JsonNode feed = body(call(get("/api/v1/events").param("type", "ProposalRated").param("limit", "1000"), "reader"));
        JsonNode ours = null;
        for (JsonNode e : feed.get("events")) {
            if (e.get("aggregateId").asText().equals(id)) {
                ours = e;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.at("/payload/satisfactory").asBoolean()).isTrue();
        // an old-shape event is unchained (stored before the chain), but the chain before it still holds
        JsonNode v = body(call(get("/api/v1/proposals/" + id + "/verification"), "office"));
        assertThat(v.get("status").asText()).isEqualTo("BROKEN");
        assertThat(v.get("problem").asText()).isEqualTo("hash-missing");
    }

    static final class Events {
        static final java.time.LocalDate DUE_ON = org.proposalledger.query.support.Events.DUE_ON;
    }
}
