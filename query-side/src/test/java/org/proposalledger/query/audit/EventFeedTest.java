package org.proposalledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proposalledger.api.security.Actor;
import org.proposalledger.query.QuerySideApplication;
import org.proposalledger.query.support.EventLog;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.query.support.Events.assigned;
import static org.proposalledger.query.support.Events.assignedIn;
import static org.proposalledger.query.support.Events.registered;
import static org.proposalledger.query.support.Events.registeredIn;
import static org.proposalledger.query.support.Events.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The event feed: every event exactly once, in order, across consumer restarts and concurrent writers. */
@SpringBootTest(classes = QuerySideApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventFeedTest {

    static final Path DIR = TestDataDir.create(EventFeedTest.class);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DIR::toString);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionManager transactions;

    private final ObjectMapper json = new ObjectMapper();
    private final Actor zhu = Actor.deputy("deputy-zhu", "zhu-heping");

    private JsonNode page(String after, int limit, String user, String... filters) throws Exception {
        var request = get("/api/v1/events").param("limit", "" + limit);
        if (after != null) {
            request.param("after", after);
        }
        for (int i = 0; i < filters.length; i += 2) {
            request.param(filters[i], filters[i + 1]);
        }
        MvcResult r = mvc.perform(request.with(httpBasic(user, user))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** One consumer's life: reads pages until told to stop, returns the cursor it last stored. */
    private String consume(String cursor, List<JsonNode> seen, Random random, int pages) throws Exception {
        for (int i = 0; i < pages; i++) {
            JsonNode page = page(cursor, 1 + random.nextInt(7), "reader");
            page.get("events").forEach(seen::add);
            cursor = page.get("nextCursor").isNull() ? cursor : page.get("nextCursor").asText();
        }
        return cursor;
    }

    @Test
    void a_consumer_killed_and_resumed_while_writes_go_on_sees_every_event_once_in_order() throws Exception {
        Random random = new Random(7);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                EventLog log = new EventLog(eventStore);
                for (int p = 0; p < 40 && !stop.get(); p++) {
                    String id = "feed-" + writer + "-" + p;
                    log.proposal(zhu, "c-" + id, submitted(id));
                    log.proposal(zhu, "c-" + id, registered(id, "第" + p + "号"), assigned(id, "commerce"));
                }
                return null;
            }));
        }
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        // several consumer lives: each reads a few pages, is "killed" (only its stored cursor survives), and a
        // new one resumes later while the writers keep going
        for (int life = 0; life < 12; life++) {
            cursor = consume(cursor, seen, random, 3 + random.nextInt(5));
            Thread.sleep(random.nextInt(40));
        }
        for (Future<?> f : running) {
            f.get(120, TimeUnit.SECONDS);
        }
        writers.shutdown();
        while (true) {
            JsonNode page = page(cursor, 50, "reader");
            page.get("events").forEach(seen::add);
            cursor = page.get("nextCursor").asText();
            if (page.get("caughtUp").asBoolean() && page.get("events").isEmpty()) {
                break;
            }
        }

        List<String> stored = jdbc.queryForList("SELECT eventIdentifier FROM domainevententry", String.class);
        List<String> ids = seen.stream().map(e -> e.get("eventId").asText()).toList();
        assertThat(new HashSet<>(ids)).hasSize(ids.size()); // nothing twice
        assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(stored)); // nothing missed
        assertThat(ids).hasSize(3 * 40 * 3);
        // in order: each proposal's events arrive in their sequence order
        Map<String, Long> last = new HashMap<>();
        for (JsonNode e : seen) {
            long previous = last.getOrDefault(e.get("aggregateId").asText(), -1L);
            assertThat(e.get("sequence").asLong()).isEqualTo(previous + 1);
            last.put(e.get("aggregateId").asText(), e.get("sequence").asLong());
        }
    }

    @Test
    void an_event_committed_late_into_a_gap_is_still_served_once() throws Exception {
        String start = page(null, 1000, "reader").get("nextCursor").asText();
        JsonNode drained = page(start, 1000, "reader");
        while (!drained.get("caughtUp").asBoolean()) {
            start = drained.get("nextCursor").asText();
            drained = page(start, 1000, "reader");
        }
        start = drained.get("nextCursor").isNull() ? start : drained.get("nextCursor").asText();

        // Axon's JDBC engine remembers a gap only while the event after it is younger than its gap timeout
        // (60 s by event timestamp), so these events carry the real time
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        Future<?> slowWriter = slow.submit(() -> {
            Transaction tx = transactions.startTransaction();
            new EventLog(eventStore).at(Instant.now()).proposal(zhu, "c-slow", submitted("gap-slow"));
            inserted.countDown(); // its global index is taken, not yet visible
            release.await(30, TimeUnit.SECONDS);
            tx.commit();
            return null;
        });
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        new EventLog(eventStore).at(Instant.now()).proposal(zhu, "c-fast", submitted("gap-fast"));

        JsonNode first = page(start, 100, "reader");
        assertThat(first.get("events").findValuesAsText("aggregateId")).containsExactly("gap-fast");
        release.countDown();
        slowWriter.get(30, TimeUnit.SECONDS);
        slow.shutdown();
        JsonNode second = page(first.get("nextCursor").asText(), 100, "reader");
        assertThat(second.get("events").findValuesAsText("aggregateId")).containsExactly("gap-slow");
        JsonNode third = page(second.get("nextCursor").asText(), 100, "reader");
        assertThat(third.get("events")).isEmpty();
    }

    @Test
    void filters_by_type_and_session_and_keeps_moving_past_what_they_leave_out() throws Exception {
        EventLog log = new EventLog(eventStore);
        log.proposal(zhu, "c", submitted("filter-a", "session-x", org.proposalledger.api.proposal.Category.ECONOMY,
                "zhu-heping"), registeredIn("session-x", "filter-a", "1"),
                assignedIn("session-x", "filter-a", "commerce"));
        log.proposal(zhu, "c", submitted("filter-b", "session-y", org.proposalledger.api.proposal.Category.ECONOMY,
                "zhu-heping"));
        List<JsonNode> inX = new ArrayList<>();
        String cursor = null;
        JsonNode page;
        do {
            page = page(cursor, 2, "office", "sessionId", "session-x");
            page.get("events").forEach(inX::add);
            cursor = page.get("nextCursor").asText();
        } while (!page.get("caughtUp").asBoolean());
        assertThat(inX.stream().map(e -> e.get("type").asText()).toList())
                .containsExactly("ProposalSubmitted", "ProposalRegistered", "ProposalAssigned");
        assertThat(inX).allSatisfy(e -> assertThat(e.get("sessionId").asText()).isEqualTo("session-x"));

        JsonNode submittedOnly = page(null, 1000, "office", "type", "ProposalSubmitted");
        Set<String> types = new HashSet<>(submittedOnly.get("events").findValuesAsText("type"));
        assertThat(types).containsExactly("ProposalSubmitted");
    }

    @Test
    void only_readers_and_above_read_the_feed_and_a_foreign_cursor_is_a_bad_request() throws Exception {
        MvcResult unit = mvc.perform(get("/api/v1/events").with(httpBasic("unit-commerce", "unit-commerce"))).andReturn();
        assertThat(unit.getResponse().getStatus()).isEqualTo(403);
        MvcResult deputy = mvc.perform(get("/api/v1/events").with(httpBasic("deputy-zhu", "deputy-zhu"))).andReturn();
        assertThat(deputy.getResponse().getStatus()).isEqualTo(403);
        MvcResult bad = mvc.perform(get("/api/v1/events").param("after", "not-a-cursor")
                .with(httpBasic("reader", "reader"))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(bad.getResponse().getContentAsString()).at("/errors/0/field").asText()).isEqualTo("after");
        MvcResult limit = mvc.perform(get("/api/v1/events").param("limit", "0")
                .with(httpBasic("reader", "reader"))).andReturn();
        assertThat(limit.getResponse().getStatus()).isEqualTo(400);
    }
}
