package org.proposalledger.query.projection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.proposal.Rating;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.reference.CongressSessionRegistered;
import org.proposalledger.api.reference.CongressSessionUpdated;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.DeputyRegistered;
import org.proposalledger.api.reference.DeputyUpdated;
import org.proposalledger.api.reference.HandlingUnitRegistered;
import org.proposalledger.api.reference.HandlingUnitUpdated;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;
import org.proposalledger.api.reference.UnitKind;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.dashboard.CounterStore;
import org.proposalledger.query.history.HistoryQueries;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.reference.ReferenceDataProjection;
import org.proposalledger.query.support.DeliveryCounter;
import org.proposalledger.query.support.EventLog;
import org.proposalledger.query.support.MongoCommandCounter;
import org.proposalledger.query.support.ProjectionProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.query.support.Events.DUE_ON;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.closed;
import static org.proposalledger.query.support.Events.coOpinion;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.designatedKey;
import static org.proposalledger.query.support.Events.extended;
import static org.proposalledger.query.support.Events.followUp;
import static org.proposalledger.query.support.Events.overdue;
import static org.proposalledger.query.support.Events.rated;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.rehandling;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.submitted;

/**
 * The projections against the real event store and the real embedded MongoDB: events are
 * appended as aggregates would append them and the read models are read back from MongoDB.
 * Concrete subclasses pick the batch size and a data folder of their own.
 */
