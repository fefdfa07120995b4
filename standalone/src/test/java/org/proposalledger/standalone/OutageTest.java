package org.proposalledger.standalone;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fail fast and keep reading (issue 13, point 2), against real stores in processes of their own:
 * the whole ledger in this JVM, its event store in a PostgreSQL server started by the test
 * ({@link PrivatePostgres}), its read store in a mongo-java-server JVM ({@link ReadStoreProcess}).
 * While writers (a submission, then its registration) and readers (a proposal as the office and as
 * its deputy, the list, the session dashboard, a history) run and a probe asks for readiness every
 * 200 ms, the test stops PostgreSQL ({@code pg_ctl -m immediate}) and starts it again, then kills
 * the read store ({@code SIGKILL}) and starts it again, and checks:
 * <ul>
 * <li>event store out: every command 503 {@code event-store-unavailable} (problem JSON,
 * {@code Retry-After}); reads of the read models 200 — sign-in, visibility and the rebuild guard do
 * not touch the event store; a history (read from the event store) 503 the same way;</li>
 * <li>read store out: reads of the read models 503 {@code read-store-unavailable}; commands and the
 * history (event store) go on;</li>
 * <li>every answer that overlaps an outage within 2 s, every readiness answer within 1 s (503
 * once the outage is 2 s old), no other 5xx at any time;</li>
 * <li>recovery without help: commands and readiness come back, the read models catch up with every
 * acknowledged command, and the event table holds the events of every acknowledged command;</li>
 * <li>the log reports an outage instead of repeating it; the deadline watcher (polling every second
 * here) reports its first failure and its recovery, nothing in between.</li>
 * </ul>
 * Answer times are printed per case (lines starting {@code [outage]}).
 */
class OutageTest {

