package org.proposalledger.query.dashboard;

import org.proposalledger.query.projection.Delivery;
import org.proposalledger.query.projection.EventPositions;
import org.proposalledger.query.projection.Coverage;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.mongo.EmbeddedMongo;
import org.proposalledger.query.support.Events;
import org.proposalledger.query.support.TestDataDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.query.support.Events.SESSION;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.submitted;

/**
 * The counters' re-delivery marker against the real embedded server, with event positions as
 * several command sides appending at once produce them: an event whose transaction commits late
 * has a position below events already delivered (a gap in the processor's token, filled later).
 * Each "event" assigns one proposal, so the session's {@code assigned} count is the number of
 * events counted.
 */
class CounterBufferTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant AT = Instant.parse("2022-03-10T02:00:00Z");
    static final String SESSION_DOC = Contribution.sessionScope(SESSION);

    private static EmbeddedMongo server;
    private static MongoClient client;
    private static int databases;
    private static CounterStore store;

    /** The event store as far as positions go: global position by event id. */
    private final Map<String, Long> stored = new HashMap<>();
    private final List<Collection<String>> lookUps = new ArrayList<>();
    private final EventPositions positions = ids -> {
        lookUps.add(List.copyOf(ids));
        Map<String, Long> out = new HashMap<>();
        ids.forEach(id -> {
            if (stored.containsKey(id)) {
                out.put(id, stored.get(id));
            }
        });
        return out;
    };

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.start(TestDataDir.create(CounterBufferTest.class).resolve("counters.mv"));
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** Each test on an empty database of its own. */
    @BeforeEach
    void freshDatabase() {
        store = new CounterStore(new MongoTemplate(client, "t" + databases++), soleWriter());
    }

    /**
     * False here: the counters are shared with other processes, so updates compare-and-set their
     * marker. {@link SoleWriterCounterBufferTest} runs the same cases as the only writer.
     */
    boolean soleWriter() {
        return false;
    }

    /** An event assigning proposal {@code proposal}, stored at {@code position}, delivered with {@code token}. */
    private record Assign(String proposal, long position, Coverage token) {
    }

    private Assign assign(String proposal, long position, Coverage token) {
        stored.put("e-" + proposal, position);
        return new Assign(proposal, position, token);
    }

    private static Assign redelivered(Assign event, Coverage token) {
        return new Assign(event.proposal(), event.position(), token);
    }

    private static Coverage token(long index, Long... gaps) {
        return Coverage.of(index, List.of(gaps));
    }

    private static ProposalView fold(ProposalEvent... events) {
        return Events.fold(AT, events);
    }

    /** One batch of segment {@code segment}, flushed at its end. */
    private void batch(int segment, Assign... events) {
        CounterBuffer buffer = new CounterBuffer(store, positions, ZONE, changed -> {
        });
        for (Assign e : events) {
            String id = e.proposal();
            ProposalView before = fold(submitted(id), registered(id, id));
            ProposalView after = fold(submitted(id), registered(id, id), assigned(id, "commerce"));
            buffer.record(before, after, AT, new Delivery("e-" + id, e.token(), -1), segment);
        }
        buffer.flush();
    }

    private void batch(Assign... events) {
        batch(0, events);
    }

    private static long assignedInSession() {
        Document doc = store.find(SESSION_DOC);
        return doc == null ? 0 : ((Number) doc.get("assigned", 0)).longValue();
    }

    /** The same count as the day documents and the unit table have it. */
    private static long assignedByDayAndTable() {
        Document month = store.findMonth(SESSION_DOC, YearMonth.of(2022, 3));
        long days = ((Number) ((Document) ((Document) month.get("days")).get("10")).get("assigned")).longValue();
        Document table = store.find(CounterStore.tableId(SESSION, CounterStore.UNITS));
        long rows = ((Number) ((Document) ((Document) table.get(CounterStore.ROWS)).get("commerce"))
                .get("assigned")).longValue();
        assertThat(rows).isEqualTo(days);
        return days;
    }

    @Test
    void anEventCommittedLateBelowOneAlreadyCountedIsCounted() {
        Assign a = assign("a", 10, token(10));
        Assign c = assign("c", 12, token(12, 11L));
        batch(a, c);
        // 11 commits after 12 was delivered: its token still has index 12, now without the gap
        Assign b = assign("b", 11, token(12));
        batch(b);

        assertThat(assignedInSession()).isEqualTo(3);
        assertThat(assignedByDayAndTable()).isEqualTo(3);
        assertThat(store.find(SESSION_DOC).get("applied", Document.class).get("s0")).isEqualTo("12");
    }

    @Test
    void aReDeliveredBatchIsNotCountedTwice() {
        Assign a = assign("a", 10, token(10));
        Assign c = assign("c", 12, token(12, 11L));
        batch(a, c);
        lookUps.clear();

        batch(a, c);

        assertThat(assignedInSession()).isEqualTo(2);
        assertThat(assignedByDayAndTable()).isEqualTo(2);
        // the same tokens: the marker covers them, settled without asking the event store
        assertThat(lookUps).isEmpty();
    }

    @Test
    void aReDeliveredLateEventIsNotCountedTwice() {
        Assign a = assign("a", 10, token(10));
        Assign c = assign("c", 12, token(12, 11L));
        batch(a, c);
        Assign b = assign("b", 11, token(12));
        batch(b);

        batch(b);
        assertThat(assignedInSession()).isEqualTo(3);
        // from a stored token before all three, after 11 committed: read in position order
        batch(redelivered(a, token(10)), redelivered(b, token(11)), redelivered(c, token(12)));
        assertThat(assignedInSession()).isEqualTo(3);
        assertThat(assignedByDayAndTable()).isEqualTo(3);
    }

    @Test
    void aReDeliveryWhoseTokensChangedMeanwhileCountsOnlyWhatWasNotCounted() {
        Assign a = assign("a", 10, token(10));
        Assign c = assign("c", 12, token(12, 11L));
        batch(a, c);
        // the process dies before storing its token; meanwhile 11 (another segment's event)
        // commits, so the re-delivery from the old token carries tokens without the gap: 12's
        // token now covers 11, which this document's marker does not, and only the event
        // store's position tells that the event itself (12) was counted
        Assign d = assign("d", 13, token(13));
        batch(redelivered(a, token(10)), redelivered(c, token(12)), d);

        assertThat(assignedInSession()).isEqualTo(3);
        assertThat(assignedByDayAndTable()).isEqualTo(3);
        assertThat(lookUps).hasSize(1);
        assertThat(lookUps.get(0)).containsExactlyInAnyOrder("e-c", "e-d");
    }

    @Test
    void anotherSegmentsEventAtACoveredPositionIsCounted() {
        batch(0, assign("a", 10, token(10)), assign("c", 12, token(12, 11L)));
        // the markers are per segment: segment 1 has counted nothing in these documents yet
        batch(1, assign("b", 11, token(12)));

        assertThat(assignedInSession()).isEqualTo(3);
        assertThat(store.find(SESSION_DOC).get("applied", Document.class))
                .containsEntry("s0", "12:11").containsEntry("s1", "12");
    }

    @Test
    void aMarkerStoredAsANumberStillSkipsWhatItCounted() {
        Assign a = assign("a", 10, token(10));
        batch(a);
        // as written before markers were gap-aware: the last position counted
        for (var collection : List.of(store.counters(), store.days())) {
            collection.updateMany(new Document(), Updates.set("applied.s0", 10L));
        }

        Assign d = assign("d", 13, token(13));
        batch(redelivered(a, token(10)), d);

        assertThat(assignedInSession()).isEqualTo(2);
        assertThat(assignedByDayAndTable()).isEqualTo(2);
        assertThat(store.find(SESSION_DOC).get("applied", Document.class).get("s0")).isEqualTo("13");
    }

    @Test
    void eventsWithoutATokenSkipTheCheck() {
        CounterBuffer buffer = new CounterBuffer(store, positions, ZONE, changed -> {
        });
        ProposalView before = fold(submitted("a"), registered("a", "a"));
        ProposalView after = fold(submitted("a"), registered("a", "a"), assigned("a", "commerce"));
        buffer.record(before, after, AT, Delivery.untracked("e-a"), 0);
        buffer.flush();

        assertThat(assignedInSession()).isEqualTo(1);
        assertThat(store.find(SESSION_DOC)).doesNotContainKey("applied");
        assertThat(lookUps).isEmpty();
    }

    /** Assigns {@code proposal} in a buffer of its own, as a retry from the dead-letter queue records it. */
    private CounterBuffer retried(String proposal) {
        CounterBuffer buffer = new CounterBuffer(store, positions, ZONE, changed -> {
        });
        ProposalView before = fold(submitted(proposal), registered(proposal, proposal));
        ProposalView after = fold(submitted(proposal), registered(proposal, proposal), assigned(proposal, "commerce"));
        buffer.record(before, after, AT, Delivery.retried("e-" + proposal), 0);
        return buffer;
    }

    @Test
    void aRetriedEventIsCountedAlthoughTheSegmentsMarkerCoversItsPosition() {
        // the poison event was at position 5; later events of other proposals were counted meanwhile
        batch(assign("p-later", 9, token(9)));

        retried("p-poison").flush();

        assertThat(assignedInSession()).isEqualTo(2);
        assertThat(assignedByDayAndTable()).isEqualTo(2);
    }

    @Test
    void aRetryRepeatedAfterItsCountersWereWrittenCountsNothingTwice() {
        retried("p-poison").flush();
        // the retry died before the proposal document was written and the letter evicted: it runs again
        retried("p-poison").flush();

        assertThat(assignedInSession()).isEqualTo(1);
        assertThat(assignedByDayAndTable()).isEqualTo(1);
    }

    @Test
    void anEventsChangesAreTakenBackWithoutTouchingTheBatchsOthers() {
        CounterBuffer buffer = new CounterBuffer(store, positions, ZONE, changed -> {
        });
        for (String id : List.of("p-1", "p-poison", "p-2")) {
            buffer.mark();
            ProposalView before = fold(submitted(id), registered(id, id));
            ProposalView after = fold(submitted(id), registered(id, id), assigned(id, "commerce"));
            Assign e = assign(id, 0, null);
            buffer.record(before, after, AT, new Delivery("e-" + id, e.token(), -1), 0);
            if (id.equals("p-poison")) {
                buffer.undo();
            }
        }
        buffer.flush();

        assertThat(assignedInSession()).isEqualTo(2);
        assertThat(assignedByDayAndTable()).isEqualTo(2);
    }
}
