package org.proposalledger.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.proposal.Category;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.RegisterProposal;
import org.proposalledger.api.proposal.SubmitProposal;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.security.Actor;
import org.proposalledger.command.idempotency.LedgerProcess.Response;
import org.proposalledger.command.watch.MovableClock;
import org.proposalledger.platform.idempotency.IdempotencyStore;
import org.proposalledger.platform.idempotency.IdempotentRequest;
import org.proposalledger.platform.idempotency.StoredAnswer;
import org.proposalledger.platform.web.Commands;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.command.idempotency.LedgerProcess.expect;
import static org.proposalledger.command.idempotency.LedgerProcess.submission;

/**
 * {@code Idempotency-Key} on the command side against its embedded H2 event store, over real
 * HTTP, with a clock the test moves: replay, 422, 400, per-user keys, refusals kept, expiry and
 * purge, concurrent and overlapping retries, the import, and the transaction the key's answer
 * shares with the command's events.
 */
class IdempotencyIntegrationTest {

    static final MovableClock CLOCK = new MovableClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    static final Path DATA_DIR = Path.of("target", "test-data", "idempotency-" + UUID.randomUUID()).toAbsolutePath();
    static LedgerProcess ledger;

    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(CLOCK, List.of("--ledger.data-dir=" + DATA_DIR,
                "--ledger.idempotency.retention=1h", "--ledger.idempotency.purge-interval=100ms",
                "--ledger.idempotency.in-use-wait=200ms"));
        ledger.referenceData();
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    static String key() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    // ---- replay --------------------------------------------------------------------------------

    @Test
    void a_retried_submission_gets_the_first_answer_and_stores_nothing_more() {
        String key = key();
        Response first = expect(ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于加装电梯的建议")), 201);
        long stored = ledger.events();

        Response retry = ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于加装电梯的建议"));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"))
                .isEqualTo("/api/v1/proposals/" + first.json().get("id").asText());
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(ledger.events()).isEqualTo(stored);

