package org.proposalledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.proposalledger.query.dashboard.CounterStore;
import org.proposalledger.query.mongo.ReadModelStoreAutoConfiguration;
import org.proposalledger.query.projection.SegmentBalancer;
import org.proposalledger.standalone.Api;
import org.proposalledger.standalone.LedgerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A generated session (through the real command path), every read model captured, a rebuild
 * through the office endpoint, and every read model compared with what it was. (Here, beside the
 * tools, because the session comes from the generator.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.generate.proposals=300", "ledger.generate.seed=11", "ledger.generate.session=gen-rebuild",
        // no overdue or reminder may be raised by real time between the two captures
        "ledger.deadlines.watcher-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RebuildEndToEndTest {

    private static final String SESSION = "gen-rebuild";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        String dir = LedgerTestSupport.freshDataDir().toString();
        registry.add("ledger.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRebuildGivesBackEveryReadModelAsItWas() {
        Api api = new Api(port);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(api));
        assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
        Map<String, List<Document>> before = readModels();
        assertThat(before.keySet()).contains("proposals", "sessions", "units", "deputies",
                "dashboard_counters", "dashboard_days", "unit_todo", "session_supervision", "supervision_proposals");
        assertThat(before.get("proposals")).hasSize(300);
        String dashboardBefore = LedgerTestSupport.expect(
                api.get("reader", "/api/v1/dashboards/sessions/" + SESSION), 200).body();
        String historyPath = "/api/v1/proposals/" + before.get("proposals").get(0).get("_id") + "/history";
        String historyBefore = LedgerTestSupport.expect(api.get("office", historyPath), 200).body();

        // only the office may rebuild
        assertThat(api.post("reader", "/api/v1/admin/rebuild", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("supervisor", "/api/v1/admin/rebuild", Map.of()).status()).isEqualTo(403);

        Api.Response started = LedgerTestSupport.expect(api.post("office", "/api/v1/admin/rebuild", Map.of()), 202);
        assertThat(started.json().get("events").asLong()).isEqualTo(events);
        Api.Response duringDashboard = api.get("reader", "/api/v1/dashboards/sessions/" + SESSION);
        Api.Response duringList = api.get("office", "/api/v1/proposals?sessionId=" + SESSION + "&limit=500");
        Api.Response duringReadiness = api.get(null, "/actuator/health/readiness");
        Api.Response duringHistory = api.get("office", historyPath);
        Instant asked = Instant.now();
        Api.Response secondStart = api.post("office", "/api/v1/admin/rebuild", Map.of());

        await().atMost(Duration.ofSeconds(180)).until(() -> !processors(api).get("rebuilding").asBoolean());
        JsonNode after = processors(api);
        JsonNode last = after.get("lastRebuild");
        assertThat(last.get("events").asLong()).isEqualTo(events);
        assertThat(last.get("eventsPerSecond").asDouble()).isPositive();
        for (JsonNode p : after.get("processors")) {
            if (p.get("readModel").asBoolean()) {
                assertThat(p.get("position").asLong()).as(p.toString()).isGreaterThanOrEqualTo(p.get("head").asLong());
                assertThat(p.get("percentDone").asDouble()).isEqualTo(100.0);
                assertThat(p.get("replaying").asBoolean()).isFalse();
                assertThat(p.get("caughtUp").asBoolean()).isTrue();
                assertThat(p.get("segmentsClaimed").size()).isPositive();
            }
        }
        if (Instant.parse(last.get("finishedAt").asText()).isAfter(asked)) {
            // asked while it ran: no half-built figure, but 503 with the rule, progress and Retry-After
            for (Api.Response r : List.of(duringDashboard, duringList)) {
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.json().get("rule").asText()).isEqualTo("read-model-rebuilding");
                assertThat(r.json().has("percentDone")).isTrue();
                assertThat(r.raw().headers().firstValue("Retry-After")).isPresent();
            }
            // the history is read from the event store: whole throughout
            assertThat(duringHistory.status()).as(duringHistory.body()).isEqualTo(200);
            assertThat(duringHistory.body()).isEqualTo(historyBefore);
            assertThat(duringReadiness.status()).isEqualTo(503);
            assertThat(duringReadiness.body()).contains("OUT_OF_SERVICE");
            assertThat(secondStart.status()).isEqualTo(409);
            assertThat(secondStart.json().get("rule").asText()).isEqualTo("rebuild-running");
        }
        assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200);

        Map<String, List<Document>> rebuilt = readModels();
        assertThat(rebuilt.keySet()).isEqualTo(before.keySet());
        List<String> differences = new ArrayList<>();
        for (String collection : before.keySet()) {
            List<Document> was = before.get(collection);
            List<Document> is = rebuilt.get(collection);
            if (was.size() != is.size()) {
                differences.add(collection + ": " + was.size() + " documents before, " + is.size() + " after");
                continue;
            }
            for (int i = 0; i < was.size(); i++) {
                Document a = was.get(i);
                Document b = is.get(i);
                if (!a.equals(b)) {
                    List<String> keys = new ArrayList<>();
                    for (String k : new java.util.TreeSet<>(java.util.Set.copyOf(
                            java.util.stream.Stream.concat(a.keySet().stream(), b.keySet().stream()).toList()))) {
                        if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                            keys.add(k + ": " + a.get(k) + " -> " + b.get(k));
                        }
                    }
                    differences.add(collection + " " + a.get("_id") + " " + keys);
                }
            }
        }
        differences.stream().limit(60).forEach(d -> System.out.println("DIFF " + d));
        assertThat(differences).isEmpty();
        assertThat(LedgerTestSupport.expect(api.get("reader", "/api/v1/dashboards/sessions/" + SESSION), 200).body())
                .isEqualTo(dashboardBefore);
    }

    private boolean caughtUp(Api api) {
        JsonNode p = processors(api);
        if (!p.get("ready").asBoolean()) {
            return false;
        }
        for (JsonNode processor : p.get("processors")) {
            if (processor.get("readModel").asBoolean()
                    && processor.get("position").asLong() < processor.get("head").asLong()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode processors(Api api) {
        return LedgerTestSupport.expect(api.get("office", "/api/v1/admin/processors"), 200).json();
    }

    /**
     * A dashboard counter as its readers see it. Counters are kept by {@code $inc} and
     * {@code $addToSet} per batch, so how a value is stored depends on how the events fell into
     * batches, not on the events: a count that went up and down in different batches is stored as
     * 0, in one batch not at all (both read as 0); the sets {@code months}, {@code categories},
     * {@code deputies} hold their members in arrival order; a session's {@code tablesRevision} counts
     * batches and its {@code epoch} is drawn anew. Compared: zero counts, revision and epoch dropped, sets sorted.
     */
    @SuppressWarnings("unchecked")
    private static Document counterValues(Document counter) {
        Document out = new Document();
        counter.forEach((key, value) -> {
            // the session document's table revision counts batches, and its epoch is new with each build
            if (value instanceof Number n && n.longValue() == 0 || key.equals("tablesRevision") || key.equals("epoch")) {
                return;
            }
            if (value instanceof Document nested) {
                out.put(key, counterValues(nested));
            } else if (value instanceof List<?> set) {
                out.put(key, new java.util.TreeSet<>((List<String>) set));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    /** Every read-model collection (all but the processor tokens), documents in {@code _id} order. */
    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : mongo.getCollectionNames()) {
            // not read models: the processors' tokens and the query sides' heartbeats
            if (name.equals(ReadModelStoreAutoConfiguration.TOKENS_COLLECTION) || name.equals(SegmentBalancer.COLLECTION)
                    || name.startsWith("system.")) {
                continue;
            }
            List<Document> documents = mongo.getCollection(name).find().sort(new Document("_id", 1))
                    .into(new ArrayList<>());
            // day documents too: a count that went up and down in different batches is stored as 0
            if (name.equals(CounterStore.COUNTERS) || name.equals(CounterStore.DAYS)) {
                documents.replaceAll(RebuildEndToEndTest::counterValues);
            }
            all.put(name, documents);
        }
        return all;
    }
}
