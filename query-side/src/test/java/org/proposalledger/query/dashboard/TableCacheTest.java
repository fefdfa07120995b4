package org.proposalledger.query.dashboard;

import org.proposalledger.query.projection.Delivery;
import org.proposalledger.query.projection.EventPositions;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.api.query.dashboard.ScopeCounts;
import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.query.mongo.EmbeddedMongo;
import org.proposalledger.query.support.Events;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.query.support.Events.SESSION;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.submitted;

/**
 * The unit table is read again exactly when its session's revision moved — including a change
 * that moves counts between units and leaves the session's own counts as they were, and a
 * rebuild that counts the revision up again from the start.
 */
class TableCacheTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant AT = Instant.parse("2022-03-10T02:00:00Z");
    static final String TABLE = CounterStore.tableId(SESSION, CounterStore.UNITS);

    private static EmbeddedMongo server;
    private static MongoClient client;
    private static int databases;

    private final AtomicInteger tableReads = new AtomicInteger();
    private CounterStore store;
    private DashboardReader reader;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.start(TestDataDir.create(TableCacheTest.class).resolve("tables.mv"));
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        store = new CounterStore(new MongoTemplate(client, "t" + databases++), true) {
            @Override
            public Document find(String scope) {
                if (scope.equals(TABLE)) {
                    tableReads.incrementAndGet();
                }
                return super.find(scope);
            }
        };
        LedgerProperties properties = new LedgerProperties();
        properties.setZone(ZONE);
        reader = new DashboardReader(store, null, properties);
    }

    private static ProposalView fold(ProposalEvent... events) {
        return Events.fold(AT, events);
    }

    private static ProposalView assignedTo(String id, String unit) {
        return fold(submitted(id), registered(id, id), assigned(id, unit));
    }

    /** One batch with one change of proposal {@code id} from {@code before} to {@code after}. */
    private void batch(String id, ProposalView before, ProposalView after) {
        CounterBuffer buffer = new CounterBuffer(store, EventPositions.NONE, ZONE, changed -> {
        });
        buffer.record(before, after, AT, new Delivery("e-" + id, null, -1), 0);
        buffer.flush();
    }

    private Map<String, Long> assignedByUnit() {
        Map<String, Long> out = new java.util.TreeMap<>();
        reader.table(SESSION, CounterStore.UNITS, null).forEach((unit, c) -> out.put(unit, c.assigned()));
        return out;
    }

    @Test
    void anUnchangedTableIsNotReadAgain() {
        batch("p1", fold(submitted("p1"), registered("p1", "p1")), assignedTo("p1", "commerce"));

        assertThat(assignedByUnit()).containsExactly(Map.entry("commerce", 1L));
        assertThat(assignedByUnit()).containsExactly(Map.entry("commerce", 1L));
        assertThat(tableReads).hasValue(1);
    }

    @Test
    void aMoveBetweenUnitsThatLeavesTheSessionCountsAloneIsSeen() {
        batch("p1", fold(submitted("p1"), registered("p1", "p1")), assignedTo("p1", "commerce"));
        assertThat(assignedByUnit()).containsExactly(Map.entry("commerce", 1L));
        ScopeCounts session = CounterStore.counts(store.find(Contribution.sessionScope(SESSION)));

        batch("p1", assignedTo("p1", "commerce"), assignedTo("p1", "education"));

        assertThat(CounterStore.counts(store.find(Contribution.sessionScope(SESSION)))).isEqualTo(session);
        assertThat(assignedByUnit()).containsExactly(Map.entry("commerce", 0L), Map.entry("education", 1L));
        assertThat(tableReads).hasValue(2);
    }

    @Test
    void aRebuiltTableAtTheSameRevisionIsReadAgain() {
        batch("p1", fold(submitted("p1"), registered("p1", "p1")), assignedTo("p1", "commerce"));
        assertThat(assignedByUnit()).containsExactly(Map.entry("commerce", 1L));
        long revision = ((Number) store.find(Contribution.sessionScope(SESSION))
                .get(CounterStore.TABLES_REVISION)).longValue();

        store.drop();
        batch("p2", fold(submitted("p2"), registered("p2", "p2")), assignedTo("p2", "education"));

        assertThat(((Number) store.find(Contribution.sessionScope(SESSION)).get(CounterStore.TABLES_REVISION))
                .longValue()).isEqualTo(revision);
        assertThat(assignedByUnit()).containsExactly(Map.entry("education", 1L));
    }
}