        // the same request without a key is a new submission: what the key prevents
        expect(ledger.post("deputy-zhu", "/api/v1/proposals", null, submission("关于加装电梯的建议")), 201);
        assertThat(ledger.events()).isEqualTo(stored + 1);
    }

    @Test
    void a_retried_consultation_is_stored_once() {
        String id = ledger.assignedProposal("关于农村电商的建议");
        String path = "/api/v1/proposals/" + id + "/consultations";
        String body = """
                {"heldOn": "2026-03-02", "mode": "IN_PERSON", "participants": ["朱和平"], "notes": "当面沟通"}""";
        String key = key();

        Response first = expect(ledger.post("unit-commerce", path, key, body), 202);
        Response retry = expect(ledger.post("unit-commerce", path, key, body), 202);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(ledger.eventsOf(id, "ConsultationHeld")).isEqualTo(1);
        // a consultation may be held several times, so without the key the retry is a second one
        expect(ledger.post("unit-commerce", path, null, body), 202);
        assertThat(ledger.eventsOf(id, "ConsultationHeld")).isEqualTo(2);
    }

    @Test
    void every_command_endpoint_replays_lifecycle_steps_and_puts_included() {
        String id = ledger.assignedProposal("关于完善物流体系的建议");
        String key = key();
        String reply = """
                {"classification": "A", "text": "已完成。", "signedBy": "王局长"}""";
        Response replied = expect(ledger.post("unit-commerce", "/api/v1/proposals/" + id + "/replies", key, reply), 202);
        long stored = ledger.events();
        assertThat(ledger.post("unit-commerce", "/api/v1/proposals/" + id + "/replies", key, reply).body())
                .isEqualTo(replied.body());

        String unitKey = key();
        String unit = "/api/v1/units/housing-" + UUID.randomUUID().toString().substring(0, 8);
        Response put = expect(ledger.put("office", unit, unitKey, """
                {"name": "市住建局", "kind": "DEPARTMENT"}"""), 200);
        Response rules = expect(ledger.put("office", "/api/v1/sessions/s2026/deadline-rules", unitKey, "{}"), 422);
        assertThat(rules.rule()).isEqualTo("idempotency-key-reused");
        assertThat(expect(ledger.put("office", unit, unitKey, """
                {"name": "市住建局", "kind": "DEPARTMENT"}"""), 200).header("Idempotent-Replayed")).isEqualTo("true");

        String reloadKey = key();
        Response reload = expect(ledger.send("POST", "office", "/api/v1/calendar/reload", List.of(reloadKey), null, null), 200);
        Response again = expect(ledger.send("POST", "office", "/api/v1/calendar/reload", List.of(reloadKey), null, null), 200);
        assertThat(again.body()).isEqualTo(reload.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(put.json().get("id").asText()).isEqualTo(unit.substring(unit.lastIndexOf('/') + 1));
        assertThat(ledger.events()).isEqualTo(stored + 1); // the new unit, once
    }

    // ---- the same key on another request --------------------------------------------------------

    @Test
    void the_same_key_on_another_body_or_path_is_422_and_stores_nothing() {
        String key = key();
        Response first = expect(ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于修建道路的建议")), 201);
        long stored = ledger.events();

        Response otherBody = ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于修建桥梁的建议"));
        String id = first.json().get("id").asText();
        Response otherPath = ledger.post("deputy-zhu", "/api/v1/proposals/" + id + "/withdrawal", key, """
                {"reason": "已解决"}""");

        for (Response r : List.of(otherBody, otherPath)) {
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.rule()).isEqualTo("idempotency-key-reused");
        }
        assertThat(ledger.events()).isEqualTo(stored);
        // the key still answers its own request
        assertThat(ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于修建道路的建议")).body())
                .isEqualTo(first.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"\"", "\"unterminated", "\"a\";p=1", "\"a\", \"b\"", "two words", "\"bad\\escape\"",
            "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                    + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                    + "01234567890123456789012345678901234567890123456789012345"})
    void a_malformed_key_is_400_and_stores_nothing(String malformed) {
        long stored = ledger.events();
        Response r = ledger.post("deputy-zhu", "/api/v1/proposals", malformed, submission("关于键值的建议"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.rule()).isEqualTo("invalid-idempotency-key");
        assertThat(ledger.events()).isEqualTo(stored);
    }

    @Test
    void two_key_headers_are_400() {
        long stored = ledger.events();
        Response r = ledger.send("POST", "deputy-zhu", "/api/v1/proposals", List.of(key(), key()), "application/json",
                submission("关于两个键的建议"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rule()).isEqualTo("invalid-idempotency-key");
        assertThat(ledger.events()).isEqualTo(stored);
    }

    @Test
    void an_unquoted_key_is_the_same_key_as_its_quoted_form() {
        String bare = UUID.randomUUID().toString();
        Response first = expect(ledger.post("deputy-zhu", "/api/v1/proposals", bare, submission("关于公交线路的建议")), 201);
        Response quoted = expect(ledger.post("deputy-zhu", "/api/v1/proposals", "\"" + bare + "\"",
                submission("关于公交线路的建议")), 201);
        assertThat(quoted.header("Location")).isEqualTo(first.header("Location"));
        assertThat(quoted.header("Idempotent-Replayed")).isEqualTo("true");
    }

    // ---- whose key ---------------------------------------------------------------------------------

    @Test
    void another_user_with_the_same_key_executes_independently() {
        String key = key();
        long before = ledger.events();
        Response zhu = expect(ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于停车难的建议")), 201);
        Response gao = expect(ledger.post("deputy-gao", "/api/v1/proposals", key, submission("关于停车难的建议")), 201);

        assertThat(gao.header("Location")).isNotEqualTo(zhu.header("Location"));
        assertThat(gao.header("Idempotent-Replayed")).isNull();
        assertThat(ledger.events()).isEqualTo(before + 2);
        // and each replays their own
        assertThat(ledger.post("deputy-gao", "/api/v1/proposals", key, submission("关于停车难的建议")).header("Location"))
                .isEqualTo(gao.header("Location"));
    }

    // ---- which answers are kept -------------------------------------------------------------------

    @Test
    void a_refusal_is_kept_and_replayed() {
        String key = key();
        Response refused = ledger.post("reader", "/api/v1/proposals", key, submission("关于读者的建议"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(ledger.keyRows("reader", key.substring(1, key.length() - 1))).isEqualTo(1);

        Response again = ledger.post("reader", "/api/v1/proposals", key, submission("关于读者的建议"));
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body()).isEqualTo(refused.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    // ---- expiry ----------------------------------------------------------------------------------

    @Test
    void a_key_expires_after_its_retention_is_purged_and_then_executes_afresh() {
        String key = key();
        String bare = key.substring(1, key.length() - 1);
        Response first = expect(ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于垃圾分类的建议")), 201);
        CLOCK.set(LocalDateTime.ofInstant(CLOCK.instant(), MovableClock.ZONE).plusMinutes(59));
        assertThat(ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于垃圾分类的建议"))
                .header("Location")).isEqualTo(first.header("Location"));
        assertThat(ledger.keyRows("deputy-zhu", bare)).isEqualTo(1);

        CLOCK.set(LocalDateTime.ofInstant(CLOCK.instant(), MovableClock.ZONE).plusMinutes(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.keyRows("deputy-zhu", bare) == 0);

        long before = ledger.events();
        Response afresh = expect(ledger.post("deputy-zhu", "/api/v1/proposals", key, submission("关于垃圾分类的建议")), 201);
        assertThat(afresh.header("Location")).isNotEqualTo(first.header("Location"));
        assertThat(afresh.header("Idempotent-Replayed")).isNull();
        assertThat(ledger.events()).isEqualTo(before + 1);
    }

    // ---- concurrency ------------------------------------------------------------------------------

    @Test
    void concurrent_requests_with_one_key_execute_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = key();
            String body = submission("关于并发提交的建议" + round);
            long before = ledger.events();
            int clients = 8;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return ledger.post("deputy-zhu", "/api/v1/proposals", key, body);
                }));
            }
            go.countDown();
            List<Response> got = new ArrayList<>();
            for (Future<Response> f : answers) {
                got.add(f.get());
            }
            pool.shutdown();

            assertThat(ledger.events()).as("round %d: %s", round, got).isEqualTo(before + 1);
            Set<String> locations = got.stream().filter(r -> r.status() == 201).map(r -> r.header("Location"))
                    .collect(Collectors.toSet());
            assertThat(locations).as("round %d: %s", round, got).hasSize(1);
            assertThat(got).allSatisfy(r -> assertThat(r.status() == 201
                    || (r.status() == 409 && "idempotency-key-in-use".equals(r.rule()) && "1".equals(r.header("Retry-After"))))
                    .as("%s", r).isTrue());
            assertThat(got.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null).count())
                    .as("executed once: %s", got).isEqualTo(1);
        }
    }

    @Test
    void a_retry_while_the_first_runs_is_409_then_gets_the_first_answer() throws Exception {
        String key = key();
        String bare = key.substring(1, key.length() - 1);
        String report = report("2026年测试会议重点建议及办理情况", "关于测试第%d项工作的建议", 150);
        long before = ledger.events();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() ->
                ledger.send("POST", "office", "/api/v1/imports", List.of(key), "text/plain; charset=UTF-8", report));
        // the first request's key row exists, uncommitted, as soon as it has begun
        await().atMost(Duration.ofSeconds(20)).until(() -> first.isDone() || uncommittedKeyRows("office", bare) == 1);
        assertThat(first.isDone()).as("the import was still running when the retry came").isFalse();

        Response retry = ledger.send("POST", "office", "/api/v1/imports", List.of(key), "text/plain; charset=UTF-8", report);
        assertThat(retry.status()).as(retry.body()).isEqualTo(409);
        assertThat(retry.rule()).isEqualTo("idempotency-key-in-use");
        assertThat(retry.header("Retry-After")).isEqualTo("1");

        Response done = expect(first.get(), 201);
        assertThat(done.json().get("proposalsCreated").asInt()).isEqualTo(150);
        long imported = ledger.events();
        assertThat(imported).isGreaterThan(before + 150);
        Response later = expect(ledger.send("POST", "office", "/api/v1/imports", List.of(key),
                "text/plain; charset=UTF-8", report), 201);
        assertThat(later.body()).isEqualTo(done.body());
        assertThat(ledger.events()).isEqualTo(imported);
    }

    /** Reads what another transaction has not committed yet (H2 supports READ UNCOMMITTED). */
    static long uncommittedKeyRows(String user, String key) throws Exception {
        try (Connection c = ledger.context.getBean(DataSource.class).getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM ledger_idempotency_key WHERE user_name = ? AND idempotency_key = ?")) {
                s.setString(1, user);
                s.setString(2, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                } finally {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
        }
    }

    // ---- the import: many commands in one transaction ------------------------------------------------

    @Test
    void an_import_keeps_new_suggestions_before_ones_it_finds_recorded_already() {
        String title = "2026年导入会议重点建议及办理情况";
        String older = block("关于已导入的第一项建议", "朱和平") + "\n\n" + block("关于已导入的第二项建议", "高永红");
        String newer = block("关于新导入的建议", "朱和平");
        expect(ledger.send("POST", "office", "/api/v1/imports", List.of(), "text/plain; charset=UTF-8",
                preface(title) + older + "\n"), 201);

        String key = key();
        // the new suggestion comes first; each older one is then refused as already done, and goes on
        Response both = expect(ledger.send("POST", "office", "/api/v1/imports", List.of(key),
                "text/plain; charset=UTF-8", preface(title) + newer + "\n\n" + older + "\n"), 201);
        assertThat(both.json().get("proposalsCreated").asInt()).isEqualTo(1);
        assertThat(both.json().get("proposalsUnchanged").asInt()).isEqualTo(2);

        String id = submittedProposalTitled("关于新导入的建议");
        assertThat(id).as("the new suggestion's proposal is stored").isNotNull();
        assertThat(ledger.eventsOf(id, "ProposalSubmitted") + ledger.eventsOf(id, "ProposalRegistered")
                + ledger.eventsOf(id, "ProposalAssigned") + ledger.eventsOf(id, "ProposalReplied")).isEqualTo(4);
        long stored = ledger.events();
        assertThat(ledger.send("POST", "office", "/api/v1/imports", List.of(key), "text/plain; charset=UTF-8",
                preface(title) + newer + "\n\n" + older + "\n").body()).isEqualTo(both.body());
        assertThat(ledger.events()).isEqualTo(stored);
    }

    static String submittedProposalTitled(String title) {
        return ledger.jdbc().query("SELECT aggregateIdentifier, payload FROM domainevententry WHERE payloadType LIKE ?",
                        (rs, i) -> new String(rs.getBytes(2), StandardCharsets.UTF_8).contains(title) ? rs.getString(1) : null,
                        "%.ProposalSubmitted").stream()
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    static String preface(String title) {
        return title + "\n\n前言\n\n会议期间共收到建议若干件。\n\n";
    }

    static String block(String title, String proposer) {
        return title + "\n\n建议者:" + proposer + "\n\n村里道路破损严重。\n\n建议:\n\n一是尽快修路。\n\n办理情况\n\n已列入计划。\n\n某市交通运输局";
    }

    static String report(String title, String titlePattern, int suggestions) {
        StringBuilder b = new StringBuilder(preface(title));
        for (int i = 1; i <= suggestions; i++) {
            b.append(block(titlePattern.formatted(i), i % 2 == 0 ? "朱和平" : "高永红")).append("\n\n");
        }
        return b.toString();
    }

    // ---- the transaction ----------------------------------------------------------------------------

    @Test
    void a_commands_events_and_its_key_commit_together_or_not_at_all() {
        PlatformTransactionManager transactions = ledger.context.getBean(PlatformTransactionManager.class);
        IdempotencyStore store = ledger.context.getBean(IdempotencyStore.class);
        Commands commands = ledger.context.getBean(Commands.class);
        long now = CLOCK.millis();

        for (boolean commit : List.of(false, true)) {
            ProposalId id = ProposalId.of(UUID.randomUUID().toString());
            String key = "direct-" + id.value();
            IdempotentRequest request = IdempotentRequest.of("deputy-zhu", key, "POST", "/api/v1/proposals", null,
                    new byte[0]);
            TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
            assertThat(store.claim(request, now, now + 3_600_000)).isTrue();
            commands.sendAs(Actor.deputy("deputy-zhu", "zhu-heping"), submit(id));
            store.complete(request, new StoredAnswer(201, "application/json", null, "{}".getBytes()), now, now + 3_600_000);
            if (commit) {
                transactions.commit(tx);
            } else {
                transactions.rollback(tx);
            }
            assertThat(ledger.eventsOf(id.value(), "ProposalSubmitted")).as("events, commit=%s", commit).isEqualTo(commit ? 1 : 0);
            assertThat(ledger.keyRows("deputy-zhu", key)).as("key, commit=%s", commit).isEqualTo(commit ? 1 : 0);
        }
    }

    @Test
    void a_refused_command_in_the_requests_transaction_does_not_undo_the_ones_before_it() {
        PlatformTransactionManager transactions = ledger.context.getBean(PlatformTransactionManager.class);
        Commands commands = ledger.context.getBean(Commands.class);
        ProposalId id = ProposalId.of(UUID.randomUUID().toString());

        TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        commands.sendAs(Actor.deputy("deputy-zhu", "zhu-heping"), submit(id));
        // a deputy may not register: the aggregate (loaded from the store in this transaction) refuses
        assertThatThrownBy(() -> commands.sendAs(Actor.deputy("deputy-zhu", "zhu-heping"),
                new RegisterProposal(id, "第1号"))).isInstanceOf(CommandRejectedException.class);
        transactions.commit(tx);

        assertThat(ledger.eventsOf(id.value(), "ProposalSubmitted")).isEqualTo(1);
        assertThat(ledger.eventsOf(id.value(), "ProposalRegistered")).isZero();
    }

    static SubmitProposal submit(ProposalId id) {
        return new SubmitProposal(id, SessionId.of("s2026"), "关于直接提交的建议",
                List.of(DeputyId.of("zhu-heping")), false, Category.ECONOMY, "背景", List.of("一是"));
    }

    // ---- the API document ---------------------------------------------------------------------------

    @Test
    void the_openapi_document_describes_the_key_on_every_post_and_put() {
        JsonNode paths = expect(ledger.get("office", "/v3/api-docs"), 200).json().get("paths");
        List<String> commandOperations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey();
            boolean documented = false;
            for (JsonNode p : op.getValue().path("parameters")) {
                documented |= "Idempotency-Key".equals(p.path("name").asText()) && "header".equals(p.path("in").asText());
            }
            if (method.equals("post") || method.equals("put")) {
                commandOperations.add(method + " " + path.getKey());
                assertThat(documented).as("%s %s", method, path.getKey()).isTrue();
                assertThat(op.getValue().path("responses").has("409")).as("409 on %s %s", method, path.getKey()).isTrue();
                assertThat(op.getValue().path("responses").path("422").path("description").asText())
                        .contains("idempotency-key-reused");
            } else {
                assertThat(documented).as("%s %s", method, path.getKey()).isFalse();
            }
        }));
        assertThat(commandOperations).contains("post /api/v1/proposals", "post /api/v1/proposals/{id}/consultations",
                "put /api/v1/units/{id}", "put /api/v1/sessions/{id}/deadline-rules", "post /api/v1/imports",
                "post /api/v1/calendar/reload");
    }
}
