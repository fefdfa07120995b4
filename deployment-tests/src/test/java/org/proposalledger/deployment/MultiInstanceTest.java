package org.proposalledger.deployment;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two command-side and two query-side processes, started from their jars, on one PostgreSQL event
 * store and one Mongo-protocol server (mongo-java-server, in memory, in this JVM), without Axon
 * Server. 10,000 commands go to both command sides at once, each proposal's assignment and reply
 * sent to both sides at the same moment; one query side is killed halfway. Then: every accepted
 * command's events are in the store once, with contiguous sequences, and no refused command left
 * any; every conflict was answered 409 (a lost append race is retried and then meets the rule);
 * the query sides split the segments, the survivor takes the dead one's over; and the read
 * models equal those a fresh query side builds alone from the same events.
 * <p>
 * Needs {@code LEDGER_TEST_POSTGRES_URL} (set by .ci/run) and the two side jars (built by the
 * reactor before this module); skipped with the reason otherwise. The database used is
 * {@code LEDGER_TEST_DEPLOYMENT_POSTGRES_URL}, or {@code <that database>_deployment} on the same
 * server, emptied first.
 */
class MultiInstanceTest {

    static final String BASE_URL = System.getenv("LEDGER_TEST_POSTGRES_URL");
    static final String PG_USER = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres");
    static final String SESSION = "deployment";
    /** 6 commands each + 4 reference-data commands = 10,000; smaller with -Dledger.deployment.proposals=N. */
    static final int PROPOSALS = Integer.getInteger("ledger.deployment.proposals", 1666);
    static final int REFERENCE_COMMANDS = 4;
    static final int WORKERS = 12;
    static final int MAX_RETRIES = 5;
    static final String VIEWS = ReadModels.VIEWS;
    static final ObjectMapper JSON = new ObjectMapper();

    static String pgUrl;
    static MongoServer mongoServer;
    static String mongoUri;
    static MongoClient mongo;
    static final List<SideProcess> processes = new java.util.concurrent.CopyOnWriteArrayList<>();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    final AtomicInteger commandsSent = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final Map<Integer, AtomicInteger> otherStatuses = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> conflictRules = new ConcurrentHashMap<>();
    final Set<String> acceptedCorrelations = ConcurrentHashMap.newKeySet();
    final Set<String> refusedCorrelations = ConcurrentHashMap.newKeySet();
    final AtomicInteger proposalsDone = new AtomicInteger();