abstract class AbstractProjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ProposalStore proposals;
    @Autowired
    HistoryQueries histories;
    @Autowired
    DeliveryCounter deliveries;
    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    ObjectMapper axonMapper;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoCommandCounter commands;

    EventLog log;
    ProjectionProgress progress;

    @BeforeEach
    void setUp() {
        log = new EventLog(eventStore);
        progress = new ProjectionProgress(processing, eventStore, tokenStore);
    }

    private ProposalView awaitVersion(String id, long version) {
        await().atMost(WAIT).until(() -> {
            ProposalView v = proposals.find(id);
            return v != null && v.version() >= version;
        });
        return proposals.find(id);
    }

    @Test
    void aWholeLifecycleEndsAsOneClosedView() {
        String id = "life-1";
        LocalDate extendedTo = DUE_ON.plusMonths(1);
        LocalDate rehandleBy = extendedTo.plusMonths(1);
        List<DomainEventMessage<?>> appended = log.proposal(Actor.office("office"), "c-life",
                submitted(id), registered(id, "7"), designatedKey(id), assigned(id, "commerce", "education"),
                coOpinion(id, "education"), consulted(id, "commerce"), overdue(id, "commerce"),
                extended(id, DUE_ON, extendedTo), replied(id, "commerce", 1),
                rated(id, "zhu-heping", Rating.UNSATISFIED, 1), rehandling(id, "commerce", rehandleBy, 2),
                replied(id, "commerce", 2), rated(id, "zhu-heping", Rating.SATISFIED, 2),
                followUp(id, "commerce"), closed(id));

        ProposalView v = awaitVersion(id, 14);

        assertThat(v.status()).isEqualTo("CLOSED");
        assertThat(v.number()).isEqualTo("7");
        assertThat(v.key()).isTrue();
        assertThat(v.leadUnitId()).isEqualTo("commerce");
        assertThat(v.coUnitIds()).containsExactly("education");
        assertThat(v.dueOn()).isEqualTo(rehandleBy);
        assertThat(v.overdue()).isFalse();
        assertThat(v.extensions()).hasSize(1);
        assertThat(v.coOpinions()).hasSize(1);
        assertThat(v.consultations()).hasSize(1);
        assertThat(v.replies()).extracting(ProposalView.Reply::round).containsExactly(1, 2);
        assertThat(v.ratings()).extracting(ProposalView.RatingEntry::rating)
                .containsExactly("UNSATISFIED", "SATISFIED");
        assertThat(v.followUps()).hasSize(1);
        assertThat(v.closingDecision()).isEqualTo("满意，办结");
        // timestamps come back exactly as the event store hands them out
        assertThat(v.submittedAt()).isEqualTo(storedTimestamp(id, 0));
        assertThat(v.updatedAt()).isEqualTo(storedTimestamp(id, 14)).isEqualTo(appended.get(14).getTimestamp());
        assertThat(v.ratings().get(1).at()).isEqualTo(storedTimestamp(id, 12));
    }

    private java.time.Instant storedTimestamp(String id, long sequence) {
        return eventStore.readEvents(id).asStream().filter(e -> e.getSequenceNumber() == sequence)
                .findFirst().orElseThrow().getTimestamp();
    }

    @Test
    void theDocumentIsKeyedByIdAndKeepsDatesAsIsoText() {
        String id = "doc-1";
        log.proposal(Actor.office("office"), "c-doc", submitted(id), registered(id, "8"),
                assigned(id, "commerce"));
        awaitVersion(id, 2);

        Document doc = mongo.getCollection(ProposalStore.COLLECTION).find(new Document("_id", id)).first();

        assertThat(doc).isNotNull().doesNotContainKey("id");
        assertThat(doc.get("dueOn")).isEqualTo(DUE_ON.toString());
        assertThat(doc.get("submittedAt")).isEqualTo(storedTimestamp(id, 0).toString());
        assertThat(doc.get("version")).isIn(2, 2L);
        assertThat(doc.get("proposers")).isEqualTo(List.of("zhu-heping", "gao-li"));
    }

    @Test
    void historyListsEveryEventWithActorCorrelationAndStoredPayload() throws Exception {
        String id = "hist-1";
        log.proposal(new Actor("deputy-zhu", org.proposalledger.api.security.Role.DEPUTY, null, "zhu-heping"),
                "c-submit", submitted(id));
        log.proposal(Actor.office("office"), "c-register", registered(id, "9"), assigned(id, "commerce"));
        log.proposal(Actor.unit("unit-commerce", "commerce"), "c-reply", replied(id, "commerce", 1));

        // read from the event store: complete as soon as the events are stored, no projection to wait for
        ProposalHistory history = histories.history(new org.proposalledger.api.query.GetProposalHistory(id),
                org.axonframework.messaging.MetaData.from(Actor.office("office").toMetaData()));

        assertThat(history.proposalId()).isEqualTo(id);
        assertThat(history.entries()).extracting(ProposalHistory.Entry::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(history.entries()).extracting(ProposalHistory.Entry::type)
                .containsExactly("ProposalSubmitted", "ProposalRegistered", "ProposalAssigned", "ProposalReplied");
        ProposalHistory.Entry submittedEntry = history.entries().get(0);
        assertThat(submittedEntry.actor()).isEqualTo(new ProposalHistory.Who("deputy-zhu", "DEPUTY", null,
                "zhu-heping"));
        assertThat(submittedEntry.correlationId()).isEqualTo("c-submit");
        assertThat(submittedEntry.occurredAt()).isEqualTo(storedTimestamp(id, 0));
        ProposalHistory.Entry reply = history.entries().get(3);
        assertThat(reply.actor()).isEqualTo(new ProposalHistory.Who("unit-commerce", "UNIT", "commerce", null));
        assertThat(reply.correlationId()).isEqualTo("c-reply");

        // the payload is the event's JSON exactly as the event store holds it
        eventStore.readEvents(id).asStream().forEach(stored -> {
            String json = eventSerializer.serialize(stored.getPayload(), String.class).getData();
            Map<String, Object> expected = readJson(json);
            assertThat(history.entries().get((int) stored.getSequenceNumber()).payload()).isEqualTo(expected);
        });
        assertThat(reply.payload()).containsEntry("classification", "B").containsEntry("round", 1)
                .containsEntry("repliedOn", "2022-05-09");
    }

    private Map<String, Object> readJson(String json) {
        try {
            return axonMapper.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void referenceDataKeepsTheLatestNames() {
        Actor office = Actor.office("office");
        log.append("CongressSession", "s-ref", new CongressSessionRegistered(SessionId.of("s-ref"),
                "吕梁市第五届人大第一次会议", LocalDate.of(2022, 1, 5)), office);
        log.append("CongressSession", "s-ref", new CongressSessionUpdated(SessionId.of("s-ref"),
                "吕梁市第五届人民代表大会第一次会议", LocalDate.of(2022, 1, 6)), office);
        log.append("HandlingUnit", "u-ref", new HandlingUnitRegistered(UnitId.of("u-ref"), "市商务局",
                UnitKind.DEPARTMENT), office);
        log.append("HandlingUnit", "u-ref", new HandlingUnitUpdated(UnitId.of("u-ref"), "吕梁市商务局",
                UnitKind.DEPARTMENT), office);
        log.append("Deputy", "d-ref", new DeputyRegistered(DeputyId.of("d-ref"), "朱和平", "离石区"), office);
        log.append("Deputy", "d-ref", new DeputyUpdated(DeputyId.of("d-ref"), "朱和平", "孝义市"), office);

        await().atMost(WAIT).until(() -> {
            Document d = mongo.getCollection(ReferenceDataProjection.DEPUTIES)
                    .find(new Document("_id", "d-ref")).first();
            return d != null && "孝义市".equals(d.get("delegation"));
        });
        progress.awaitCaughtUp();

        assertThat(mongo.getCollection(ReferenceDataProjection.SESSIONS).find(new Document("_id", "s-ref")).first())
                .containsEntry("name", "吕梁市第五届人民代表大会第一次会议").containsEntry("opensOn", "2022-01-06");
        assertThat(mongo.getCollection(ReferenceDataProjection.UNITS).find(new Document("_id", "u-ref")).first())
                .containsEntry("name", "吕梁市商务局").containsEntry("kind", "DEPARTMENT");
    }

    @Test
    void reDeliveredEventsChangeNothing() {
        publishSomeProposals("redeliver-");
        progress.awaitCaughtUp();
        Map<String, List<Document>> before = snapshot();
        int delivered = deliveries.proposalEvents();

        progress.rewindWithoutReset();

        // every proposal event in the store reaches the handlers a second time...
        long inStore = countProposalEventsInStore();
        await().atMost(WAIT).until(() -> deliveries.proposalEvents() >= delivered + inStore);
        progress.awaitCaughtUp();
        // ...and no document differs, down to updatedAt
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aReplayRebuildsTheSameReadModels() {
        publishSomeProposals("replay-");
        progress.awaitCaughtUp();
        Map<String, List<Document>> before = snapshot();
        int delivered = deliveries.proposalEvents();

        progress.replay();

        long inStore = countProposalEventsInStore();
        await().atMost(WAIT).until(() -> deliveries.proposalEvents() >= delivered + inStore);
        progress.awaitCaughtUp();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Checks how many update commands it took to project {@code events} events. */
    abstract void assertWrites(int events, long updateCommands);

    @Test
    void eventsAreWrittenPerBatchNotPerEvent() {
        progress.awaitCaughtUp();
        long before = commands.updateCommands(ProposalStore.COLLECTION);

        int events = publishSomeProposals("writes-");
        progress.awaitCaughtUp();

        assertWrites(events, commands.updateCommands(ProposalStore.COLLECTION) - before);
    }

    private int publishSomeProposals(String prefix) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = prefix + i;
            Actor office = Actor.office("office");
            List<ProposalEvent> events = new ArrayList<>(List.of(submitted(id), registered(id, "" + i)));
            if (i % 2 == 0) {
                events.add(assigned(id, i % 4 == 0 ? "commerce" : "education"));
                events.add(replied(id, i % 4 == 0 ? "commerce" : "education", 1));
            }
            for (ProposalEvent e : events) {
                batch.add(log.message("Proposal", id, e, office, "c-" + id));
            }
        }
        log.publish(batch);
        return batch.size();
    }

    private long countProposalEventsInStore() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE ?", Long.class,
                ProposalEvent.class.getPackageName() + ".%");
    }

    /** Every read-model document, by collection, in id order. */
    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String c : List.of(ProposalStore.COLLECTION, ReferenceDataProjection.SESSIONS,
                ReferenceDataProjection.UNITS, ReferenceDataProjection.DEPUTIES, CounterStore.COUNTERS,
                CounterStore.DAYS)) {
            List<Document> docs = mongo.getCollection(c).find().sort(new Document("_id", 1)).into(new ArrayList<>());
            // which segment counted what depends on how the events were split into batches
            // and in which order members were added to the sets
            if (c.equals(CounterStore.COUNTERS) || c.equals(CounterStore.DAYS)) {
                // a count that went up and down in different batches is stored as 0, in one batch
                // not at all: both read as 0
                docs.replaceAll(AbstractProjectionTest::withoutZeros);
            }
            docs.forEach(d -> {
                d.remove("applied");
                d.remove(CounterStore.TABLES_REVISION); // counts batches, which re-delivery repeats
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
