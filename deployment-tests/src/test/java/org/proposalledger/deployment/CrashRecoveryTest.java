package org.proposalledger.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * kill -9 under load: the standalone jar in its own JVM, 8 clients sending whole proposal
 * lifecycles over HTTP, each request with its own {@code X-Correlation-Id}; the JVM is killed
 * with SIGKILL once a number of commands drawn from the printed seed (at least
 * {@value #MIN_ACKNOWLEDGED} since the last start) has been acknowledged, and started again on the
 * same data. After the last restart: every acknowledged command's events are in the event store,
 * every command stored is stored whole (all the events it causes or none), every aggregate's
 * sequence numbers run 0..n-1, the hash chain holds, the deadline table matches the events it
 * derives from (it is written in the events' transaction), and the read models the restarted
 * process recovered (the embedded store's file, crashed with it) equal, document by document, a
 * fresh rebuild from the same events by another process.
 * <p>
 * Three kills on the embedded default (H2 event store and embedded read-model file, both in the
 * data folder) and one with PostgreSQL as the event store ({@code LEDGER_TEST_CRASH_POSTGRES_URL},
 * which .ci/run creates, else {@code <database of LEDGER_TEST_POSTGRES_URL>_crash}; skipped
 * without either). {@code -Dledger.crash.seed=N} repeats the kill points of a run (the threads'
 * interleaving is never repeated); {@code -Dledger.crash.h2-kills} and {@code -Dledger.crash.postgres-kills}
 * change the counts. Prints lines starting {@code [crash]}; the processes' logs are in
 * {@code target/deployment-logs/}.
 */
class CrashRecoveryTest {

    static final int CLIENTS = 8;
    static final int MIN_ACKNOWLEDGED = 1000;
    /** The kill comes after MIN_ACKNOWLEDGED + [0, KILL_SPREAD) acknowledged commands. */
    static final int KILL_SPREAD = 300;
    static final int H2_KILLS = Integer.getInteger("ledger.crash.h2-kills", 3);
    static final int POSTGRES_KILLS = Integer.getInteger("ledger.crash.postgres-kills", 1);
    static final long SEED = Long.getLong("ledger.crash.seed", System.nanoTime());
    static final String PG_USER = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres");
    static final String SESSION = "crash";
    static final String PREFIX = "crash-";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper JSON = new ObjectMapper();

    /** The events each command causes, in order; a command stored in part would show another list. */
    static final Map<String, List<String>> EVENTS_OF = Map.ofEntries(
            Map.entry("session", List.of("CongressSessionRegistered")),
            Map.entry("unit", List.of("HandlingUnitRegistered")),
            Map.entry("deputy", List.of("DeputyRegistered")),
            Map.entry("submit", List.of("ProposalSubmitted")),
            Map.entry("register", List.of("ProposalRegistered")),
            Map.entry("key", List.of("ProposalDesignatedKey")),
            Map.entry("assign", List.of("ProposalAssigned", "HandlingTermsSet")),
            Map.entry("withdraw", List.of("ProposalWithdrawn")),
            Map.entry("co-opinion", List.of("CoUnitOpinionGiven")),
            Map.entry("consult", List.of("ConsultationHeld")),
            Map.entry("reply", List.of("ProposalReplied")),
            Map.entry("follow-up", List.of("FollowUpReported")),
            Map.entry("rate", List.of("ProposalRated")),
            Map.entry("rate-unsatisfied", List.of("ProposalRated", "RehandlingOrdered")),
            Map.entry("close", List.of("ProposalClosed")));

    static final List<SideProcess> processes = new java.util.concurrent.CopyOnWriteArrayList<>();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(CLIENTS)).build();
    final Random random = new Random(SEED);
    /** Every command sent: correlation id → kind. */
    final Map<String, String> sent = new ConcurrentHashMap<>();
    /** Correlation ids answered 2xx. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Anything a client saw that a healthy ledger never answers: failing the test at the end of a cycle. */
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final List<Cycle> cycles = new ArrayList<>();

    @BeforeAll
    static void needsTheJar() {
        assumeTrue(Files.isRegularFile(jar()), "standalone jar not built (run `./mvnw verify`, not `test`): crash test skipped");
        // a test JVM stopped from outside must not leave a ledger running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(SideProcess::destroyNow)));
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (SideProcess p : processes) {
            p.close();
        }
        processes.clear();
    }

    @Test
    void acknowledged_commands_survive_kill_9_on_the_embedded_default() throws Exception {
        Path dir = freshDir("h2");
        Path data = dir.resolve("data");
        crashAndRecover("h2", data, List.of(), true, H2_KILLS,
                () -> DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().normalize().resolve("eventstore")
                        + ";ACCESS_MODE_DATA=r", "", ""));
    }

    @Test
    void acknowledged_commands_survive_kill_9_with_postgresql() throws Exception {
        String own = System.getenv("LEDGER_TEST_CRASH_POSTGRES_URL");
        String base = System.getenv("LEDGER_TEST_POSTGRES_URL");
        if (System.getenv("CI") != null) {
            assertThat(own).as("CI must set LEDGER_TEST_CRASH_POSTGRES_URL").isNotBlank();
        }
        assumeTrue(own != null && !own.isBlank() || base != null && !base.isBlank(),
                "neither LEDGER_TEST_CRASH_POSTGRES_URL nor LEDGER_TEST_POSTGRES_URL is set: PostgreSQL crash test skipped");
        String url = freshDatabase(own != null && !own.isBlank() ? own
                : base.replaceFirst("/([^/?]+)(\\?|$)", "/$1_crash$2"));
        Path data = freshDir("postgres").resolve("data");
        crashAndRecover("postgres", data, List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PG_USER), false, POSTGRES_KILLS,
                () -> DriverManager.getConnection(url, PG_USER, null));
    }

    interface EventStore {
        Connection open() throws SQLException;
    }

    /**
     * {@code ownEventStore}: the event store is a file in the data folder (H2), so the rebuilding
     * process gets a copy of it, taken after the last kill; otherwise it shares the database.
     */
    private void crashAndRecover(String store, Path data, List<String> storeArgs, boolean ownEventStore, int kills,
                                 EventStore eventStore) throws Exception {
        long start = System.nanoTime();
        print(store, "seed %d (-Dledger.crash.seed=%d repeats the kill points), %d kills, data %s", SEED, SEED, kills, data);
        List<String> args = new ArrayList<>(storeArgs);
        args.add("--ledger.data-dir=" + data);
        SideProcess ledger = ledger(store + "-0", args);
        ledger.awaitReady(Duration.ofSeconds(180));
        command(ledger, "PUT", "/api/v1/sessions/" + SESSION, "office", "{\"name\":\"断电测试会议\",\"opensOn\":\"2026-01-05\"}",
                PREFIX + "ref-session", "session");
        command(ledger, "PUT", "/api/v1/units/commerce", "office", "{\"name\":\"市商务局\",\"kind\":\"DEPARTMENT\"}",
                PREFIX + "ref-commerce", "unit");
        command(ledger, "PUT", "/api/v1/units/education", "office", "{\"name\":\"市教育局\",\"kind\":\"DEPARTMENT\"}",
                PREFIX + "ref-education", "unit");
        command(ledger, "PUT", "/api/v1/deputies/zhu-heping", "office", "{\"name\":\"朱和平\",\"delegation\":\"离石区代表团\"}",
                PREFIX + "ref-zhu", "deputy");
        assertThat(failures).as("reference data").isEmpty();
        assertThat(acknowledged).hasSize(4);

        MongoServer rebuildServer = new MongoServer(new MemoryBackend());
        rebuildServer.bind("127.0.0.1", 0);
        try (MongoClient rebuildClient = MongoClients.create("mongodb://127.0.0.1:" + rebuildServer.getLocalAddress().getPort())) {
            SideProcess rebuilder = null;
            for (int kill = 1; kill <= kills; kill++) {
                loadThenKill(store, kill, ledger);
                long restart = System.nanoTime();
                if (kill == kills) {
                    // the fresh rebuild starts beside the last restart, from the same events
                    Path rebuildData = data.resolveSibling("rebuild");
                    Files.createDirectories(rebuildData);
                    List<String> rebuildArgs = new ArrayList<>(storeArgs);
                    if (ownEventStore) {
                        Files.copy(data.resolve("eventstore.mv.db"), rebuildData.resolve("eventstore.mv.db"));
                    }
                    rebuildArgs.add("--ledger.data-dir=" + rebuildData);
                    rebuildArgs.add("--spring.data.mongodb.uri=mongodb://127.0.0.1:"
                            + rebuildServer.getLocalAddress().getPort() + "/rebuild");
                    rebuilder = ledger(store + "-rebuild", rebuildArgs);
                }
                ledger = ledger(store + "-" + kill, args);
                // recovery is automatic: the same command line on the same data comes up ready
                ledger.awaitReady(Duration.ofSeconds(180));
                print(store, "restart %d ready in %.1f s (read models caught up with the stored events)", kill,
                        (System.nanoTime() - restart) / 1e9);
            }
            Outcome chain = call(ledger, "POST", "/api/v1/admin/verification", "office", null, PREFIX + "verify");
            assertThat(chain).isNotNull();
            assertThat(chain.status).as(chain.body).isEqualTo(200);
            JsonNode verified = chain.json();
            print(store, "hash chain after the restarts: %s aggregates intact, %s broken, %s events",
                    verified.get("intact"), verified.get("broken"), verified.get("events"));
            assertThat(verified.get("broken").asLong()).as("aggregates whose hash chain is broken: %s", chain.body).isZero();
            // a clean stop, so this JVM can open its files
            assertThat(ledger.stop(Duration.ofSeconds(60))).as("%s stopped on SIGTERM; see %s", ledger.name, ledger.log).isTrue();

            StoreFacts facts = storeFacts(eventStore);
            checkEvents(store, facts);
            checkDeadlineRows(store, facts, eventStore);
            assertThat(rebuilder).isNotNull();
            rebuilder.awaitReady(Duration.ofSeconds(180));
            compareWithRebuild(store, data, rebuildClient.getDatabase("rebuild"), facts);
        } finally {
            rebuildServer.shutdownNow();
        }
        print(store, "crash test on %s took %.0f s", store, (System.nanoTime() - start) / 1e9);
    }

    // ------------------------------------------------------------------ load and kill

    private void loadThenKill(String store, int kill, SideProcess ledger) throws InterruptedException {
        int target = MIN_ACKNOWLEDGED + random.nextInt(KILL_SPREAD);
        AtomicInteger acks = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch reached = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> ackTimes = new ConcurrentLinkedQueue<>();
        Set<String> cycleAcknowledged = ConcurrentHashMap.newKeySet();
        Set<String> cycleUnanswered = ConcurrentHashMap.newKeySet();
        Cycle cycle = new Cycle(kill, ledger, target, acks, killed, reached, ackTimes, cycleAcknowledged, cycleUnanswered);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long loadStart = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int n = 0; !killed.get() && failures.isEmpty(); n++) {
                    lifecycle(cycle, client, n);
                }
                return null;
            });
        }
        boolean got = reached.await(240, TimeUnit.SECONDS);
        assertThat(failures).as("answers a healthy ledger never gives, before the kill").isEmpty();
        assertThat(got).as("%d commands acknowledged within 240 s (%d were)", target, acks.get()).isTrue();
        killed.set(true);
        long killedAt = System.nanoTime();
        ledger.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients done after the kill").isTrue();
        double seconds = (killedAt - loadStart) / 1e9;
        long lastHalfSecond = ackTimes.stream().filter(t -> t > killedAt - 500_000_000L).count();
        print(store, "kill %d: SIGKILL to pid %d after %d acknowledged commands (target %d; %.0f commands/s"
                        + " over %.1f s; %d acknowledged in the last 0.5 s), %d sent and unanswered",
                kill, ledger.pid(), cycleAcknowledged.size(), target, acks.get() / seconds, seconds, lastHalfSecond,
                cycleUnanswered.size());
        cycles.add(cycle);
        assertThat(failures).as("answers a healthy ledger never gives").isEmpty();
        assertThat(cycleAcknowledged.size()).isGreaterThanOrEqualTo(MIN_ACKNOWLEDGED);
    }

    record Cycle(int kill, SideProcess ledger, int target, AtomicInteger acks, AtomicBoolean killed,
                 CountDownLatch reached, ConcurrentLinkedQueue<Long> ackTimes, Set<String> acknowledged,
                 Set<String> unanswered) {
    }

    /**
     * One proposal's whole life, as far as the kill lets it go: submit, register, sometimes
     * designate key, assign (with a co-unit), then either withdraw, or co-opinion, consultation,
     * reply (B replies followed up), rating — an unsatisfied one orders re-handling, a second reply
     * and rating follow — and closure.
     */
    private void lifecycle(Cycle cycle, int client, int n) {
        String p = PREFIX + cycle.kill + "-" + client + "-" + n + "-";
        Outcome submitted = step(cycle, "POST", "/api/v1/proposals", "deputy-zhu", """
                {"sessionId":"%s","title":"关于第%d-%d-%d号断电测试事项的建议","proposerIds":["zhu-heping"],"andOthers":%b,
                 "category":"%s","background":"背景说明。","suggestions":["一是加强协调。","二是落实责任。"]}"""
                .formatted(SESSION, cycle.kill, client, n, n % 2 == 0, n % 3 == 0 ? "ECONOMY" : "AGRICULTURE"),
                p + "submit", "submit");
        if (submitted == null) {
            return;
        }
        String path = "/api/v1/proposals/" + submitted.json().get("id").asText();
        if (step(cycle, "POST", path + "/registration", "office", "{\"number\":\"第" + cycle.kill + "-" + client + "-" + n + "号\"}",
                p + "register", "register") == null) {
            return;
        }
        if (n % 3 == 0 && step(cycle, "POST", path + "/key-designation", "office", "{\"supervisingLeader\":\"张副主任\"}",
                p + "key", "key") == null) {
            return;
        }
        if (step(cycle, "POST", path + "/assignment", "office", "{\"leadUnitId\":\"commerce\",\"coUnitIds\":[\"education\"]}",
                p + "assign", "assign") == null) {
            return;
        }
        if (n % 7 == 6) {
            step(cycle, "POST", path + "/withdrawal", "deputy-zhu", "{\"reason\":\"情况已变化。\"}", p + "withdraw", "withdraw");
            return;
        }
        if (step(cycle, "POST", path + "/co-opinions", "unit-education", "{\"text\":\"同意主办单位意见。\"}",
                p + "co-opinion", "co-opinion") == null) {
            return;
        }
        if (step(cycle, "POST", path + "/consultations", "unit-commerce", """
                {"heldOn":"%s","mode":"IN_PERSON","participants":["朱和平"],"notes":"当面沟通"}"""
                .formatted(LocalDate.now(ZONE)), p + "consult", "consult") == null) {
            return;
        }
        boolean unsatisfied = n % 5 == 4;
        for (int round = 1; round <= (unsatisfied ? 2 : 1); round++) {
            String classification = n % 4 == 1 ? "B" : "A";
            if (step(cycle, "POST", path + "/replies", "unit-commerce",
                    "{\"classification\":\"" + classification + "\",\"text\":\"已办理。\",\"signedBy\":\"王局长\"}",
                    p + "reply-" + round, "reply") == null) {
                return;
            }
            if ("B".equals(classification) && step(cycle, "POST", path + "/follow-ups", "unit-commerce",
                    "{\"text\":\"正在推进。\"}", p + "follow-up-" + round, "follow-up") == null) {
                return;
            }
            boolean last = round == (unsatisfied ? 2 : 1);
            String rating = !last ? "UNSATISFIED" : n % 2 == 0 ? "SATISFIED" : "BASICALLY_SATISFIED";
            if (step(cycle, "POST", path + "/ratings", "deputy-zhu", "{\"rating\":\"" + rating + "\",\"comment\":\"意见\"}",
                    p + "rate-" + round, last ? "rate" : "rate-unsatisfied") == null) {
                return;
            }
        }
        step(cycle, "POST", path + "/closure", "office", "{}", p + "close", "close");
    }

    /** One command of a lifecycle; null when the lifecycle cannot go on (no answer, or not a 2xx). */
    private Outcome step(Cycle cycle, String method, String path, String user, String body, String correlation, String kind) {
        if (cycle.killed.get()) {
            return null;
        }
        sent.put(correlation, kind);
        Outcome o = call(cycle.ledger, method, path, user, body, correlation);
        if (o == null) {
            cycle.unanswered.add(correlation);
            if (!cycle.killed.get()) {
                failures.add(correlation + ": no answer before the kill");
                cycle.reached.countDown(); // fail now, not after the wait
            }
            return null;
        }
        if (o.status / 100 != 2) {
            failures.add(correlation + ": " + o.status + " " + o.body);
            cycle.reached.countDown();
            return null;
        }
        acknowledged.add(correlation);
        cycle.acknowledged.add(correlation);
        cycle.ackTimes.add(System.nanoTime());
        if (cycle.acks.incrementAndGet() == cycle.target) {
            cycle.reached.countDown();
        }
        return o;
    }

    private void command(SideProcess ledger, String method, String path, String user, String body, String correlation,
                         String kind) {
        sent.put(correlation, kind);
        Outcome o = call(ledger, method, path, user, body, correlation);
        if (o != null && o.status / 100 == 2) {
            acknowledged.add(correlation);
        } else {
            failures.add(correlation + ": " + (o == null ? "no answer" : o.status + " " + o.body));
        }
    }

    /** The answer, or null when the connection failed (the process is gone). */
    private Outcome call(SideProcess side, String method, String path, String user, String body, String correlation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(side.base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("X-Correlation-Id", correlation)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Outcome(r.statusCode(), r.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Outcome(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ------------------------------------------------------------------ the event store

    record StoredEvent(long globalIndex, String aggregate, long sequence, String type, String correlation) {
    }

    record StoreFacts(List<StoredEvent> events, long distinctIds, long maxGlobalIndex) {
        Map<String, List<StoredEvent>> byCorrelation() {
            return events.stream().collect(Collectors.groupingBy(StoredEvent::correlation, TreeMap::new, Collectors.toList()));
        }

        Map<String, List<StoredEvent>> byAggregate() {
            return events.stream().sorted(Comparator.comparingLong(StoredEvent::sequence))
                    .collect(Collectors.groupingBy(StoredEvent::aggregate, TreeMap::new, Collectors.toList()));
        }
    }

    private static StoreFacts storeFacts(EventStore eventStore) throws SQLException, IOException {
        try (Connection c = eventStore.open(); Statement s = c.createStatement()) {
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT globalIndex, aggregateIdentifier, sequenceNumber, payloadType, metaData"
                    + " FROM DomainEventEntry WHERE type IS NOT NULL ORDER BY globalIndex")) {
                while (r.next()) {
                    String type = r.getString(4);
                    JsonNode correlation = JSON.readTree(r.getBytes(5)).get("correlationId");
                    events.add(new StoredEvent(r.getLong(1), r.getString(2), r.getLong(3),
                            type.substring(type.lastIndexOf('.') + 1), correlation == null ? "(none)" : correlation.asText()));
                }
            }
            long distinct;
            try (ResultSet r = s.executeQuery("SELECT count(DISTINCT eventIdentifier) FROM DomainEventEntry WHERE type IS NOT NULL")) {
                r.next();
                distinct = r.getLong(1);
            }
            long max = events.stream().mapToLong(StoredEvent::globalIndex).max().orElse(-1);
            return new StoreFacts(events, distinct, max);
        }
    }

    private void checkEvents(String store, StoreFacts facts) {
        Map<String, List<StoredEvent>> byCorrelation = facts.byCorrelation();
        Map<String, List<StoredEvent>> byAggregate = facts.byAggregate();
        // every acknowledged command is there, per kill
        for (Cycle cycle : cycles) {
            long found = cycle.acknowledged.stream().filter(byCorrelation::containsKey).count();
            long unansweredStored = cycle.unanswered.stream().filter(byCorrelation::containsKey).count();
            print(store, "kill %d: %d of %d acknowledged commands found after the restart; %d of the %d"
                    + " unanswered ones were stored (whole)", cycle.kill, found, cycle.acknowledged.size(),
                    unansweredStored, cycle.unanswered.size());
        }
        List<String> lost = acknowledged.stream().filter(c -> !byCorrelation.containsKey(c)).sorted().toList();
        assertThat(lost).as("acknowledged commands whose events are missing").isEmpty();
        // nothing stored that no client sent, and every command stored whole
        assertThat(byCorrelation.keySet()).as("correlation ids in the store that no client sent")
                .isSubsetOf(sent.keySet());
        List<String> partial = new ArrayList<>();
        byCorrelation.forEach((correlation, events) -> {
            List<StoredEvent> ordered = events.stream().sorted(Comparator.comparingLong(StoredEvent::globalIndex)).toList();
            List<String> types = ordered.stream().map(StoredEvent::type).toList();
            boolean oneAggregate = ordered.stream().map(StoredEvent::aggregate).distinct().count() == 1;
            boolean consecutive = true;
            for (int i = 1; i < ordered.size(); i++) {
                consecutive &= ordered.get(i).sequence == ordered.get(i - 1).sequence + 1;
            }
            if (!types.equals(EVENTS_OF.get(sent.get(correlation))) || !oneAggregate || !consecutive) {
                partial.add(correlation + " (" + sent.get(correlation) + "): " + ordered);
            }
        });
        assertThat(partial).as("commands not stored whole (expected %s)", EVENTS_OF).isEmpty();
        List<String> gaps = new ArrayList<>();
        byAggregate.forEach((aggregate, events) -> {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).sequence != i) {
                    gaps.add(aggregate + ": " + events.stream().map(StoredEvent::sequence).toList());
                    break;
                }
            }
        });
        assertThat(gaps).as("aggregates whose sequence numbers are not 0..n-1").isEmpty();
        assertThat(facts.distinctIds).as("no event stored twice").isEqualTo(facts.events.size());
        print(store, "event store: %d events of %d commands on %d aggregates; all %d acknowledged commands"
                        + " found whole; sequences contiguous", facts.events.size(), byCorrelation.size(), byAggregate.size(),
                acknowledged.size());
    }

    /**
     * The deadline table as the events say it must be: a reply row (lead unit) and a co-opinion row
     * (each co-unit) for every assigned proposal not withdrawn or closed, the reply row open unless
     * the latest of assignment, re-handling and reply is a reply, the co-opinion row open until the
     * co-unit's opinion or a reply.
     */
    private void checkDeadlineRows(String store, StoreFacts facts, EventStore eventStore) throws SQLException {
        Set<String> expected = new TreeSet<>();
        facts.byAggregate().forEach((aggregate, events) -> {
            List<String> types = events.stream().map(StoredEvent::type).toList();
            if (!types.contains("HandlingTermsSet") || types.contains("ProposalWithdrawn") || types.contains("ProposalClosed")) {
                return;
            }
            String lastReplyMove = types.stream().filter(t -> Set.of("HandlingTermsSet", "RehandlingOrdered", "ProposalReplied")
                    .contains(t)).reduce((a, b) -> b).orElseThrow();
            boolean replied = types.contains("ProposalReplied");
            expected.add(aggregate + " REPLY commerce " + !"ProposalReplied".equals(lastReplyMove));
            expected.add(aggregate + " CO_OPINION education " + !(replied || types.contains("CoUnitOpinionGiven")));
        });
        Set<String> actual = new TreeSet<>();
        try (Connection c = eventStore.open(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT proposal_id, kind, unit_id, is_open FROM ledger_deadline")) {
            while (r.next()) {
                actual.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getBoolean(4));
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertThat(missing).as("deadline rows the events call for, missing").isEmpty();
        assertThat(extra).as("deadline rows the events do not call for").isEmpty();
        print(store, "deadline table: %d rows, as the events say", actual.size());
    }

    // ------------------------------------------------------------------ read models

    /**
     * The read models the crashed and restarted process recovered, read from its embedded store's
     * file, against those another process built afresh from the same events.
     */
    private void compareWithRebuild(String store, Path data, MongoDatabase rebuild, StoreFacts facts) {
        MVStore recoveredFile = new MVStore.Builder().fileName(data.resolve("readmodel.mv").toString()).open();
        MongoServer recoveredServer = new MongoServer(new H2Backend(recoveredFile));
        recoveredServer.bind("127.0.0.1", 0);
        try (MongoClient recoveredClient = MongoClients.create("mongodb://127.0.0.1:" + recoveredServer.getLocalAddress().getPort())) {
            MongoDatabase recovered = recoveredClient.getDatabase("ledger");
            assertThat(ReadModels.caughtUp(recovered, facts.maxGlobalIndex))
                    .as("the restarted process's read models reached global index %d", facts.maxGlobalIndex).isTrue();
            ReadModels.awaitCaughtUp(rebuild, facts.maxGlobalIndex, Duration.ofSeconds(180));
            // a token may be stored a moment before its batch's last writes land: compare until equal, or fail after a minute
            AtomicReference<Map<String, Integer>> equal = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> equal.set(ReadModels.assertEqual(recovered, rebuild)));
            print(store, "read models recovered after the kills equal a fresh rebuild, document by document: %s", equal.get());
            assertThat(equal.get()).containsKeys("proposals", "dashboard_counters", "session_supervision");
        } finally {
            recoveredServer.shutdownNow();
            if (!recoveredFile.isClosed()) {
                recoveredFile.close();
            }
        }
    }

    // ------------------------------------------------------------------ processes and folders

    private static SideProcess ledger(String name, List<String> storeArgs) {
        List<String> args = new ArrayList<>(storeArgs);
        args.addAll(List.of(
                // plain passwords: bcrypt on every request would hold the load to ~30 commands/s
                "--ledger.users[0].username=office", "--ledger.users[0].password={noop}office",
                "--ledger.users[0].role=OFFICE",
                "--ledger.users[1].username=unit-commerce", "--ledger.users[1].password={noop}unit-commerce",
                "--ledger.users[1].role=UNIT", "--ledger.users[1].unit-id=commerce",
                "--ledger.users[2].username=unit-education", "--ledger.users[2].password={noop}unit-education",
                "--ledger.users[2].role=UNIT", "--ledger.users[2].unit-id=education",
                "--ledger.users[3].username=deputy-zhu", "--ledger.users[3].password={noop}deputy-zhu",
                "--ledger.users[3].role=DEPUTY", "--ledger.users[3].deputy-id=zhu-heping",
                "--logging.level.org.mongodb.driver=warn",
                "--spring.main.banner-mode=off"));
        SideProcess p = SideProcess.start("crash-" + name, jar(), logs(), args);
        processes.add(p);
        return p;
    }

    private static Path jar() {
        return Path.of(System.getProperty("ledger.standalone.jar", "../standalone/target/proposal-ledger.jar"));
    }

    private static Path logs() {
        return Path.of(System.getProperty("ledger.deployment.logs", "target/deployment-logs"));
    }

    private static Path freshDir(String store) throws IOException {
        Path dir = logs().resolve("crash-" + store);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String freshDatabase(String url) throws SQLException {
        String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        String admin = url.replaceFirst("/([^/?]+)(\\?|$)", "/postgres$2");
        try (Connection c = DriverManager.getConnection(admin, PG_USER, null); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        return url;
    }

    private static void print(String store, String format, Object... args) {
        System.out.println("[crash " + store + "] " + String.format(format, args));
    }
}