    @BeforeAll
    static void needsPostgresAndJars() throws Exception {
        if (System.getenv("CI") != null) {
            assertThat(BASE_URL).as("CI must set LEDGER_TEST_POSTGRES_URL").isNotBlank();
        }
        assumeTrue(BASE_URL != null && !BASE_URL.isBlank(),
                "LEDGER_TEST_POSTGRES_URL is not set: multi-instance test (PostgreSQL event store) skipped");
        assumeTrue(Files.isRegularFile(jar("command-side")) && Files.isRegularFile(jar("query-side")),
                "side jars not built (run `./mvnw verify`, not `test`): multi-instance test skipped");
        pgUrl = freshDatabase();
        mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort();
        mongo = MongoClients.create(mongoUri);
        // a test JVM stopped from outside must not leave the side processes running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(SideProcess::destroyNow)));
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (SideProcess p : processes) {
            p.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
    }

    @Test
    void two_command_sides_and_two_query_sides_on_one_event_store() throws Exception {
        long start = System.nanoTime();
        SideProcess c1 = commandSide("command-1");
        SideProcess c2 = commandSide("command-2");
        SideProcess q1 = querySide("query-1", "ledger");
        SideProcess q2 = querySide("query-2", "ledger");
        for (SideProcess p : List.of(c1, c2, q1, q2)) {
            p.awaitReady(Duration.ofSeconds(300));
        }
        print("4 processes ready after %ds (command sides :%d :%d, query sides :%d :%d, MongoDB %s)",
                secondsSince(start), c1.port, c2.port, q1.port, q2.port, mongoUri);
        MongoDatabase shared = mongo.getDatabase("ledger");

        // each side serves its own endpoints: commands on the command side, queries on the query side
        assertThat(call("GET", c1, "/api/v1/proposals?sessionId=" + SESSION, "office", null, "probe").status)
                .isEqualTo(405);
        assertThat(call("GET", q1, "/api/v1/proposals?sessionId=" + SESSION, "office", null, "probe").status)
                .isEqualTo(200);

        awaitTrue("both query sides hold proposal-views segments", Duration.ofSeconds(60), () -> {
            Map<String, Integer> owners = claimsPerOwner(shared, VIEWS);
            return owners.getOrDefault(nodeOf(q1), 0) > 0 && owners.getOrDefault(nodeOf(q2), 0) > 0;
        });
        Map<String, Integer> before = namedClaims(shared, VIEWS, q1, q2);
        print("proposal-views segments per query side before the kill: %s", before);

        // reference data, then the load at both command sides
        command(c1, "PUT", "/api/v1/sessions/" + SESSION, "office", "{\"name\":\"部署测试会议\",\"opensOn\":\"2026-01-05\"}", "ref-1");
        command(c2, "PUT", "/api/v1/units/commerce", "office", "{\"name\":\"市商务局\",\"kind\":\"DEPARTMENT\"}", "ref-2");
        command(c1, "PUT", "/api/v1/units/education", "office", "{\"name\":\"市教育局\",\"kind\":\"DEPARTMENT\"}", "ref-3");
        command(c2, "PUT", "/api/v1/deputies/zhu-heping", "office", "{\"name\":\"朱和平\",\"delegation\":\"离石区代表团\"}", "ref-4");
        assertThat(accepted.get()).isEqualTo(REFERENCE_COMMANDS);

        long loadStart = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        ExecutorService racers = Executors.newCachedThreadPool();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        Map<String, String> assignmentWinners = new ConcurrentHashMap<>();
        for (int w = 0; w < WORKERS; w++) {
            done.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < PROPOSALS; i = next.getAndIncrement()) {
                    lifecycle(i, i % 2 == 0 ? c1 : c2, i % 2 == 0 ? c2 : c1, racers, assignmentWinners);
                    proposalsDone.incrementAndGet();
                }
                return null;
            }));
        }
        // halfway: kill one query side while commands keep coming
        awaitTrue("half of the load", Duration.ofSeconds(900), () -> proposalsDone.get() >= PROPOSALS / 2
                || done.stream().allMatch(Future::isDone));
        awaitTrue("query-2 to hold proposal-views segments", Duration.ofSeconds(120),
                () -> claimsPerOwner(shared, VIEWS).getOrDefault(nodeOf(q2), 0) > 0);
        Map<String, Integer> atKill = namedClaims(shared, VIEWS, q1, q2);
        long killedAt = System.nanoTime();
        q2.kill();
        assertThat(atKill.get("query-2")).as("segments held by the query side killed").isPositive();
        print("killed query-2 (pid %d) after %d of %d proposals; its claims then: %s",
                q2.pid(), proposalsDone.get(), PROPOSALS, atKill);
        awaitTrue("query-1 to take over every proposal-views segment", Duration.ofSeconds(180),
                () -> claimsPerOwner(shared, VIEWS).equals(Map.of(nodeOf(q1), segmentCount(shared, VIEWS))));
        long takeoverSeconds = secondsSince(killedAt);
        Map<String, Integer> after = namedClaims(shared, VIEWS, q1, q2);
        print("proposal-views segments per query side after the kill (taken over in %ds, %d of %d proposals done): %s",
                takeoverSeconds, proposalsDone.get(), PROPOSALS, after);
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        racers.shutdown();
        long loadSeconds = secondsSince(loadStart);

        // --- what the clients saw
        print("commands sent %d, HTTP requests %d (retries %d), 2xx %d, 409 %d %s, other %s, load %ds",
                commandsSent.get(), requests.get(), retries.get(), accepted.get(), conflicts.get(), conflictRules,
                otherStatuses, loadSeconds);
        assertThat(commandsSent.get()).isEqualTo(REFERENCE_COMMANDS + 6 * PROPOSALS);
        assertThat(otherStatuses).as("statuses other than 2xx and 409").isEmpty();
        // per proposal: submit, register, one of two assignments, one of two replies
        assertThat(accepted.get()).isEqualTo(REFERENCE_COMMANDS + 4 * PROPOSALS);
        assertThat(acceptedCorrelations).hasSize(accepted.get());
        assertThat(conflicts.get() - retries.get()).as("final answers that were 409").isEqualTo(2 * PROPOSALS);
        assertThat(conflictRules.keySet()).isSubsetOf("already-assigned", "already-replied", "concurrent-modification");

        // --- what the event store holds
        StoreFacts store = storeFacts();
        print("events stored %d (%d aggregates, sequences contiguous: %s, distinct event ids %d), by type %s",
                store.events, store.aggregates, store.gaps.isEmpty(), store.distinctIds, store.byType);
        assertThat(store.distinctIds).as("no event stored twice").isEqualTo(store.events);
        assertThat(store.gaps).as("aggregates whose sequence numbers are not 0..n-1").isEmpty();
        assertThat(store.byType.get("ProposalSubmitted")).isEqualTo(PROPOSALS);
        assertThat(store.byType.get("ProposalRegistered")).isEqualTo(PROPOSALS);
        assertThat(store.byType.get("ProposalAssigned")).isEqualTo(PROPOSALS);
        assertThat(store.byType.get("ProposalReplied")).isEqualTo(PROPOSALS);
        assertThat(store.correlations).as("every event caused by an accepted command")
                .isSubsetOf(acceptedCorrelations);
        assertThat(acceptedCorrelations).as("every accepted command stored its events")
                .isSubsetOf(store.correlations);
        assertThat(store.correlations).as("no refused command stored anything")
                .doesNotContainAnyElementsOf(refusedCorrelations);

        // --- the surviving query side completes the read models
        awaitCaughtUp(shared, store.maxGlobalIndex, Duration.ofSeconds(120));
        long replied = shared.getCollection("proposals")
                .countDocuments(new Document("sessionId", SESSION).append("status", "REPLIED"));
        print("query-1 caught up to global index %d %ds after the load; proposals REPLIED in its read model: %d",
                store.maxGlobalIndex, secondsSince(loadStart) - loadSeconds, replied);
        assertThat(replied).isEqualTo(PROPOSALS);

        // --- a single query side, alone on an empty database, rebuilds from the same events
        long rebuildStart = System.nanoTime();
        SideProcess q3 = querySide("query-rebuild", "rebuild");
        q3.awaitReady(Duration.ofSeconds(300));
        MongoDatabase rebuild = mongo.getDatabase("rebuild");
        awaitCaughtUp(rebuild, store.maxGlobalIndex, Duration.ofSeconds(180));
        print("single-process rebuild: ready and caught up in %ds", secondsSince(rebuildStart));
        // a token may be stored a moment before its batch's last writes land: compare until equal, or fail after a minute
        AtomicReference<Map<String, Integer>> equal = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> equal.set(ReadModels.assertEqual(shared, rebuild)));
        Map<String, Integer> compared = equal.get();
        print("read models equal document by document: %s", compared);
        assertThat(compared).containsKey("proposals");
        print("multi-instance test took %ds", secondsSince(start));
    }

    // ------------------------------------------------------------------ load

    private void lifecycle(int i, SideProcess home, SideProcess other, ExecutorService racers,
                           Map<String, String> assignmentWinners) {
        String n = String.format("%04d", i);
        Outcome submitted = command(home, "POST", "/api/v1/proposals", "deputy-zhu", """
                {"sessionId":"%s","title":"关于第%s号部署测试事项的建议","proposerIds":["zhu-heping"],"andOthers":false,
                 "category":"ECONOMY","background":"背景说明。","suggestions":["一是加强协调。"]}""".formatted(SESSION, n),
                "p" + n + "-submit");
        assertThat(submitted.status).as("submit %s: %s", n, submitted.body).isEqualTo(201);
        String id = submitted.json().get("id").asText();
        String path = "/api/v1/proposals/" + id;
        Outcome registered = command(other, "POST", path + "/registration", "office",
                "{\"number\":\"第" + n + "号\"}", "p" + n + "-register");
        assertThat(registered.status).as("register %s: %s", n, registered.body).isEqualTo(202);
        race(racers, home, other, "POST", path + "/assignment", "office",
                "{\"leadUnitId\":\"commerce\",\"coUnitIds\":[\"education\"]}", "p" + n + "-assign", "already-assigned");
        race(racers, home, other, "POST", path + "/replies", "unit-commerce",
                "{\"classification\":\"A\",\"text\":\"已办理完毕。\",\"signedBy\":\"王局长\"}", "p" + n + "-reply",
                "already-replied");
    }

    /** The same step sent to both command sides at once: exactly one may succeed, the other gets the rule's 409. */
    private void race(ExecutorService racers, SideProcess a, SideProcess b, String method, String path, String user,
                      String body, String correlation, String rule) {
        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(
                () -> command(a, method, path, user, body, correlation + "-a"), racers);
        CompletableFuture<Outcome> second = CompletableFuture.supplyAsync(
                () -> command(b, method, path, user, body, correlation + "-b"), racers);
        List<Outcome> both = List.of(first.join(), second.join());
        assertThat(both.stream().filter(o -> o.status / 100 == 2).count()).as("%s: %s", correlation, both).isEqualTo(1);
        Outcome loser = both.stream().filter(o -> o.status / 100 != 2).findFirst().orElseThrow();
        assertThat(loser.status).as("%s: %s", correlation, loser.body).isEqualTo(409);
        assertThat(loser.rule()).as("%s: %s", correlation, loser.body).isIn(rule, "concurrent-modification");
    }

    /** One command; an append that lost a race ({@code concurrent-modification}) is sent again. */
    private Outcome command(SideProcess side, String method, String path, String user, String body, String correlation) {
        commandsSent.incrementAndGet();
        for (int attempt = 0; ; attempt++) {
            String id = correlation + "-" + attempt;
            Outcome o = call(method, side, path, user, body, id);
            requests.incrementAndGet();
            if (o.status / 100 == 2) {
                accepted.incrementAndGet();
                acceptedCorrelations.add(id);
                return o;
            }
            if (o.status != 409) {
                otherStatuses.computeIfAbsent(o.status, s -> new AtomicInteger()).incrementAndGet();
                return o;
            }
            conflicts.incrementAndGet();
            refusedCorrelations.add(id);
            conflictRules.computeIfAbsent(o.rule(), r -> new AtomicInteger()).incrementAndGet();
            if (!"concurrent-modification".equals(o.rule()) || attempt == MAX_RETRIES) {
                return o;
            }
            retries.incrementAndGet();
        }
    }

    private Outcome call(String method, SideProcess side, String path, String user, String body, String correlation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(side.base() + path))
                .timeout(Duration.ofSeconds(120))
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
            throw new UncheckedIOException(method + " " + side.name + path, e);
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

        String rule() {
            JsonNode rule = json().get("rule");
            return rule == null ? null : rule.asText();
        }
    }

    // ------------------------------------------------------------------ processes

    private static SideProcess commandSide(String name) {
        List<String> args = new ArrayList<>(common(name));
        SideProcess p = SideProcess.start(name, jar("command-side"), logs(), args);
        processes.add(p);
        return p;
    }

    private static SideProcess querySide(String name, String database) {
        List<String> args = new ArrayList<>(common(name));
        args.addAll(List.of(
                "--spring.data.mongodb.uri=" + mongoUri + "/" + database,
                // quick hand-over: look for free segments every second; a dead claim expires after
                // Axon's default 10s (shorter lets a live but busy side lose its claims on a loaded machine)
                "--ledger.query.projection.claim-interval=1s",
                "--ledger.query.balance.interval=1s"));
        SideProcess p = SideProcess.start(name, jar("query-side"), logs(), args);
        processes.add(p);
        return p;
    }

    private static List<String> common(String name) {
        Path data = logs().resolve("data-" + name);
        return List.of(
                "--spring.datasource.url=" + pgUrl,
                "--spring.datasource.username=" + PG_USER,
                "--ledger.data-dir=" + data,
                // plain passwords: bcrypt on 10,000 requests would cost more CPU than the commands
                "--ledger.users[0].username=office", "--ledger.users[0].password={noop}office",
                "--ledger.users[0].role=OFFICE",
                "--ledger.users[1].username=unit-commerce", "--ledger.users[1].password={noop}unit-commerce",
                "--ledger.users[1].role=UNIT", "--ledger.users[1].unit-id=commerce",
                "--ledger.users[2].username=deputy-zhu", "--ledger.users[2].password={noop}deputy-zhu",
                "--ledger.users[2].role=DEPUTY", "--ledger.users[2].deputy-id=zhu-heping",
                "--logging.level.org.mongodb.driver=warn",
                "--spring.main.banner-mode=off");
    }

    private static Path jar(String side) {
        return Path.of(System.getProperty("ledger." + side + ".jar", "../" + side + "/target/proposal-ledger-" + side + ".jar"));
    }

    private static Path logs() {
        return Path.of(System.getProperty("ledger.deployment.logs", "target/deployment-logs"));
    }

    // ------------------------------------------------------------------ PostgreSQL

    private static String freshDatabase() throws SQLException {
        String own = System.getenv("LEDGER_TEST_DEPLOYMENT_POSTGRES_URL");
        String url = own != null && !own.isBlank() ? own : BASE_URL.replaceFirst("/([^/?]+)(\\?|$)", "/$1_deployment$2");
        String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        String admin = url.replaceFirst("/([^/?]+)(\\?|$)", "/postgres$2");
        try (Connection c = DriverManager.getConnection(admin, PG_USER, null); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        print("event store: %s (emptied)", url);
        return url;
    }

    record StoreFacts(long events, long distinctIds, long aggregates, long maxGlobalIndex, List<String> gaps,
                      Map<String, Integer> byType, Set<String> correlations) {
    }

    private static StoreFacts storeFacts() throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(pgUrl, PG_USER, null); Statement s = c.createStatement()) {
            long events;
            long distinct;
            long maxIndex;
            try (ResultSet r = s.executeQuery("SELECT count(type), count(DISTINCT CASE WHEN type IS NOT NULL THEN eventIdentifier END),"
                    + " max(globalIndex) FROM DomainEventEntry")) {
                r.next();
                events = r.getLong(1);
                distinct = r.getLong(2);
                maxIndex = r.getLong(3);
            }
            List<String> gaps = new ArrayList<>();
            long aggregates = 0;
            try (ResultSet r = s.executeQuery("SELECT aggregateIdentifier, count(*), min(sequenceNumber), max(sequenceNumber)"
                    + " FROM DomainEventEntry WHERE type IS NOT NULL GROUP BY aggregateIdentifier")) {
                while (r.next()) {
                    aggregates++;
                    if (r.getLong(3) != 0 || r.getLong(4) != r.getLong(2) - 1) {
                        gaps.add(r.getString(1));
                    }
                }
            }
            Map<String, Integer> byType = new TreeMap<>();
            Set<String> correlations = new TreeSet<>();
            try (ResultSet r = s.executeQuery("SELECT payloadType, metaData FROM DomainEventEntry WHERE type IS NOT NULL")) {
                while (r.next()) {
                    String type = r.getString(1);
                    byType.merge(type.substring(type.lastIndexOf('.') + 1), 1, Integer::sum);
                    JsonNode meta = JSON.readTree(r.getBytes(2));
                    JsonNode correlation = meta.get("correlationId");
                    correlations.add(correlation == null ? "(none)" : correlation.asText());
                }
            }
            return new StoreFacts(events, distinct, aggregates, maxIndex, gaps, byType, correlations);
        }
    }

    // ------------------------------------------------------------------ MongoDB

    /** {@code pid@host}: the token owner and heartbeat name Axon and the balancer use for a process. */
    private static String nodeOf(SideProcess p) {
        return p.pid() + "@";
    }

    private static Map<String, Integer> claimsPerOwner(MongoDatabase db, String processor) {
        Map<String, Integer> owners = new HashMap<>();
        for (Document token : db.getCollection("tokens").find(new Document("processorName", processor))) {
            String owner = token.getString("owner");
            if (owner != null) {
                owners.merge(owner.substring(0, owner.indexOf('@') + 1), 1, Integer::sum);
            }
        }
        return owners;
    }

    private static Map<String, Integer> namedClaims(MongoDatabase db, String processor, SideProcess... sides) {
        Map<String, Integer> owners = claimsPerOwner(db, processor);
        Map<String, Integer> named = new TreeMap<>();
        for (SideProcess side : sides) {
            named.put(side.name, owners.getOrDefault(nodeOf(side), 0));
        }
        named.put("unclaimed", segmentCount(db, processor) - owners.values().stream().mapToInt(Integer::intValue).sum());
        return named;
    }

    private static int segmentCount(MongoDatabase db, String processor) {
        return ReadModels.segmentCount(db, processor);
    }

    private static void awaitCaughtUp(MongoDatabase db, long index, Duration timeout) {
        ReadModels.awaitCaughtUp(db, index, timeout);
    }

    // ------------------------------------------------------------------ helpers

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }

    private static void print(String format, Object... args) {
        System.out.println("[multi-instance] " + String.format(format, args));
    }
}
