package org.proposalledger.query.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.QuerySideApplication;
import org.proposalledger.query.dashboard.CounterStore;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.rebuild.ProjectionProgress;
import org.proposalledger.query.rebuild.ReadModelRebuild;
import org.proposalledger.query.reference.ReferenceDataProjection;
import org.proposalledger.query.supervision.SupervisionProjection;
import org.proposalledger.query.supervision.SupervisionStore;
import org.proposalledger.query.support.EventLog;
import org.proposalledger.query.support.InjectedFault;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.rated;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The read-model processors' dead-letter queues against the real event store and the real
 * embedded MongoDB, with a real handler failure switched on for one proposal ({@link InjectedFault}):
 * that proposal's events are parked in order while every other proposal keeps projecting; after the
 * fix a retry drains the queue, and the read models are then equal, document by document, to a
 * clean rebuild — the failed handler's half-made changes were taken back and nothing was counted
 * twice.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "ledger.query.dead-letters.sweep-interval=200ms",
        "management.endpoint.health.group.readiness.show-components=always",
        "management.endpoint.health.group.readiness.show-details=always"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    static final Path DIR = TestDataDir.create(DeadLetterTest.class);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    InjectedFault fault;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    ProposalStore proposals;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvc mvc;
    @Autowired
    EventProcessingConfiguration processing;

    private EventLog log;
    private final Actor office = Actor.office("office");

    @BeforeEach
    void setUp() {
        log = new EventLog(eventStore);
    }

    @AfterEach
    void fixed() {
        fault.fixed();
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, user)));
    }

    private ProposalView awaitVersion(String id, long version) {
        await().atMost(WAIT).until(() -> {
            ProposalView v = proposals.find(id);
            return v != null && v.version() >= version;
        });
        return proposals.find(id);
    }

    /** Until both processors have applied the proposal up to {@code version}. */
    private void awaitBoth(String id, long version) {
        awaitVersion(id, version);
        await().atMost(WAIT).until(() -> supervisionView(id) != null
                && ((Number) supervisionView(id).get("version")).longValue() >= version);
    }

    private Document supervisionView(String id) {
        return mongo.getCollection("supervision_proposals").find(new Document("_id", id)).first();
    }

    private List<DeadLetters.Letter> letters(String processor, String proposalId) {
        return deadLetters.list(processor, proposalId);
    }

    @Test
    @Order(1)
    void aPoisonEventParksOnlyItsProposalAndARetryAfterTheFixCountsNothingTwice() throws Exception {
        List<String> ids = List.of("dl-a", "dl-b", "dl-c", "dl-d");
        for (String id : ids) {
            log.proposal(office, "c-" + id, submitted(id), registered(id, id), assigned(id, "commerce"));
        }
        ids.forEach(id -> awaitBoth(id, 2));

        fault.failFor("dl-b");
        for (String id : ids) {
            log.proposal(office, "c2-" + id, consulted(id, "commerce"), replied(id, "commerce", 1),
                    rated(id, "zhu-heping", Rating.SATISFIED, 1));
        }

        // every other proposal goes on, in both processors...
        for (String id : List.of("dl-a", "dl-c", "dl-d")) {
            assertThat(awaitVersion(id, 5).ratings()).hasSize(1);
            await().atMost(WAIT).until(() -> supervisionView(id) != null
                    && ((Number) supervisionView(id).get("version")).longValue() == 5);
        }
        // ...while dl-b's three events wait in each processor's queue, in order, the first with its cause
        await().atMost(WAIT).until(() -> letters(null, "dl-b").size() == 6);
        for (String processor : List.of(Projections.GROUP, SupervisionProjection.GROUP)) {
            List<DeadLetters.Letter> parked = letters(processor, "dl-b");
            assertThat(parked).extracting(DeadLetters.Letter::eventType)
                    .containsExactly("ConsultationHeld", "ProposalReplied", "ProposalRated");
            assertThat(parked).extracting(DeadLetters.Letter::eventSequence).containsExactly(3L, 4L, 5L);
            assertThat(parked.get(0).error().type()).isEqualTo(IllegalStateException.class.getName());
            assertThat(parked.get(0).error().message()).isEqualTo(InjectedFault.MESSAGE + " in " + processor);
            assertThat(parked.get(0).attempts()).isEqualTo(1);
            assertThat(parked.subList(1, 3)).allSatisfy(l -> assertThat(l.error()).isNull());
            assertThat(parked).allSatisfy(l -> assertThat(l.proposalId()).isEqualTo("dl-b"));
        }
        assertThat(proposals.find("dl-b").version()).isEqualTo(2);
        assertThat(((Number) supervisionView("dl-b").get("version")).longValue()).isEqualTo(2);
        // the processors are not stopped: a new proposal still projects
        log.proposal(office, "c-dl-e0", submitted("dl-e0"));
        awaitVersion("dl-e0", 0);

        // the office and supervisors see them; a unit does not, and may not retry
        as("office", get("/api/v1/admin/dead-letters")).andExpect(status().isOk())
                .andExpect(jsonPath("$.counts['proposal-views']").value(3))
                .andExpect(jsonPath("$.counts['supervision-views']").value(3))
                .andExpect(jsonPath("$.letters.length()").value(6))
                .andExpect(jsonPath("$.letters[0].processor").value("proposal-views"))
                .andExpect(jsonPath("$.letters[0].proposalId").value("dl-b"))
                .andExpect(jsonPath("$.letters[0].eventType").value("ConsultationHeld"))
                .andExpect(jsonPath("$.letters[0].eventId").isNotEmpty())
                .andExpect(jsonPath("$.letters[0].error.message").value(containsString(InjectedFault.MESSAGE)))
                .andExpect(jsonPath("$.letters[0].enqueuedAt").isNotEmpty())
                .andExpect(jsonPath("$.letters[0].attempts").value(1))
                .andExpect(jsonPath("$.letters[1].error").value(nullValue()));
        as("reader", get("/api/v1/admin/dead-letters?processor=supervision-views&proposalId=dl-b"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.letters.length()").value(3));
        as("unit-commerce", get("/api/v1/admin/dead-letters")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.rule").value("supervisors-only"));
        as("reader", post("/api/v1/admin/dead-letters/retry")).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.rule").value("office-only"));
        as("office", get("/api/v1/admin/dead-letters?processor=nope")).andExpect(status().isNotFound());

        // counted in the readiness details and the gauge, and ready all the same
        await().atMost(WAIT).untilAsserted(() -> {
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"))
                    .andExpect(jsonPath("$.components.deadLetters.details.total").value(6))
                    .andExpect(jsonPath("$.components.deadLetters.details.processors['proposal-views']").value(3));
            assertThat(meters.get("ledger.dead.letters").tag("processor", "supervision-views").gauge().value())
                    .isEqualTo(3.0);
        });

        // a letter that failed itself is not retried by the sweep
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> letters(null, "dl-b").size() == 6);

        // a retry before the fix fails again: the letters stay, the attempt is counted
        as("office", post("/api/v1/admin/dead-letters/proposal-views/dl-b/retry")).andExpect(status().isOk())
                .andExpect(jsonPath("$.processors[0].proposalsStillFailing").value(1))
                .andExpect(jsonPath("$.remaining.length()").value(3))
                .andExpect(jsonPath("$.remaining[0].attempts").value(2));
        assertThat(proposals.find("dl-b").version()).isEqualTo(2);

        fault.fixed();
        as("office", post("/api/v1/admin/dead-letters/proposal-views/dl-b/retry")).andExpect(status().isOk())
                .andExpect(jsonPath("$.processors[0].proposalsDrained").value(1))
                .andExpect(jsonPath("$.remaining.length()").value(0));
        as("office", post("/api/v1/admin/dead-letters/retry")).andExpect(status().isOk())
                .andExpect(jsonPath("$.remaining.length()").value(0));

        assertThat(awaitVersion("dl-b", 5).ratings()).hasSize(1);
        assertThat(((Number) supervisionView("dl-b").get("version")).longValue()).isEqualTo(5);
        assertThat(letters(null, null)).isEmpty();

        // every read model as a clean rebuild makes it
        awaitCaughtUp();
        Map<String, List<Document>> retried = snapshot();
        rebuild.start("test");
        await().atMost(WAIT).until(() -> !progress.rebuilding());
        awaitCaughtUp();
        assertThat(snapshot()).isEqualTo(retried);
        assertThat(retried.get(CounterStore.COUNTERS)).isNotEmpty();
    }

    @Test
    @Order(2)
    void anEvictedLetterIsDroppedAndTheLettersBehindItAreRetriedBySweep() throws Exception {
        String id = "dl-evict";
        log.proposal(office, "c-" + id, submitted(id), registered(id, id));
        awaitBoth(id, 1);
        fault.failFor(id);
        log.proposal(office, "c2-" + id, assigned(id, "commerce"));
        await().atMost(WAIT).until(() -> letters(Projections.GROUP, id).size() == 1);
        log.proposal(office, "c3-" + id, consulted(id, "commerce"));
        await().atMost(WAIT).until(() -> letters(Projections.GROUP, id).size() == 2);
        fault.fixed();
        DeadLetters.Letter poison = letters(Projections.GROUP, id).get(0);

        as("unit-commerce", post("/api/v1/admin/dead-letters/proposal-views/" + id + "/" + poison.eventId()
                + "/eviction")).andExpect(status().isForbidden());
        as("office", post("/api/v1/admin/dead-letters/proposal-views/" + id + "/no-such-event/eviction"))
                .andExpect(status().isNotFound());
        as("office", post("/api/v1/admin/dead-letters/proposal-views/" + id + "/" + poison.eventId() + "/eviction"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.eventType").value("ProposalAssigned"));

        // the consultation behind it did not fail itself: the sweep applies it
        await().atMost(WAIT).until(() -> letters(Projections.GROUP, id).isEmpty());
        ProposalView v = awaitVersion(id, 3);
        assertThat(v.leadUnitId()).isNull(); // the evicted assignment is not in this read model
        assertThat(v.consultations()).hasSize(1);
        // the supervision processor's letters are untouched by an eviction in the other
        assertThat(letters(SupervisionProjection.GROUP, id)).hasSize(2);
    }

    @Test
    @Order(3)
    void aSupervisionRetryAskedForWhereTheSegmentIsNotHeldIsRunByTheProcessThatHoldsIt() throws Exception {
        String id = "dl-evict"; // its two supervision letters are left from the eviction test; the fault is fixed
        assertThat(letters(SupervisionProjection.GROUP, id)).hasSize(2);
        PooledStreamingEventProcessor supervision = processing.eventProcessor(SupervisionProjection.GROUP,
                PooledStreamingEventProcessor.class).orElseThrow();
        supervision.shutDown(); // as if another query side held its one segment

        as("office", post("/api/v1/admin/dead-letters/supervision-views/" + id + "/retry"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processors[0].proposalsLeftToSegmentHolder").value(1))
                .andExpect(jsonPath("$.remaining[0].retryRequested").value(true));
        assertThat(((Number) supervisionView(id).get("version")).longValue()).isEqualTo(1);

        supervision.start(); // this process holds the segment again: its sweep runs the retry
        await().atMost(WAIT).until(() -> letters(SupervisionProjection.GROUP, id).isEmpty());
        assertThat(((Number) supervisionView(id).get("version")).longValue()).isEqualTo(3);
    }

    @Test
    @Order(4)
    void aRebuildClearsTheDeadLettersOfTheProcessorsItResets() {
        String id = "dl-rebuild";
        log.proposal(office, "c-" + id, submitted(id));
        awaitBoth(id, 0);
        fault.failFor(id);
        log.proposal(office, "c2-" + id, registered(id, id));
        await().atMost(WAIT).until(() -> letters(Projections.GROUP, id).size() == 1
                && letters(SupervisionProjection.GROUP, id).size() == 1);
        fault.fixed();

        rebuild.start("test");
        await().atMost(WAIT).until(() -> !progress.rebuilding());

        // a letter still stored would park the replayed events again: none is
        assertThat(letters(null, null)).isEmpty();
        assertThat(awaitVersion(id, 1).number()).isEqualTo(id);
        assertThat(awaitVersion("dl-evict", 3).leadUnitId()).isEqualTo("commerce");
    }

    private void awaitCaughtUp() {
        await().atMost(WAIT).until(() -> progress.processors().stream()
                .filter(ProjectionProgress.ProcessorState::readModel).allMatch(ProjectionProgress.ProcessorState::caughtUp));
    }

    /** Every read-model document by collection, without the counters' batch bookkeeping (as MultiInstanceTest). */
    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String c : List.of(ProposalStore.COLLECTION, ReferenceDataProjection.SESSIONS,
                ReferenceDataProjection.UNITS, ReferenceDataProjection.DEPUTIES, CounterStore.COUNTERS,
                CounterStore.DAYS, "supervision_proposals", SupervisionStore.UNIT_TODO, SupervisionStore.SESSION_BOARD)) {
            List<Document> docs = mongo.getCollection(c).find().sort(new Document("_id", 1)).into(new ArrayList<>());
            if (c.equals(CounterStore.COUNTERS) || c.equals(CounterStore.DAYS)) {
                docs.replaceAll(DeadLetterTest::withoutZeros);
            }
            docs.forEach(d -> {
                d.remove("applied");
                d.remove(CounterStore.TABLES_REVISION);
                d.remove(CounterStore.EPOCH);
                for (String set : List.of("units", "categories", "deputies", "months")) {
                    if (d.get(set) instanceof List<?> l) {
                        d.put(set, l.stream().map(Object::toString).sorted().toList());
                    }
                }
            });
            all.put(c, docs);
        }
        return all;
    }

    private static Document withoutZeros(Document doc) {
        Document out = new Document();
        doc.forEach((key, value) -> {
            if (value instanceof Number n && n.longValue() == 0) {
                return;
            }
            out.put(key, value instanceof Document nested ? withoutZeros(nested) : value);
        });
        return out;
    }
}