    static final Duration COMMAND_LIMIT = Duration.ofSeconds(2);
    static final Duration READINESS_LIMIT = Duration.ofSeconds(1);
    static final Duration OUTAGE = Duration.ofSeconds(7);
    /** Five health-check time limits (ledger.outage.health-timeout, 400 ms): how long a last answer may stand in. */
    static final Duration STALE_READINESS = Duration.ofSeconds(2);
    static final Set<String> OUTAGE_RULES = Set.of("event-store-unavailable", "read-store-unavailable",
            "message-server-unavailable");
    static final String SESSION = LedgerTestSupport.SESSION;
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Surefire runs tests with assertions on, for every class. PostgreSQL's driver then turns a
        // connection that breaks during a batch insert into an AssertionError of its own (an assert in
        // BatchResultHandler.isAutoCommit), which no production JVM (no -ea) ever throws. Off for the
        // driver, before any of its classes is initialised.
        OutageTest.class.getClassLoader().setPackageAssertionStatus("org.postgresql", false);
    }

    static Path dir;
    static PrivatePostgres pg;
    static ReadStoreProcess readStore;
    static ConfigurableApplicationContext app;
    static CapturedLog capturedLog;

    /** One answered request. Times are System.nanoTime(). */
    record Call(String kind, boolean command, long start, long end, int status, String rule, String retryAfter,
                String contentType, String body) {
        Duration took() {
            return Duration.ofNanos(end - start);
        }

        boolean within(long from, long to) {
            return start >= from && end <= to;
        }

        boolean overlaps(long from, long to) {
            return start <= to && end >= from;
        }
    }

    /** An outage: stop began, store gone, start began, store back, service recovered. */
    record Window(String store, long stopping, long down, long starting, long up, long recovered) {
    }

    record Ack(String correlation, String kind, String proposalId, String number) {
    }

    final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final AtomicInteger sequence = new AtomicInteger();
    String base;
    String seed;

    @BeforeAll
    static void startStoresAndLedger() throws Exception {
        assumeTrue(PrivatePostgres.available(), "no PostgreSQL binaries in " + PrivatePostgres.BIN);
        dir = LedgerTestSupport.freshDataDir();
        pg = PrivatePostgres.start();
        readStore = new ReadStoreProcess(dir);
        readStore.start();
        app = new SpringApplicationBuilder(ProposalLedgerApplication.class).run(
                "--ledger.data-dir=" + dir.resolve("ledger"), "--server.port=0",
                "--spring.datasource.url=" + pg.jdbcUrl() + "?reWriteBatchedInserts=true",
                "--spring.datasource.username=" + PrivatePostgres.USER,
                "--spring.data.mongodb.uri=" + readStore.uri(),
                "--ledger.deadlines.poll-interval=1s",
                "--management.endpoint.health.group.readiness.show-components=always");
        // after the start: Spring Boot's logging set-up replaces the appenders it finds
        capturedLog = CapturedLog.attach();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (capturedLog != null) {
            capturedLog.detach();
        }
        if (app != null) {
            app.close();
        }
        if (readStore != null) {
            readStore.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void commandsFailFastReadsGoOnAndEverythingComesBack() throws Exception {
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        LedgerTestSupport.referenceData(api);
        seed = LedgerTestSupport.submit(api);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("office", "/api/v1/proposals/" + seed).status() == 200);

        ScheduledExecutorService load = Executors.newScheduledThreadPool(6);
        for (int w = 0; w < 3; w++) {
            Writer writer = new Writer();
            load.scheduleWithFixedDelay(writer::step, w * 30L, 100, TimeUnit.MILLISECONDS);
        }
        String[] kinds = {"proposal", "proposal-as-deputy", "list", "dashboard", "history"};
        for (int r = 0; r < 2; r++) {
            AtomicInteger next = new AtomicInteger(r * 2);
            load.scheduleWithFixedDelay(() -> read(kinds[Math.floorMod(next.getAndIncrement(), kinds.length)]),
                    r * 50L, 100, TimeUnit.MILLISECONDS);
        }
        load.scheduleWithFixedDelay(this::probeReadiness, 0, 200, TimeUnit.MILLISECONDS);

        long warm = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> acks.size() >= 10
                && count(c -> c.start() > warm && c.kind().equals("readiness") && c.status() == 200) >= 3);

        Window eventStore = outage("event store", pg::stopServer, pg::startServer);
        Window readModels = outage("read store", readStore::kill, readStore::start);

        // a little steady load after both outages
        await().atMost(Duration.ofSeconds(60)).until(() -> count(c -> c.kind().equals("readiness")
                && c.start() > readModels.recovered()) >= 5 && count(c -> c.command() && c.start() > readModels.recovered()) >= 5);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).as("load stopped").isTrue();
        List<Call> all = List.copyOf(calls);

        // nothing but an outage 503 (or readiness DOWN) is a 5xx, and nothing went unanswered (status -1)
        assertThat(all).filteredOn(c -> c.status() < 0 || c.status() >= 500 && !(c.status() == 503
                        && (c.kind().equals("readiness") || c.rule() != null && OUTAGE_RULES.contains(c.rule()))))
                .as("answers other than an outage's 503 with status 5xx or none").isEmpty();

        // event store out: commands refused fast, read models answer, the history (event store) refused
        long esFrom = eventStore.down();
        long esTo = eventStore.starting();
        assertOutageAnswers(all, c -> c.command() && c.within(esFrom, esTo), "event-store-unavailable");
        assertAnswers(all, c -> isReadModelRead(c) && c.within(esFrom, esTo), 200);
        assertOutageAnswers(all, c -> c.kind().equals("history") && c.within(esFrom, esTo), "event-store-unavailable");
        // read store out: read models refused fast, commands and the history go on
        long rsFrom = readModels.down();
        long rsTo = readModels.starting();
        assertOutageAnswers(all, c -> isReadModelRead(c) && c.within(rsFrom, rsTo), "read-store-unavailable");
        assertAnswers(all, c -> c.kind().equals("history") && c.within(rsFrom, rsTo), 200);
        assertThat(all).filteredOn(c -> c.command() && c.within(rsFrom, rsTo)).as("commands while the read store is out")
                .isNotEmpty().allSatisfy(c -> assertThat(c.status()).as(c.body()).isIn(201, 202));

        // every answer that overlaps an outage (from the stop to the recovery) within 2 s
        for (Window w : List.of(eventStore, readModels)) {
            assertThat(all).filteredOn(c -> !c.kind().equals("readiness") && c.overlaps(w.stopping(), w.recovered()))
                    .as("answers during the %s outage", w.store()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.took()).as("%s %d %s", c.kind(), c.status(), c.rule())
                            .isLessThanOrEqualTo(COMMAND_LIMIT));
        }
        // readiness: within 1 s always; DOWN while a store is out, UP before and after
        List<Call> readiness = all.stream().filter(c -> c.kind().equals("readiness")).toList();
        assertThat(readiness).allSatisfy(c -> assertThat(c.took()).as("readiness %d", c.status())
                .isLessThanOrEqualTo(READINESS_LIMIT));
        for (Window w : List.of(eventStore, readModels)) {
            // a check slower than its limit is answered from its last answer for up to 2 s (a busy
            // machine must not make readiness flap), so DOWN is certain from then on
            long settled = w.down() + STALE_READINESS.toNanos();
            assertThat(readiness).filteredOn(c -> c.within(settled, w.starting()))
                    .as("readiness while the %s is out", w.store()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.status()).as(c.body()).isEqualTo(503));
        }
        assertThat(readiness).filteredOn(c -> c.start() > readModels.recovered()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).as(c.body()).isEqualTo(200));

        // the read models catch up with every acknowledged command
        Api office = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        List<Ack> acknowledged = List.copyOf(acks);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Ack a : acknowledged) {
                Api.Response r = office.get("office", "/api/v1/proposals/" + a.proposalId());
                assertThat(r.status()).as("%s %s", a.kind(), a.proposalId()).isEqualTo(200);
                if (a.kind().equals("register")) {
                    assertThat(r.json().path("number").asText()).as(a.proposalId()).isEqualTo(a.number());
                }
            }
        });
        // and the event store holds every acknowledged command's events
        Set<String> stored = storedCorrelations();
        assertThat(acknowledged).extracting(Ack::correlation).as("acknowledged commands in the event table")
                .allMatch(stored::contains);

        assertLogReportsOutagesInsteadOfRepeatingThem(eventStore, readModels);
        report(all, eventStore, readModels);
    }

    // ------------------------------------------------------------------ the outages

    interface Step {
        void run() throws Exception;
    }

    private Window outage(String store, Step stop, Step start) throws Exception {
        long stopping = System.nanoTime();
        stop.run();
        long down = System.nanoTime();
        // long enough for every kind of request to meet the outage a few times
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                System.nanoTime() - down >= OUTAGE.toNanos()
                        && count(c -> c.command() && c.start() > down) >= 6
                        && count(c -> c.kind().equals("history") && c.start() > down) >= 2
                        && count(c -> isReadModelRead(c) && c.start() > down) >= 6
                        && count(c -> c.kind().equals("readiness") && c.start() > down) >= 5);
        long starting = System.nanoTime();
        start.run();
        long up = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                count(c -> c.command() && c.start() > up && c.status() / 100 == 2) >= 1
                        && count(c -> isReadModelRead(c) && c.start() > up && c.status() == 200) >= 1
                        && count(c -> c.kind().equals("readiness") && c.start() > up && c.status() == 200) >= 1);
        long recovered = System.nanoTime();
        print("%s: stopped in %.1f s, out %.1f s, started in %.1f s, service back %.1f s after the start",
                store, secs(down - stopping), secs(starting - down), secs(up - starting), secs(recovered - up));
        return new Window(store, stopping, down, starting, up, recovered);
    }

    // ------------------------------------------------------------------ load

    /** Submits a proposal, then registers it; a registration the store refused is tried again. */
    final class Writer {
        private String toRegister;

        void step() {
            String correlation = "outage-" + sequence.incrementAndGet();
            if (toRegister == null) {
                Call c = send("submit", true, "deputy-zhu", "POST", "/api/v1/proposals",
                        LedgerTestSupport.submission(), correlation);
                if (c.status() == 201) {
                    toRegister = json(c.body()).path("id").asText();
                    acks.add(new Ack(correlation, "submit", toRegister, null));
                }
            } else {
                String number = "第" + correlation + "号";
                Call c = send("register", true, "office", "POST", "/api/v1/proposals/" + toRegister + "/registration",
                        Map.of("number", number), correlation);
                if (c.status() == 202) {
                    acks.add(new Ack(correlation, "register", toRegister, number));
                }
                if (c.status() != 503) {
                    // registered, or (409) registered by an earlier try whose answer was lost
                    toRegister = null;
                }
            }
        }
    }

    private void read(String kind) {
        switch (kind) {
            case "proposal" -> send(kind, false, "office", "GET", "/api/v1/proposals/" + seed, null, null);
            case "proposal-as-deputy" -> send(kind, false, "deputy-zhu", "GET", "/api/v1/proposals/" + seed, null, null);
            case "list" -> send(kind, false, "unit-commerce", "GET", "/api/v1/proposals?limit=20&sessionId=" + SESSION,
                    null, null);
            case "dashboard" -> send(kind, false, "reader", "GET", "/api/v1/dashboards/sessions/" + SESSION, null, null);
            case "history" -> send(kind, false, "office", "GET", "/api/v1/proposals/" + seed + "/history", null, null);
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private void probeReadiness() {
        send("readiness", false, null, "GET", "/actuator/health/readiness", null, null);
    }

    private static boolean isReadModelRead(Call c) {
        return Set.of("proposal", "proposal-as-deputy", "list", "dashboard").contains(c.kind());
    }

    private Call send(String kind, boolean command, String user, String method, String path, Object body,
                      String correlation) {
        long start = System.nanoTime();
        Call call;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
            }
            if (correlation != null) {
                b.header("X-Correlation-Id", correlation);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long end = System.nanoTime();
            String rule = r.statusCode() >= 400 ? json(r.body()).path("rule").asText(null) : null;
            call = new Call(kind, command, start, end, r.statusCode(), rule,
                    r.headers().firstValue("Retry-After").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            call = new Call(kind, command, start, System.nanoTime(), -1, null, null, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call = new Call(kind, command, start, System.nanoTime(), -1, null, null, "", e.toString());
        }
        calls.add(call);
        return call;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private long count(Predicate<Call> p) {
        return calls.stream().filter(p).count();
    }

    // ------------------------------------------------------------------ checks

    private static void assertOutageAnswers(List<Call> all, Predicate<Call> which, String rule) {
        assertThat(all).filteredOn(which).as("answers that should be 503 %s", rule).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).as("%s: %s", c.kind(), c.body()).isEqualTo(503);
            assertThat(c.rule()).as(c.body()).isEqualTo(rule);
            assertThat(c.contentType()).startsWith("application/problem+json");
            assertThat(c.retryAfter()).as("Retry-After").isNotNull();
            assertThat(Integer.parseInt(c.retryAfter())).isPositive();
        });
    }

    private static void assertAnswers(List<Call> all, Predicate<Call> which, int status) {
        assertThat(all).filteredOn(which).as("answers that should be %d", status).isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).as("%s: %s", c.kind(), c.body()).isEqualTo(status));
    }

    private Set<String> storedCorrelations() throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), PrivatePostgres.USER, null);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT metaData FROM DomainEventEntry")) {
            while (r.next()) {
                JsonNode meta = JSON.readTree(r.getBytes(1));
                out.add(meta.path("correlationId").asText());
            }
        }
        return out;
    }

    /**
     * While a store is out each logger reports it once per interval (a minute), without a stack
     * trace; left alone, Axon's event-store reader, its processors and the MongoDB driver each wrote
     * a line (most with a stack trace) every second or two.
     */
    private static void assertLogReportsOutagesInsteadOfRepeatingThem(Window... windows) {
        List<CapturedLog.Line> lines = List.copyOf(capturedLog.lines);
        for (Window w : windows) {
            List<CapturedLog.Line> during = lines.stream()
                    .filter(l -> l.nanos() >= w.down() && l.nanos() <= w.starting()).toList();
            double seconds = secs(w.starting() - w.down());
            print("%s: %d log lines in %.1f s of outage, %d with a stack trace", w.store(), during.size(), seconds,
                    during.stream().filter(CapturedLog.Line::stackTrace).count());
            assertThat(during).as("log lines while the %s is out", w.store()).hasSizeLessThanOrEqualTo(
                    (int) (2 * seconds) + 40);
            assertThat(during).filteredOn(CapturedLog.Line::stackTrace)
                    .as("log lines with a stack trace while the %s is out", w.store()).hasSizeLessThanOrEqualTo(2);
        }
        // the deadline watcher polls every second: one line when its polls start failing, one when they work
        // again (the read store's outage does not concern it)
        Window eventStore = windows[0];
        List<CapturedLog.Line> watcher = lines.stream().filter(l -> l.logger().endsWith("DeadlineWatcher")
                && l.nanos() >= eventStore.stopping()).toList();
        assertThat(watcher).extracting(CapturedLog.Line::message).as("deadline watcher around the event-store outage")
                .hasSize(2).satisfiesExactly(
                        m -> assertThat(m).startsWith("deadline poll failed"),
                        m -> assertThat(m).isEqualTo("deadline polls resumed"));
    }

    private static void report(List<Call> all, Window eventStore, Window readStore) {
        record Case(String name, Predicate<Call> which) {
        }
        List<Case> cases = List.of(
                new Case("event store out, commands (503)", c -> c.command() && c.within(eventStore.down(), eventStore.starting())),
                new Case("event store out, read-model reads (200)",
                        c -> isReadModelRead(c) && c.within(eventStore.down(), eventStore.starting())),
                new Case("event store out, history (503)",
                        c -> c.kind().equals("history") && c.within(eventStore.down(), eventStore.starting())),
                new Case("event store out, readiness (503)",
                        c -> c.kind().equals("readiness") && c.within(eventStore.down(), eventStore.starting())),
                new Case("read store out, read-model reads (503)",
                        c -> isReadModelRead(c) && c.within(readStore.down(), readStore.starting())),
                new Case("read store out, commands (2xx)", c -> c.command() && c.within(readStore.down(), readStore.starting())),
                new Case("read store out, history (200)",
                        c -> c.kind().equals("history") && c.within(readStore.down(), readStore.starting())),
                new Case("read store out, readiness (503)",
                        c -> c.kind().equals("readiness") && c.within(readStore.down(), readStore.starting())),
                new Case("all commands outside the outages",
                        c -> c.command() && !c.overlaps(eventStore.stopping(), eventStore.recovered())
                                && !c.overlaps(readStore.stopping(), readStore.recovered())));
        for (Case k : cases) {
            List<Duration> times = all.stream().filter(k.which()).map(Call::took).sorted().toList();
            if (!times.isEmpty()) {
                print("%-42s n=%4d  p50 %5d ms  p99 %5d ms  max %5d ms", k.name(), times.size(),
                        pct(times, 0.50), pct(times, 0.99), times.get(times.size() - 1).toMillis());
            }
        }
        print("acknowledged commands: %d, all found in the event table and the read models",
                all.stream().filter(c -> c.command() && c.status() / 100 == 2).count());
    }

    private static long pct(List<Duration> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)).toMillis();
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("[outage] " + String.format(format, args));
    }

    /** Log lines of the running ledger, with the moment they were written (System.nanoTime()). */
    static final class CapturedLog extends AppenderBase<ILoggingEvent> {

        record Line(long nanos, String logger, String level, String message, boolean stackTrace) {
        }

        final Queue<Line> lines = new ConcurrentLinkedQueue<>();

        static CapturedLog attach() {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            CapturedLog log = new CapturedLog();
            log.setContext(root.getLoggerContext());
            log.start();
            root.addAppender(log);
            return log;
        }

        void detach() {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
            stop();
        }

        @Override
        protected void append(ILoggingEvent e) {
            lines.add(new Line(System.nanoTime(), e.getLoggerName(), e.getLevel().toString(), e.getFormattedMessage(),
                    e.getThrowableProxy() != null));
        }
    }
}
