package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.proposalledger.standalone.HostileRequests.Body;
import org.proposalledger.standalone.HostileRequests.Endpoint;
import org.proposalledger.standalone.HostileRequests.Hostile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against the whole running system over real HTTP (raw sockets): generated
 * requests to every endpoint the controllers map (command and query side, the actuator, the API
 * documentation, {@code /error}), against proposals in every lifecycle state, as every kind of
 * user and with bad credentials. Whatever is sent: no 5xx, every error answer an RFC 9457 problem
 * with a {@code rule} and no stack trace, and nothing stored by a refused request (each request
 * carries its own correlation id, looked for in the event table afterwards).
 *
 * <p>A fixed seed, then a random one printed at the start; {@code -Dledger.fuzz.seed=N} runs that
 * seed instead of a random one, {@code -Dledger.fuzz.requests=N} sets the count per seed.
 */
class HostileRequestsFuzzTest extends RunningLedgerTest {

    static final long FIXED_SEED = 0x5EED_2026L;
    static final int REQUESTS_PER_SEED = Integer.getInteger("ledger.fuzz.requests", 5_200);
    static final int THREADS = Integer.getInteger("ledger.fuzz.threads", 3);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tell-tales of a stack trace or internals in an answer. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |\\.java:\\d|Exception|org\\.springframework|org\\.apache|com\\.fasterxml|java\\.lang|"
                    + "org\\.axonframework|org\\.proposalledger|<html|<!doctype");

    /**
     * The demo accounts, their passwords stored as {@code {noop}}: how passwords are hashed is not
     * under test here, and BCrypt even at its lowest cost (4) took a third of the run's CPU.
     * Sign-in still goes through Spring Security's whole HTTP Basic path.
     */
    @DynamicPropertySource
    static void cheapPasswords(DynamicPropertyRegistry registry) {
        String[][] users = {{"office", "OFFICE", null, null}, {"supervisor", "SUPERVISOR", null, null},
                {"reader", "READER", null, null}, {"unit-commerce", "UNIT", "commerce", null},
                {"unit-education", "UNIT", "education", null}, {"deputy-zhu", "DEPUTY", null, "zhu-heping"},
                {"deputy-gao", "DEPUTY", null, "gao-yonghong"}};
        for (int i = 0; i < users.length; i++) {
            String[] u = users[i];
            String prefix = "ledger.users[" + i + "].";
            String hash = "{noop}" + u[0];
            registry.add(prefix + "username", () -> u[0]);
            registry.add(prefix + "password", () -> hash);
            registry.add(prefix + "role", () -> u[1]);
            if (u[2] != null) {
                registry.add(prefix + "unit-id", () -> u[2]);
            }
            if (u[3] != null) {
                registry.add(prefix + "deputy-id", () -> u[3]);
            }
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Set<String> setupCorrelations = ConcurrentHashMap.newKeySet();
    final Set<String> acceptedCorrelations = ConcurrentHashMap.newKeySet();
    /** Accepted proposal commands, each of which must have stored at least one event. */
    final Set<String> acceptedProposalCommands = ConcurrentHashMap.newKeySet();
    final Set<String> refusedCorrelations = ConcurrentHashMap.newKeySet();
    /** What each refused request was and got, to tell what a refused request that stored events was. */
    final ConcurrentMap<String, String> refusals = new ConcurrentHashMap<>();
    final AtomicInteger setupCount = new AtomicInteger();
    final ConcurrentMap<String, AtomicReference<String>> proposalInState = new ConcurrentHashMap<>();

    @Test
    void no_hostile_request_gets_a_5xx_a_non_problem_error_or_stores_anything() throws Exception {
        setUpReferenceData();
        for (String state : HostileRequests.STATES) {
            proposalInState.put(state, new AtomicReference<>(create(state)));
        }
        List<Endpoint> endpoints = endpoints();
        HostileRequests generator = new HostileRequests(port, endpoints, s -> proposalInState.get(s).get());
        generator.checkBodies();

        String given = System.getProperty("ledger.fuzz.seed");
        long randomSeed = given != null ? Long.decode(given) : new SecureRandom().nextLong();
        System.out.println("[fuzz] seeds: fixed " + FIXED_SEED + ", random " + randomSeed
                + " (replay with -Dledger.fuzz.seed=" + randomSeed + "), " + REQUESTS_PER_SEED + " requests each, "
                + THREADS + " client threads, " + endpoints.size() + " endpoints, "
                + HostileRequests.STATES.size() + " lifecycle states");

        Tally tally = new Tally();
        long started = System.nanoTime();
        run(generator, FIXED_SEED, tally);
        run(generator, randomSeed, tally);
        double seconds = (System.nanoTime() - started) / 1e9;

        // aggregate events only: the transparency log keeper publishes its checkpoints as events of no aggregate
        StoredEvents stored = storedEvents(
                jdbc.queryForList("SELECT metaData FROM DomainEventEntry WHERE type IS NOT NULL", byte[].class));
        tally.print(seconds, setupCount.get(), stored);

        assertThat(tally.failures).as("answers breaking the error contract (first of them above)").isEmpty();
        assertThat(tally.total.sum()).isGreaterThanOrEqualTo(10_000);
        for (Endpoint e : endpoints) {
            assertThat(tally.byEndpoint.getOrDefault(e.key(), new LongAdder()).sum())
                    .as("requests to %s", e.key()).isGreaterThanOrEqualTo(20);
        }
        for (String state : HostileRequests.STATES) {
            assertThat(tally.byState.getOrDefault(state, new LongAdder()).sum())
                    .as("requests to a proposal %s", state).isGreaterThanOrEqualTo(200);
        }
        // the check below can fail: accepted commands are found by their correlation id
        assertThat(acceptedProposalCommands).as("some hostile-looking requests were valid and accepted").isNotEmpty();
        assertThat(stored.correlations).as("every accepted proposal command stored its events")
                .containsAll(acceptedProposalCommands);
        List<String> refusedButStored = stored.correlations.stream().filter(refusedCorrelations::contains)
                .map(id -> id + ": " + refusals.get(id)).toList();
        assertThat(refusedButStored).as("refused requests that stored events").isEmpty();
        Set<String> unexplained = new TreeSet<>(stored.correlations);
        unexplained.removeAll(setupCorrelations);
        unexplained.removeAll(acceptedCorrelations);
        unexplained.removeIf(id -> id.startsWith("deadline-watcher-"));
        assertThat(unexplained).as("events stored under no accepted request's correlation id").isEmpty();
    }

    // ------------------------------------------------------------------ the run

    private void run(HostileRequests generator, long seed, Tally tally) throws Exception {
        RawHttp http = new RawHttp(port, 30_000);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS_PER_SEED; i = next.getAndIncrement()) {
                        Hostile h = generator.build(seed, i);
                        long sent = System.nanoTime();
                        RawHttp.Answer a = http.exchange(h.bytes(), h.head());
                        tally.slow(h, a, (System.nanoTime() - sent) / 1_000_000);
                        judge(h, a, tally);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void judge(Hostile h, RawHttp.Answer a, Tally tally) {
        tally.count(h, a);
        if (a.status() / 100 == 2) {
            acceptedCorrelations.add(h.correlationId());
            String pattern = h.endpoint().pattern();
            boolean proposalCommand = h.endpoint().method().equals("POST") && pattern.startsWith("/api/v1/proposals");
            // a request whose method was swapped may have reached another handler; only a true step counts
            if (proposalCommand && h.bytes().length > 5 && new String(h.bytes(), 0, 5).startsWith("POST ")) {
                acceptedProposalCommands.add(h.correlationId());
                if (!"-".equals(h.state())) {
                    replace(h.state());
                }
            }
        } else {
            refusedCorrelations.add(h.correlationId());
            refusals.put(h.correlationId(), a.status() + " " + h.endpoint().key() + " " + h.user() + " "
                    + h.traits() + (a.failure() == null ? "" : " (" + a.failure() + ")"));
        }
        String problem = breach(h, a);
        if (problem != null) {
            tally.failures.add(problem + " | answer: " + a.status() + " " + a.contentType() + " "
                    + clip(a.text(), 400).replace("\n", "\\n") + "\n  request: " + h.describe());
        }
    }

    /** Why this answer breaks the contract, or null. */
    private static String breach(Hostile h, RawHttp.Answer a) {
        if (a.status() == -1) {
            return h.mayGoUnanswered() ? null : "no answer (" + a.failure() + ")";
        }
        if (a.status() == 0) {
            // HTTP/0.9 has no status line and no headers: only a body, which must not be a server error
            if (!h.traits().contains("raw:http-0.9")) {
                return "an answer without a status line";
            }
            if (!a.text().startsWith("{")) {
                return null;
            }
            try {
                JsonNode pd = JSON.readTree(a.body());
                if (!pd.path("type").asText("").startsWith("urn:proposal-ledger:problem:")) {
                    return null; // an answer, not an error
                }
                return pd.path("status").asInt(500) >= 500 || pd.path("rule").asText("").isBlank()
                        ? "an HTTP/0.9 answer that is not a client-error problem" : null;
            } catch (IOException e) {
                return "an HTTP/0.9 answer that is not a problem";
            }
        }
        if (a.status() >= 500) {
            return "a 5xx";
        }
        if (a.status() < 400) {
            return null;
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            return "an error that is not application/problem+json";
        }
        if (h.head()) {
            return null; // no body to a HEAD
        }
        JsonNode pd;
        try {
            pd = JSON.readTree(a.body());
        } catch (IOException e) {
            return "a problem that is not JSON";
        }
        if (pd == null || !pd.isObject()) {
            return "a problem that is not a JSON object";
        }
        String rule = pd.path("rule").asText("");
        if (rule.isBlank() || !pd.path("rule").isTextual()) {
            return "a problem without a rule";
        }
        if (!pd.path("type").asText("").equals("urn:proposal-ledger:problem:" + rule)) {
            return "a problem whose type does not name its rule";
        }
        if (pd.path("status").asInt() != a.status()) {
            return "a problem whose status is not the answer's";
        }
        if (pd.path("title").asText("").isBlank()) {
            return "a problem without a title";
        }
        if (INTERNALS.matcher(a.text()).find()) {
            return "a problem showing internals";
        }
        return null;
    }

    // ------------------------------------------------------------------ endpoints

    /** Every mapping of the controllers, plus the actuator's and Swagger UI's (not controller methods). */
    private List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> list = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = m.getKey();
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(x -> methods.add(x.name()));
            if (methods.isEmpty()) {
                methods.addAll(List.of("GET", "POST"));
            }
            Body body = Body.NONE;
            for (var p : m.getValue().getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    body = p.getParameterType() == byte[].class ? Body.TEXT : Body.JSON;
                }
            }
            for (String pattern : patterns) {
                for (String method : methods) {
                    if (seen.add(method + " " + pattern)) {
                        list.add(new Endpoint(method, pattern, body));
                    }
                }
            }
        }
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness", "/actuator/info", "/actuator/metrics", "/actuator/metrics/jvm.threads.live",
                "/actuator/prometheus", "/actuator/env", "/swagger-ui/index.html", "/swagger-ui/swagger-ui.css")) {
            if (seen.add("GET " + path)) {
                list.add(new Endpoint("GET", path, Body.NONE));
            }
        }
        assertThat(seen).as("the controllers' mappings").contains("POST /api/v1/proposals",
                "POST /api/v1/proposals/{id}/replies", "GET /api/v1/proposals/{id}",
                "GET /api/v1/dashboards/sessions/{sessionId}", "GET /v3/api-docs", "GET /error");
        list.sort((x, y) -> x.key().compareTo(y.key()));
        return Collections.unmodifiableList(list);
    }

    // ------------------------------------------------------------------ lifecycle states

    private void setUpReferenceData() {
        setup("office", "PUT", "/api/v1/sessions/" + LedgerTestSupport.SESSION,
                Map.of("name", "吕梁市第五届人民代表大会第二次会议", "opensOn", "2022-01-05"));
        setup("office", "PUT", "/api/v1/units/commerce", Map.of("name", "市商务局", "kind", "DEPARTMENT"));
        setup("office", "PUT", "/api/v1/units/education", Map.of("name", "市教育局", "kind", "DEPARTMENT"));
        setup("office", "PUT", "/api/v1/units/xiaoyi", Map.of("name", "孝义市人民政府", "kind", "COUNTY"));
        setup("office", "PUT", "/api/v1/deputies/zhu-heping", Map.of("name", "朱和平", "delegation", "离石区代表团"));
        setup("office", "PUT", "/api/v1/deputies/gao-yonghong", Map.of("name", "高永红", "delegation", "孝义市代表团"));
    }

    /** A new proposal standing in {@code state}, through the ordinary commands. */
    private String create(String state) {
        String id = setup("deputy-zhu", "POST", "/api/v1/proposals", LedgerTestSupport.submission())
                .json().get("id").asText();
        String p = "/api/v1/proposals/" + id;
        switch (state) {
            case "SUBMITTED" -> {
            }
            case "REJECTED" -> setup("office", "POST", p + "/rejection", Map.of("reason", "不属于建议范围。"));
            case "WITHDRAWN" -> setup("deputy-zhu", "POST", p + "/withdrawal", Map.of("reason", "另行反映。"));
            default -> {
                setup("office", "POST", p + "/registration", Map.of("number", "第" + id.substring(0, 6) + "号"));
                if (state.equals("REGISTERED")) {
                    break;
                }
                setup("office", "POST", p + "/assignment",
                        Map.of("leadUnitId", "commerce", "coUnitIds", List.of("education")));
                if (state.equals("ASSIGNED")) {
                    break;
                }
                if (state.equals("RETURNED")) {
                    setup("unit-commerce", "POST", p + "/assignment-return", Map.of("reason", "不属于本单位职责。"));
                    break;
                }
                setup("unit-commerce", "POST", p + "/consultations", Map.of("heldOn",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "mode", "IN_PERSON",
                        "participants", List.of("朱和平"), "notes", "当面沟通。"));
                setup("unit-commerce", "POST", p + "/replies",
                        Map.of("classification", "B", "text", "正在推进。", "signedBy", "王局长"));
                switch (state) {
                    case "RATED" -> setup("deputy-zhu", "POST", p + "/ratings", Map.of("rating", "BASICALLY_SATISFIED"));
                    case "REHANDLING" -> setup("deputy-zhu", "POST", p + "/ratings", Map.of("rating", "UNSATISFIED"));
                    case "CLOSED" -> {
                        setup("deputy-zhu", "POST", p + "/ratings", Map.of("rating", "SATISFIED"));
                        setup("office", "POST", p + "/closure", Map.of());
                    }
                    default -> {
                    }
                }
            }
        }
        return id;
    }

    /** An accepted command moved a proposal on: another one takes its place in that state. */
    private void replace(String state) {
        AtomicReference<String> slot = proposalInState.get(state);
        synchronized (slot) {
            slot.set(create(state));
        }
    }

    private Api.Response setup(String user, String method, String path, Object body) {
        String correlation = "setup-" + setupCount.incrementAndGet();
        setupCorrelations.add(correlation);
        Api.Response r = api.send(user, method, path, body, correlation);
        assertThat(r.status()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
        return r;
    }

    // ------------------------------------------------------------------ the store and the counts

    record StoredEvents(long events, Set<String> correlations) {
    }

    private static StoredEvents storedEvents(List<byte[]> metaData) throws IOException {
        Set<String> correlations = new TreeSet<>();
        for (byte[] m : metaData) {
            correlations.add(JSON.readTree(m).path("correlationId").asText("(none)"));
        }
        return new StoredEvents(metaData.size(), correlations);
    }

    static final class Tally {
        final LongAdder total = new LongAdder();
        final ConcurrentMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        final ConcurrentMap<String, LongAdder> byRule = new ConcurrentHashMap<>();
        final ConcurrentMap<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
        final ConcurrentMap<String, LongAdder> byState = new ConcurrentHashMap<>();
        final ConcurrentMap<String, LongAdder> byTrait = new ConcurrentHashMap<>();
        final ConcurrentMap<String, LongAdder> byUser = new ConcurrentHashMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final List<String> slowest = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentMap<String, LongAdder> millisByTrait = new ConcurrentHashMap<>();
        final ConcurrentMap<String, LongAdder> millisByEndpoint = new ConcurrentHashMap<>();
        final ConcurrentMap<String, LongAdder> millisByUser = new ConcurrentHashMap<>();

        void slow(Hostile h, RawHttp.Answer a, long millis) {
            h.traits().forEach(t -> millisByTrait.computeIfAbsent(t.replaceAll(":.*", ""), k -> new LongAdder())
                    .add(millis));
            millisByEndpoint.computeIfAbsent(h.endpoint().key(), k -> new LongAdder()).add(millis);
            millisByUser.computeIfAbsent(h.user(), k -> new LongAdder()).add(millis);
            if (millis > 1000) {
                slowest.add(millis + " ms " + a.status() + " " + h.endpoint().key() + " " + h.user() + " " + h.traits());
            }
        }

        void count(Hostile h, RawHttp.Answer a) {
            total.increment();
            byStatus.computeIfAbsent(a.status(), k -> new LongAdder()).increment();
            byEndpoint.computeIfAbsent(h.endpoint().key(), k -> new LongAdder()).increment();
            byState.computeIfAbsent(h.state(), k -> new LongAdder()).increment();
            byUser.computeIfAbsent(h.user(), k -> new LongAdder()).increment();
            h.traits().forEach(t -> byTrait.computeIfAbsent(t.replaceAll(":.*", ""), k -> new LongAdder()).increment());
            if (a.status() >= 400 && a.contentType().startsWith("application/problem+json") && !h.head()) {
                try {
                    String rule = JSON.readTree(a.body()).path("rule").asText("?");
                    byRule.computeIfAbsent(rule, k -> new LongAdder()).increment();
                } catch (IOException ignored) {
                    // counted as a failure by the judge
                }
            }
        }

        void print(double seconds, int setupRequests, StoredEvents stored) {
            System.out.printf("[fuzz] %d hostile requests in %.1f s (%.0f/s), plus %d setup requests%n",
                    total.sum(), seconds, total.sum() / seconds, setupRequests);
            System.out.println("[fuzz] statuses: " + sorted(byStatus));
            System.out.println("[fuzz] rules: " + sorted(byRule));
            System.out.println("[fuzz] states: " + sorted(byState));
            System.out.println("[fuzz] users: " + sorted(byUser));
            System.out.println("[fuzz] traits: " + sorted(byTrait));
            System.out.println("[fuzz] endpoints: " + byEndpoint.size() + " " + sorted(byEndpoint));
            System.out.println("[fuzz] events stored: " + stored.events() + " under " + stored.correlations().size()
                    + " correlation ids");
            System.out.println("[fuzz] client time by trait (ms): " + sorted(millisByTrait));
            System.out.println("[fuzz] client time by endpoint (ms): " + sorted(millisByEndpoint));
            System.out.println("[fuzz] client time by user (ms): " + sorted(millisByUser));
            System.out.println("[fuzz] answers slower than 1 s: " + slowest.size());
            slowest.stream().limit(20).forEach(x -> System.out.println("[fuzz] slow " + x));
            System.out.println("[fuzz] contract breaches: " + failures.size());
            failures.stream().limit(40).forEach(f -> System.out.println("[fuzz] BREACH " + f));
        }

        private static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, LongAdder> counts) {
            Map<K, Long> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }

    private static String clip(String s, int n) {
        return s.length() > n ? s.substring(0, n) + "…" : s;
    }
}
