package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.standalone.LedgerTestSupport.SESSION;
import static org.proposalledger.standalone.LedgerTestSupport.expect;
import static org.proposalledger.standalone.LedgerTestSupport.referenceData;
import static org.proposalledger.standalone.LedgerTestSupport.submit;

/**
 * Profile {@code prod} over HTTP with bearer tokens signed by a key made here: every caller
 * against every endpoint, allowed and denied, including the object-level rules (another unit's or
 * another deputy's proposal). A refused command must have stored no event; an allowed one must
 * have stored some.
 * <p>
 * To cover a new endpoint, add one line to {@link #ENDPOINTS}: the request, the state of the
 * proposal it acts on, its body, and the expected status per caller column.
 */
@ActiveProfiles("prod")
@AutoConfigureObservability(tracing = false) // tests switch metrics export off unless asked
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionSecurityTest extends RunningLedgerTest {

    static final String ISSUER = "https://id.ledger.test/realms/congress";
    static final String AUDIENCE = "proposal-ledger";
    static final KeyPair KEY = rsa();
    static final KeyPair OTHER_KEY = rsa();

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        Path pem = writePublicKey(KEY);
        registry.add("ledger.security.jwt.issuer-uri", () -> ISSUER);
        registry.add("ledger.security.jwt.audience", () -> AUDIENCE);
        registry.add("ledger.security.jwt.public-key-location", () -> pem.toUri().toString());
        Path keys = LedgerTestSupport.freshDataDir();
        registry.add("ledger.transparency.key-file", () -> keys.resolve("transparency-log.key").toString());
        // the event streams this test opens and leaves stay open on the server until their next update;
        // a graceful shutdown would wait for them past Surefire's patience
        registry.add("server.shutdown", () -> "immediate");
    }

    // ---- who calls ------------------------------------------------------------------------

    /** The callers of the matrix. Every {@link Group#REFUSED} token must be answered 401 wherever a token is needed. */
    enum Caller {
        OFFICE("OF", Group.ROLE), SUPERVISOR("SU", Group.ROLE), READER("RE", Group.ROLE),
        /** lead unit of the proposal acted on */
        LEAD_UNIT("UL", Group.ROLE),
        /** its co-unit */
        CO_UNIT("UC", Group.ROLE),
        /** a unit with no part in it */
        OTHER_UNIT("UO", Group.ROLE),
        /** one of its proposers */
        PROPOSER("DP", Group.ROLE),
        /** a deputy who did not propose it */
        OTHER_DEPUTY("DO", Group.ROLE),
        /** a valid token of the issuer that names no ledger role */
        NO_ROLE("NR", Group.ROLE),
        NO_TOKEN("NT", Group.ROLE),
        EXPIRED("BAD", Group.REFUSED), WRONG_ISSUER("BAD", Group.REFUSED), WRONG_KEY("BAD", Group.REFUSED),
        WRONG_AUDIENCE("BAD", Group.REFUSED), NOT_A_JWT("BAD", Group.REFUSED),
        /** roles of the ledger itself, which no token may grant */
        IMPORT_ROLE("BAD", Group.REFUSED), SYSTEM_ROLE("BAD", Group.REFUSED),
        TWO_ROLES("BAD", Group.REFUSED), UNIT_WITHOUT_UNIT("BAD", Group.REFUSED),
        DEPUTY_WITHOUT_DEPUTY("BAD", Group.REFUSED);

        final String column;
        final Group group;

        Caller(String column, Group group) {
            this.column = column;
            this.group = group;
        }
    }

    enum Group { ROLE, REFUSED }

    static final List<String> COLUMNS = List.of("OF", "SU", "RE", "UL", "UC", "UO", "DP", "DO", "NR", "NT", "BAD");

    /** The bearer token each caller sends (null: no Authorization header). */
    static String token(Caller caller) {
        Instant now = Instant.now();
        Instant exp = now.plus(Duration.ofHours(1));
        return switch (caller) {
            case OFFICE -> sign(KEY, ISSUER, AUDIENCE, exp, "wang.office", Map.of("roles", List.of("OFFICE", "offline_access")));
            case SUPERVISOR -> sign(KEY, ISSUER, AUDIENCE, exp, "li.supervisor", Map.of("roles", List.of("SUPERVISOR")));
            // a single string is accepted too, and case does not matter
            case READER -> sign(KEY, ISSUER, AUDIENCE, exp, "zhao.reader", Map.of("roles", "reader"));
            case LEAD_UNIT -> sign(KEY, ISSUER, AUDIENCE, exp, "chen.commerce", Map.of("roles", List.of("UNIT"), "unit_id", "commerce"));
            case CO_UNIT -> sign(KEY, ISSUER, AUDIENCE, exp, "sun.education", Map.of("roles", List.of("UNIT"), "unit_id", "education"));
            case OTHER_UNIT -> sign(KEY, ISSUER, AUDIENCE, exp, "zhou.xiaoyi", Map.of("roles", List.of("UNIT"), "unit_id", "xiaoyi"));
            case PROPOSER -> sign(KEY, ISSUER, AUDIENCE, exp, "zhu.heping", Map.of("roles", List.of("DEPUTY"), "deputy_id", "zhu-heping"));
            case OTHER_DEPUTY -> sign(KEY, ISSUER, AUDIENCE, exp, "li.ming", Map.of("roles", List.of("DEPUTY"), "deputy_id", "li-ming"));
            case NO_ROLE -> sign(KEY, ISSUER, AUDIENCE, exp, "guest", Map.of("roles", List.of("offline_access")));
            case NO_TOKEN -> null;
            case EXPIRED -> sign(KEY, ISSUER, AUDIENCE, now.minus(Duration.ofMinutes(5)), "wang.office",
                    Map.of("roles", List.of("OFFICE")));
            case WRONG_ISSUER -> sign(KEY, "https://elsewhere.test/realms/x", AUDIENCE, exp, "wang.office",
                    Map.of("roles", List.of("OFFICE")));
            case WRONG_KEY -> sign(OTHER_KEY, ISSUER, AUDIENCE, exp, "wang.office", Map.of("roles", List.of("OFFICE")));
            case WRONG_AUDIENCE -> sign(KEY, ISSUER, "another-app", exp, "wang.office", Map.of("roles", List.of("OFFICE")));
            case NOT_A_JWT -> "not-a-jwt";
            case IMPORT_ROLE -> sign(KEY, ISSUER, AUDIENCE, exp, "mallory", Map.of("roles", List.of("IMPORT")));
            case SYSTEM_ROLE -> sign(KEY, ISSUER, AUDIENCE, exp, "mallory", Map.of("roles", List.of("OFFICE", "SYSTEM")));
            case TWO_ROLES -> sign(KEY, ISSUER, AUDIENCE, exp, "wang.office", Map.of("roles", List.of("OFFICE", "UNIT"),
                    "unit_id", "commerce"));
            case UNIT_WITHOUT_UNIT -> sign(KEY, ISSUER, AUDIENCE, exp, "chen.commerce", Map.of("roles", List.of("UNIT")));
            case DEPUTY_WITHOUT_DEPUTY -> sign(KEY, ISSUER, AUDIENCE, exp, "zhu.heping", Map.of("roles", List.of("DEPUTY")));
        };
    }

    // ---- what they call -------------------------------------------------------------------

    /** The state of the proposal a request acts on ({@code {id}} in its path). */
    enum Fixture { NONE, SUBMITTED, REGISTERED, ASSIGNED, RETURNED, REPLIED, REPLIED_B, RATED, VIEW }

    record PlainText(String text) {
    }

    /**
     * One endpoint: {@code {id}} is a proposal in the given state (lead unit commerce, co-unit
     * education, proposed by zhu-heping and gao-yonghong; VIEW: replied, shared by the reads),
     * {@code {session}} its session, {@code {new}} an id not used before. {@code writes}: a command,
     * so an allowed call must store events and a refused one none. Statuses per column of
     * {@link #COLUMNS}; reads on another unit's or deputy's proposal answer 404, as for an unknown
     * one (hidden and absent look alike).
     */
    record Endpoint(String method, String path, Fixture fixture, boolean writes, Object body, Map<String, Integer> expected) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    static final List<Endpoint> ENDPOINTS = List.of(
            //                                                                                           OF  SU  RE  UL  UC  UO  DP  DO  NR  NT  BAD
            command("PUT /api/v1/sessions/{new}", Fixture.NONE, Map.of("name", "测试会议"),                "200 403 403 403 403 403 403 403 403 401 401"),
            command("PUT /api/v1/sessions/{session}/deadline-rules", Fixture.NONE, Map.of("rehandlingMonths", 2), "200 403 403 403 403 403 403 403 403 401 401"),
            command("PUT /api/v1/units/{new}", Fixture.NONE, Map.of("name", "测试局", "kind", "DEPARTMENT"),  "200 403 403 403 403 403 403 403 403 401 401"),
            command("PUT /api/v1/deputies/{new}", Fixture.NONE, Map.of("name", "测试代表"),                  "200 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/imports", Fixture.NONE, new PlainText(report()),                          "201 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals", Fixture.NONE, LedgerTestSupport.submission(),                   "201 403 403 403 403 403 201 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/registration", Fixture.SUBMITTED, Map.of("number", "第9001号"), "202 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/rejection", Fixture.SUBMITTED, Map.of("reason", "不属于建议"),  "202 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/key-designation", Fixture.REGISTERED, Map.of("supervisingLeader", "李副市长"),
                                                                                                             "202 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/assignment", Fixture.REGISTERED, assignment(),              "202 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/assignment-return", Fixture.ASSIGNED, Map.of("reason", "不属于本单位职责"),
                                                                                                             "403 403 403 202 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/reassignment", Fixture.RETURNED, Map.of("leadUnitId", "xiaoyi"),
                                                                                                             "202 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/deadline-extension", Fixture.ASSIGNED, Map.of("newDueOn",
                    LocalDate.parse(TODAY).plusMonths(4).toString(), "approvedBy", "李副市长"),             "202 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/co-opinions", Fixture.ASSIGNED, Map.of("text", "同意。"),     "403 403 403 403 202 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/consultations", Fixture.ASSIGNED, Map.of("heldOn", TODAY, "mode", "IN_PERSON",
                    "participants", List.of("朱和平"), "notes", "当面沟通"),                                 "403 403 403 202 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/replies", Fixture.ASSIGNED, reply("A"),                      "403 403 403 202 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/ratings", Fixture.REPLIED, Map.of("rating", "SATISFIED", "comment", "满意"),
                                                                                                             "403 403 403 403 403 403 202 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/rehandling", Fixture.REPLIED, Map.of("reason", "答复不具体"),  "202 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/follow-ups", Fixture.REPLIED_B, Map.of("text", "已建成5个网点。"),
                                                                                                             "403 403 403 202 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/closure", Fixture.RATED, Map.of(),                          "202 403 403 403 403 403 403 403 403 401 401"),
            command("POST /api/v1/proposals/{id}/withdrawal", Fixture.SUBMITTED, Map.of("reason", "已解决"),   "403 403 403 403 403 403 202 403 403 401 401"),
            read("GET /api/v1/calendar",                                                                     "200 200 200 200 200 200 200 200 403 401 401"),
            read("POST /api/v1/calendar/reload",                                                             "200 403 403 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/proposals/{id}",                                                               "200 200 200 200 200 404 200 404 403 401 401"),
            read("GET /api/v1/proposals/{id}/history",                                                       "200 200 200 200 200 404 200 404 403 401 401"),
            read("GET /api/v1/proposals?sessionId={session}",                                                "200 200 200 200 200 200 200 200 403 401 401"),
            read("GET /api/v1/units/commerce/todo",                                                          "200 200 200 200 403 403 403 403 403 401 401"),
            read("GET /api/v1/supervision/key-proposals?sessionId={session}",                                "200 200 200 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/supervision/overdue?sessionId={session}",                                      "200 200 200 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/reports/sessions/{session}/key-proposals.txt",                                 "200 200 200 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/reports/sessions/{session}/key-proposals.docx",                                "200 200 200 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/reports/sessions/{session}/proposals.csv",                                     "200 200 200 200 200 200 200 200 403 401 401"),
            read("GET /api/v1/reports/sessions/{session}/proposals.xlsx",                                    "200 200 200 200 200 200 200 200 403 401 401"),
            read("GET /api/v1/reports/sessions/{session}/units.csv",                                         "200 200 200 200 200 200 403 403 403 401 401"),
            read("GET /api/v1/reports/sessions/{session}/units.xlsx",                                        "200 200 200 200 200 200 403 403 403 401 401"),
            read("GET /api/v1/dashboards/sessions/{session}",                                                "200 200 200 200 200 200 200 200 403 401 401"),
            read("GET /api/v1/dashboards/sessions/{session}/units",                                          "200 200 200 200 200 200 403 403 403 401 401"),
            read("GET /api/v1/dashboards/sessions/{session}/categories",                                     "200 200 200 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/dashboards/sessions/{session}/deputies",                                       "200 200 200 403 403 403 200 200 403 401 401"),
            read("GET /api/v1/dashboards/sessions/{session}/series?from=2022-01-01&to=2022-01-03",           "200 200 200 200 200 200 403 403 403 401 401"),
            read("GET /api/v1/dashboards/sessions/{session}/series?unitId=commerce&from=2022-01-01&to=2022-01-03",
                                                                                                             "200 200 200 200 403 403 403 403 403 401 401"),
            read("GET /api/v1/dashboards/sessions/{session}/stream",                                         "200 200 200 200 200 200 200 200 403 401 401"),
            read("GET /api/v1/proposals/{id}/state?sequence=1",                                              "200 200 200 200 200 404 200 404 403 401 401"),
            read("GET /api/v1/proposals/{id}/history?from=2020-01-01",                                       "200 200 200 200 200 404 200 404 403 401 401"),
            read("GET /api/v1/proposals/{id}/verification",                                                  "200 200 200 200 200 404 200 404 403 401 401"),
            read("POST /api/v1/admin/verification",                                                          "200 403 403 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/events?limit=5",                                                               "200 200 200 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/admin/processors",                                                             "200 200 200 403 403 403 403 403 403 401 401"),
            read("GET /api/v1/admin/dead-letters",                                                           "200 200 200 403 403 403 403 403 403 401 401"),
            read("POST /api/v1/admin/dead-letters/retry",                                                    "200 403 403 403 403 403 403 403 403 401 401"),
            read("POST /api/v1/admin/dead-letters/proposal-views/{id}/retry",                                "200 403 403 403 403 403 403 403 403 401 401"),
            read("POST /api/v1/admin/dead-letters/proposal-views/{id}/no-such-event/eviction",               "404 403 403 403 403 403 403 403 403 401 401"),
            read("GET /actuator/prometheus",                                                                 "200 200 200 403 403 403 403 403 403 401 401"),
            // public: a caller without a token is let in, but a token that is sent must be valid
            read("GET /v3/api-docs",                                                                         "200 200 200 200 200 200 200 200 200 200 401"),
            read("GET /actuator/health",                                                                     "200 200 200 200 200 200 200 200 200 200 401"),
            // last: the office's rebuild runs (the test waits for it) while everyone after is refused
            read("POST /api/v1/admin/rebuild",                                                               "202 403 403 403 403 403 403 403 403 401 401"));

    static Endpoint command(String request, Fixture fixture, Object body, String statuses) {
        return endpoint(request, fixture, true, body, statuses);
    }

    static Endpoint read(String request, String statuses) {
        return endpoint(request, request.contains("{id}") ? Fixture.VIEW : Fixture.NONE, false, null, statuses);
    }

    static Endpoint endpoint(String request, Fixture fixture, boolean writes, Object body, String statuses) {
        String[] parts = request.split(" ", 2);
        String[] codes = statuses.trim().split("\\s+");
        assertThat(codes).as("one status per column for " + request).hasSameSizeAs(COLUMNS.toArray());
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            expected.put(COLUMNS.get(i), Integer.parseInt(codes[i]));
        }
        return new Endpoint(parts[0], parts[1], fixture, writes, body, expected);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Caller c : Caller.values()) {
                cases.add(Arguments.of(e, c, e.expected().get(c.column)));
            }
        }
        return cases.stream();
    }

    // ---- the run --------------------------------------------------------------------------

    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private final Map<Fixture, String> spare = new EnumMap<>(Fixture.class);
    private final AtomicInteger fresh = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Api bearer;

    /** The API as {@link LedgerTestSupport} calls it, with a token per demo name. */
    private Api bearer() {
        if (bearer == null) {
            Map<String, Caller> names = Map.of("office", Caller.OFFICE, "deputy-zhu", Caller.PROPOSER,
                    "unit-commerce", Caller.LEAD_UNIT, "unit-education", Caller.CO_UNIT);
            bearer = new Api(port, name -> "Bearer " + tokens.computeIfAbsent(names.get(name),
                    ProductionSecurityTest::token));
        }
        return bearer;
    }

    @BeforeAll
    void referenceDataAndTheSharedProposal() {
        referenceData(bearer());
        expect(bearer().put("office", "/api/v1/deputies/li-ming", Map.of("name", "李明", "delegation", "孝义市代表团")), 200);
        String id = fixture(Fixture.REPLIED);
        spare.put(Fixture.VIEW, id);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response r = bearer().get("office", "/api/v1/proposals/" + id);
            return r.status() == 200 && "REPLIED".equals(r.json().path("status").asText());
        });
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void every_caller_against_every_endpoint(Endpoint endpoint, Caller caller, int expected) {
        String id = endpoint.fixture() == Fixture.NONE ? null
                : spare.computeIfAbsent(endpoint.fixture(), this::fixture);
        String path = endpoint.path().replace("{id}", String.valueOf(id)).replace("{session}", SESSION)
                .replace("{new}", "matrix-" + fresh.incrementAndGet());
        long before = storedEvents();

        Answer answer = call(caller, endpoint.method(), path, endpoint.body());

        assertThat(answer.status()).as("%s %s as %s: %s", endpoint.method(), path, caller, answer.body())
                .isEqualTo(expected);
        boolean allowed = answer.status() < 300;
        if (endpoint.writes() && allowed) {
            assertThat(storedEvents()).as("an allowed command stores its events").isGreaterThan(before);
            spare.remove(endpoint.fixture());
        } else {
            assertThat(storedEvents()).as("a refused command or a read stores no event").isEqualTo(before);
        }
        if (!allowed) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        if (answer.status() == 401) {
            assertThat(answer.wwwAuthenticate()).startsWith("Bearer");
        }
        if (path.endsWith("/admin/rebuild") && allowed) {
            // the read models answer 503 while they are rebuilt; let the other tests find them whole
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    !call(Caller.OFFICE, "GET", "/api/v1/admin/processors", null).json().path("rebuilding").asBoolean(true));
        }
    }

    @Test
    void lists_show_a_unit_and_a_deputy_only_their_own_proposals() {
        String id = spare.get(Fixture.VIEW);
        String path = "/api/v1/proposals?sessionId=" + SESSION + "&limit=200";
        assertThat(ids(call(Caller.LEAD_UNIT, "GET", path, null))).contains(id);
        assertThat(ids(call(Caller.CO_UNIT, "GET", path, null))).contains(id);
        assertThat(ids(call(Caller.PROPOSER, "GET", path, null))).contains(id);
        assertThat(ids(call(Caller.OTHER_UNIT, "GET", path, null))).doesNotContain(id);
        assertThat(ids(call(Caller.OTHER_DEPUTY, "GET", path, null))).doesNotContain(id);
        assertThat(ids(call(Caller.SUPERVISOR, "GET", path, null))).contains(id);
    }

    @Test
    void events_record_the_actor_the_token_names() {
        JsonNode history = call(Caller.OFFICE, "GET", "/api/v1/proposals/" + spare.get(Fixture.VIEW) + "/history", null).json();
        Map<String, JsonNode> actors = new HashMap<>();
        history.path("entries").forEach(e -> actors.put(e.path("type").asText(), e.path("actor")));
        assertThat(actors.get("ProposalSubmitted").path("user").asText()).isEqualTo("zhu.heping");
        assertThat(actors.get("ProposalSubmitted").path("role").asText()).isEqualTo("DEPUTY");
        assertThat(actors.get("ProposalSubmitted").path("deputyId").asText()).isEqualTo("zhu-heping");
        assertThat(actors.get("ProposalRegistered").path("user").asText()).isEqualTo("wang.office");
        assertThat(actors.get("ProposalReplied").path("user").asText()).isEqualTo("chen.commerce");
        assertThat(actors.get("ProposalReplied").path("role").asText()).isEqualTo("UNIT");
        assertThat(actors.get("ProposalReplied").path("unitId").asText()).isEqualTo("commerce");
    }

    @Test
    void a_refused_token_says_why() {
        Answer answer = call(Caller.IMPORT_ROLE, "GET", "/api/v1/calendar", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("rule").asText()).isEqualTo("invalid-token");
        assertThat(answer.json().path("detail").asText()).contains("IMPORT").contains("reserved");
        assertThat(answer.wwwAuthenticate()).contains("invalid_token");
    }

    @Test
    void no_basic_credentials_are_accepted() {
        Api basic = new Api(port);
        assertThat(basic.get("office", "/api/v1/calendar").status()).isEqualTo(401);
    }

    private static List<String> ids(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** A new proposal in the given state, taken there by the callers whose step each is. */
    private String fixture(Fixture state) {
        Api api = bearer();
        if (state == Fixture.SUBMITTED) {
            return submit(api);
        }
        String id;
        switch (state) {
            case REGISTERED -> {
                id = submit(api);
                expect(api.post("office", "/api/v1/proposals/" + id + "/registration",
                        Map.of("number", "第" + fresh.incrementAndGet() + "号")), 202);
            }
            case ASSIGNED -> {
                id = fixture(Fixture.REGISTERED);
                expect(api.post("office", "/api/v1/proposals/" + id + "/assignment", assignment()), 202);
            }
            case RETURNED -> {
                id = fixture(Fixture.ASSIGNED);
                expect(api.post("unit-commerce", "/api/v1/proposals/" + id + "/assignment-return",
                        Map.of("reason", "不属于本单位职责")), 202);
            }
            case REPLIED, REPLIED_B, VIEW -> {
                id = fixture(Fixture.ASSIGNED);
                expect(api.post("unit-commerce", "/api/v1/proposals/" + id + "/replies",
                        reply(state == Fixture.REPLIED_B ? "B" : "A")), 202);
            }
            case RATED -> {
                id = fixture(Fixture.REPLIED);
                expect(api.post("deputy-zhu", "/api/v1/proposals/" + id + "/ratings",
                        Map.of("rating", "SATISFIED", "comment", "满意")), 202);
            }
            default -> throw new IllegalArgumentException(state.name());
        }
        return id;
    }

    private static Map<String, Object> assignment() {
        return Map.of("leadUnitId", "commerce", "coUnitIds", List.of("education"));
    }

    private static Map<String, Object> reply(String classification) {
        return Map.of("classification", classification, "text", "已完成三级物流体系建设。", "signedBy", "王局长");
    }

    private static String report() {
        return """
                丁市五届人大二次会议重点建议及办理情况

                前言

                会议期间，市政府共收到代表建议1件。

                关于加强农村饮水安全的建议

                建议者：孔甲

                部分山区村饮水设施老化。

                1.加快管网改造。

                办理情况：已完成12个村的管网改造。

                丁市水利局
                """;
    }

    // ---- HTTP ----------------------------------------------------------------------------

    record Answer(int status, String body, String contentType, String wwwAuthenticate) {
        JsonNode json() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** One request; an event stream is not read to its end (it has none), only its status and headers. */
    Answer call(Caller caller, String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bearer().base() + path))
                    .timeout(Duration.ofSeconds(30));
            if (body instanceof PlainText t) {
                b.method(method, HttpRequest.BodyPublishers.ofString(t.text(), StandardCharsets.UTF_8))
                        .header("Content-Type", "text/plain; charset=UTF-8");
            } else if (body != null) {
                b.method(method, HttpRequest.BodyPublishers.ofString(
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body), StandardCharsets.UTF_8))
                        .header("Content-Type", "application/json");
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            String token = tokens.computeIfAbsent(caller, c -> {
                String t = token(c);
                return t == null ? "" : t;
            });
            if (!token.isEmpty()) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            String text;
            try (InputStream in = r.body()) {
                text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(r.statusCode(), text, type, r.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- keys and tokens -------------------------------------------------------------------

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path writePublicKey(KeyPair key) {
        try {
            Path pem = Files.createTempFile("ledger-issuer-", ".pem");
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sign(KeyPair key, String issuer, String audience, Instant expires, String user, Map<String, Object> claims) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject("uid-" + user).claim("preferred_username", user)
                .issueTime(Date.from(Instant.now().minusSeconds(600))).expirationTime(Date.from(expires));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                set.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
