package org.proposalledger.query.dashboard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.platform.axon.AxonConfig;
import org.proposalledger.query.mongo.DocumentMapper;
import org.proposalledger.query.mongo.EmbeddedMongo;
import org.proposalledger.query.projection.EventPositions;
import org.proposalledger.query.projection.ProposalChangeListener;
import org.proposalledger.query.proposal.ProposalProjection;
import org.proposalledger.query.proposal.ProposalStore;
import org.proposalledger.query.support.OneBatch;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.query.support.Events.SESSION;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.replied;
import static org.proposalledger.query.support.Events.submitted;

/**
 * The proposals projection with its listener, the dashboard counters, against the real embedded
 * server, one batch per unit of work as the processor runs it. The counters are derived from the
 * proposal before and after each event, so they must be written before the proposals: a batch that
 * dies between the two writes is re-delivered, finds the old proposals and counts each event once.
 */
class CountersBeforeProposalsTest {

    static final Instant AT = Instant.parse("2022-03-10T02:00:00Z");
    static final DocumentMapper MAPPER = new DocumentMapper(new AxonConfig().defaultAxonObjectMapper());

    private static EmbeddedMongo server;
    private static MongoClient client;

    private record Side(MongoTemplate mongo, ProposalProjection projection, CounterStore counters) {
    }

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.start(TestDataDir.create(CountersBeforeProposalsTest.class).resolve("order.mv"));
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static Side side(String database) {
        MongoTemplate mongo = new MongoTemplate(client, database);
        CounterStore counters = new CounterStore(mongo, false);
        DashboardCounters listener = new DashboardCounters(counters, EventPositions.NONE,
                new DashboardUpdates(SimpleQueryUpdateEmitter.builder().build(), counters), new LedgerProperties());
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("dashboardCounters", listener));
        ProposalProjection projection = new ProposalProjection(new ProposalStore(mongo, MAPPER),
                beans.getBeanProvider(ProposalChangeListener.class));
        return new Side(mongo, projection, counters);
    }

    /** Two proposals submitted, registered and assigned, one replied: each event with its own position in the stream. */
    private static List<TrackedEventMessage<?>> events() {
        List<ProposalEvent> payloads = List.of(submitted("p1"), submitted("p2"), registered("p1", "第1号"),
                registered("p2", "第2号"), assigned("p1", "commerce"), assigned("p2", "education"),
                replied("p1", "commerce", 1));
        Map<String, Long> sequences = new HashMap<>();
        List<TrackedEventMessage<?>> out = new ArrayList<>();
        for (ProposalEvent e : payloads) {
            String id = e.proposalId().value();
            long seq = sequences.merge(id, 1L, Long::sum) - 1;
            out.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(out.size()),
                    new GenericDomainEventMessage<>("Proposal", id, seq, e, MetaData.emptyInstance(),
                            "e-" + out.size(), AT.plusSeconds(out.size()))));
        }
        return out;
    }

    private static List<String> batch(Side side, List<TrackedEventMessage<?>> events, int flushed) {
        return OneBatch.run(events, e -> side.projection().on((ProposalEvent) e.getPayload(), e, null), flushed);
    }

    private static ScopeCounts counts(Side side, String scope) {
        return CounterStore.counts(side.counters().find(scope));
    }

    @Test
    void theCountersAreWrittenBeforeTheProposals() {
        assertThat(batch(side("order"), events(), -1)).containsExactly(CounterStore.COUNTERS, ProposalStore.COLLECTION);
    }

    @Test
    void aBatchThatDiesBetweenTheTwoWritesCountsEachEventOnceWhenReDelivered() {
        Side once = side("once");
        batch(once, events(), -1);
        Side died = side("died");
        batch(died, events(), 1);
        assertThat(died.mongo().getCollection(ProposalStore.COLLECTION).countDocuments()).isZero();
        batch(died, events(), -1);

        for (String scope : List.of(Contribution.sessionScope(SESSION), Contribution.unitScope(SESSION, "commerce"))) {
            assertThat(counts(died, scope)).as(scope).isEqualTo(counts(once, scope));
        }
        ScopeCounts session = counts(died, Contribution.sessionScope(SESSION));
        assertThat(session.assigned()).isEqualTo(2);
        assertThat(session.replied()).isEqualTo(1);
        List<Document> proposals = died.mongo().getCollection(ProposalStore.COLLECTION).find()
                .sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(proposals).isEqualTo(once.mongo().getCollection(ProposalStore.COLLECTION).find()
                .sort(new Document("_id", 1)).into(new ArrayList<>()));
    }
}
