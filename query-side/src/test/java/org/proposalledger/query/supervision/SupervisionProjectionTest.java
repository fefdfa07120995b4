package org.proposalledger.query.supervision;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.platform.axon.AxonConfig;
import org.proposalledger.query.mongo.DocumentMapper;
import org.proposalledger.query.mongo.EmbeddedMongo;
import org.proposalledger.query.support.OneBatch;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.proposalledger.query.support.Events.DUE_ON;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.consulted;
import static org.proposalledger.query.support.Events.designatedKey;
import static org.proposalledger.query.support.Events.extended;
import static org.proposalledger.query.support.Events.overdue;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.submitted;

/**
 * The supervision projection against the real embedded server, one batch per unit of work as the
 * processor runs it: a batch that dies between two of its flushes and is re-delivered, and events
 * of different proposals arriving in another order, must leave the same documents.
 */
class SupervisionProjectionTest {

    static final Instant AT = Instant.parse("2022-03-10T02:00:00Z");
    static final DocumentMapper MAPPER = new DocumentMapper(new AxonConfig().defaultAxonObjectMapper());

    private static EmbeddedMongo server;
    private static MongoClient client;

    /** One query side's database and projection. */
    private record Side(MongoTemplate mongo, SupervisionProjection projection, SupervisionStore store) {
    }

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.start(TestDataDir.create(SupervisionProjectionTest.class).resolve("supervision.mv"));
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** A side on a database of its own (each name is used once: the server starts empty). */
    private static Side side(String database) {
        MongoTemplate mongo = new MongoTemplate(client, database);
        SupervisionStore store = new SupervisionStore(mongo, MAPPER);
        return new Side(mongo, new SupervisionProjection(mongo, MAPPER, new SupervisionUpdater(store), store), store);
    }

    /**
     * The events as stored after {@code before}: each proposal's sequence numbers continue, ids and
     * timestamps are fixed, so a re-delivery hands out the same messages.
     */
    private static List<DomainEventMessage<?>> stream(List<DomainEventMessage<?>> before, ProposalEvent... events) {
        Map<String, Long> sequences = new HashMap<>();
        before.forEach(m -> sequences.merge(m.getAggregateIdentifier(), 1L, Long::sum));
        List<DomainEventMessage<?>> out = new ArrayList<>();
        for (ProposalEvent e : events) {
            String id = e.proposalId().value();
            long seq = sequences.merge(id, 1L, Long::sum) - 1;
            out.add(new GenericDomainEventMessage<>("Proposal", id, seq, e, MetaData.emptyInstance(),
                    "e-" + id + "-" + seq, AT.plusSeconds(before.size() + out.size())));
        }
        return out;
    }

    private static List<String> batch(Side side, List<DomainEventMessage<?>> events, int flushed) {
        return OneBatch.run(events, e -> side.projection().on((ProposalEvent) e.getPayload(), e), flushed);
    }

    private static Map<String, List<Document>> documents(Side side) {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String c : List.of(SupervisionProjection.VIEWS, SupervisionStore.UNIT_TODO, SupervisionStore.SESSION_BOARD)) {
            all.put(c, side.mongo().getCollection(c).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }

    static final List<DomainEventMessage<?>> HISTORY = stream(List.of(),
            submitted("p1"), registered("p1", "第1号"), designatedKey("p1"), assigned("p1", "commerce", "education"),
            submitted("p2"), registered("p2", "第2号"), assigned("p2", "commerce"),
            extended("p2", DUE_ON, DUE_ON.plusMonths(1)),
            submitted("p3"), registered("p3", "第3号"), designatedKey("p3"), assigned("p3", "commerce"));

    /** The next batch: work done on p1 and p2, p3 late. */
    static final List<DomainEventMessage<?>> LATER = stream(HISTORY,
            consulted("p1", "commerce"), replied("p2", "commerce", 1), overdue("p3", "commerce"));

    @Test
    void aBatchThatDiesBetweenItsFlushesIsReDeliveredToTheSameDocuments() {
        Side reference = side("reference");
        batch(reference, HISTORY, -1);
        List<String> order = batch(reference, LATER, -1);
        Map<String, List<Document>> expected = documents(reference);
        for (int dead = 0; dead < order.size(); dead++) {
            Side side = side("died-after-" + dead);
            batch(side, HISTORY, -1);
            batch(side, LATER, dead);
            batch(side, LATER, -1);
            assertThat(documents(side)).as("died after %d flushes, then re-delivered", dead).isEqualTo(expected);
        }
        // the to-do lists and boards are written before the views they are derived from
        assertThat(order).containsExactly(SupervisionStore.UNIT_TODO, SupervisionStore.SESSION_BOARD,
                SupervisionProjection.VIEWS);
        assertThat(reference.store().unitTodo("commerce").items())
                .extracting(Supervision.TodoItem::proposalId, Supervision.TodoItem::kind)
                .containsExactly(tuple("p3", Supervision.Kind.CONSULT), tuple("p1", Supervision.Kind.REPLY),
                        tuple("p3", Supervision.Kind.REPLY));
        assertThat(reference.store().board("lvliang-2022").overdue())
                .extracting(Supervision.OverdueItem::proposalId).containsExactly("p3");
    }

    @Test
    void listsKeepOneOrderWhateverOrderTheProposalsEventsArriveIn() {
        Side forward = side("forward");
        batch(forward, HISTORY, -1);
        Side backward = side("backward");
        // each proposal's own events in order, the proposals the other way round, one batch each
        for (String id : List.of("p3", "p2", "p1")) {
            batch(backward, HISTORY.stream().filter(m -> m.getAggregateIdentifier().equals(id)).toList(), -1);
        }

        assertThat(documents(backward)).isEqualTo(documents(forward));
        // by due date, then kind, then proposal: the order the to-do endpoint lists them in
        assertThat(forward.store().unitTodo("commerce").items())
                .extracting(Supervision.TodoItem::proposalId, Supervision.TodoItem::kind)
                .containsExactly(tuple("p1", Supervision.Kind.CONSULT), tuple("p3", Supervision.Kind.CONSULT),
                        tuple("p1", Supervision.Kind.REPLY), tuple("p3", Supervision.Kind.REPLY),
                        tuple("p2", Supervision.Kind.CONSULT), tuple("p2", Supervision.Kind.REPLY));
        // by number
        assertThat(forward.store().board("lvliang-2022").keyProposals())
                .extracting(Supervision.KeyEntry::proposalId).containsExactly("p1", "p3");
    }
}
