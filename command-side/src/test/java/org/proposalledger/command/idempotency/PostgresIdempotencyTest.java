package org.proposalledger.command.idempotency;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.proposal.ConsultationMode;
import org.proposalledger.api.proposal.ProposalId;
import org.proposalledger.api.proposal.RecordConsultation;
import org.proposalledger.api.security.Actor;
import org.proposalledger.command.idempotency.LedgerProcess.Response;
import org.proposalledger.command.watch.MovableClock;
import org.proposalledger.platform.audit.ChainReport;
import org.proposalledger.platform.audit.ChainVerifier;
import org.proposalledger.platform.web.Commands;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.proposalledger.command.idempotency.LedgerProcess.expect;
import static org.proposalledger.command.idempotency.LedgerProcess.submission;

/**
 * Two command sides (two application contexts, each with its own connection pool, port and
 * data folder) on one PostgreSQL database share their keys: a retry reaching the other side is
 * answered from the first side's answer, and two sides racing on one key execute it once.
 * Needs {@code LEDGER_TEST_POSTGRES_URL} (set by .ci/run); skipped with that reason without it,
 * except on CI. The database may hold other tests' events: counts are differences, and nothing
 * else writes while these run (the deadline watchers are off).
 */
class PostgresIdempotencyTest {

    static final String URL = System.getenv("LEDGER_TEST_POSTGRES_URL");
    static final MovableClock CLOCK = new MovableClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    static LedgerProcess a;
    static LedgerProcess b;

    @BeforeAll
    static void start() {
        if (System.getenv("CI") != null) {
            assertThat(URL).as("CI must set LEDGER_TEST_POSTGRES_URL").isNotBlank();
        }
        assumeTrue(URL != null && !URL.isBlank(),
                "LEDGER_TEST_POSTGRES_URL is not set: PostgreSQL idempotency tests skipped");
        a = LedgerProcess.start(CLOCK, args("a"));
        b = LedgerProcess.start(CLOCK, args("b"));
        a.referenceData();
    }

    static List<String> args(String name) {
        Path dir = Path.of("target", "test-data", "idempotency-pg-" + name + "-" + UUID.randomUUID()).toAbsolutePath();
        return List.of("--ledger.data-dir=" + dir, "--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres"),
                "--ledger.idempotency.in-use-wait=500ms");
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static String key() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    @Test
    void a_key_used_on_one_command_side_is_answered_by_the_other() {
        String key = key();
        Response first = expect(a.post("deputy-zhu", "/api/v1/proposals", key, submission("关于共享键的建议")), 201);
        long stored = a.events();

        Response retry = expect(b.post("deputy-zhu", "/api/v1/proposals", key, submission("关于共享键的建议")), 201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));

        Response other = b.post("deputy-zhu", "/api/v1/proposals", key, submission("关于另一个键的建议"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.rule()).isEqualTo("idempotency-key-reused");
        // another user's same key is theirs, on either side
        Response gao = expect(b.post("deputy-gao", "/api/v1/proposals", key, submission("关于共享键的建议")), 201);
        assertThat(gao.header("Location")).isNotEqualTo(first.header("Location"));
        assertThat(a.events()).isEqualTo(stored + 1);
    }

    @Test
    void two_command_sides_racing_on_one_key_execute_it_once() throws Exception {
        for (int round = 0; round < 10; round++) {
            String key = key();
            String body = submission("关于两个命令端竞争的建议" + round);
            long before = a.events();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                LedgerProcess side = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> {
                    go.await();
                    return side.post("deputy-zhu", "/api/v1/proposals", key, body);
                }));
            }
            go.countDown();
            List<Response> got = new ArrayList<>();
            for (Future<Response> f : answers) {
                got.add(f.get());
            }
            pool.shutdown();

            assertThat(a.events()).as("round %d: %s", round, got).isEqualTo(before + 1);
            Set<String> locations = got.stream().filter(r -> r.status() == 201).map(r -> r.header("Location"))
                    .collect(Collectors.toSet());
            assertThat(locations).as("round %d: %s", round, got).hasSize(1);
            assertThat(got).allSatisfy(r -> assertThat(r.status() == 201
                    || (r.status() == 409 && "idempotency-key-in-use".equals(r.rule()))).as("%s", r).isTrue());
            assertThat(got.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null).count())
                    .as("executed once: %s", got).isEqualTo(1);
        }
    }

    /**
     * The database connection of a keyed import is cut while the import runs (its backend
     * terminated, as a database crash would): the request fails with a 5xx, which is not kept,
     * and nothing of it was stored; the retry with the same key executes the whole import once.
     */
    @Test
    void a_request_whose_transaction_dies_is_not_kept_and_its_retry_executes_once() throws Exception {
        String key = key();
        int suggestions = 120;
        String report = IdempotencyIntegrationTest.report("2026年断线会议" + UUID.randomUUID().toString().substring(0, 6)
                + "重点建议及办理情况", "关于断线测试第%d项工作的建议", suggestions);
        long before = a.events();
        java.util.concurrent.CompletableFuture<Response> first = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                a.send("POST", "office", "/api/v1/imports", List.of(key), "text/plain; charset=UTF-8", report));
        // the one transaction in this database that has written something is the import's
        String writer = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                + " AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> first.isDone() || !b.jdbc().queryForList(writer, Integer.class).isEmpty());
        assertThat(first.isDone()).as("the import was still running").isFalse();
        List<Integer> pids = b.jdbc().queryForList(writer, Integer.class);
        assertThat(pids).hasSize(1);
        assertThat(b.jdbc().queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pids.get(0))).isTrue();

        Response failed = first.get();
        assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
        assertThat(a.events()).as("nothing of the cut import is stored").isEqualTo(before);
        assertThat(a.keyRows("office", key.substring(1, key.length() - 1))).isZero();

        Response retry = expect(a.send("POST", "office", "/api/v1/imports", List.of(key), "text/plain; charset=UTF-8",
                report), 201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(retry.json().get("proposalsCreated").asInt()).isEqualTo(suggestions);
        assertThat(retry.json().get("proposalsUnchanged").asInt()).isZero();
        long imported = a.events();
        assertThat(expect(b.send("POST", "office", "/api/v1/imports", List.of(key), "text/plain; charset=UTF-8",
                report), 201).body()).isEqualTo(retry.body());
        assertThat(a.events()).isEqualTo(imported);
    }

    /**
     * A command that joined a request's transaction which then rolled back must leave no hash
     * link in the chaining cache: the next event, after the other side stored that sequence,
     * links to the other side's event, and the chain stays intact.
     */
    @Test
    void a_rolled_back_request_leaves_no_chain_link_behind() {
        String id = a.assignedProposal("关于哈希链回滚的建议");
        Actor lead = Actor.unit("unit-commerce", "commerce");
        PlatformTransactionManager transactions = a.context.getBean(PlatformTransactionManager.class);
        TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
        a.context.getBean(Commands.class).sendAs(lead, new RecordConsultation(ProposalId.of(id),
                LocalDate.of(2026, 3, 2), ConsultationMode.PHONE, List.of("朱和平"), "回滚的面商"));
        transactions.rollback(tx);

        String consultation = """
                {"heldOn": "2026-03-02", "mode": "IN_PERSON", "participants": ["朱和平"], "notes": "%s"}""";
        expect(b.post("unit-commerce", "/api/v1/proposals/" + id + "/consultations", key(),
                consultation.formatted("另一命令端的面商")), 202);
        expect(a.post("unit-commerce", "/api/v1/proposals/" + id + "/consultations", key(),
                consultation.formatted("之后的面商")), 202);

        assertThat(a.eventsOf(id, "ConsultationHeld")).isEqualTo(2);
        ChainReport report = a.context.getBean(ChainVerifier.class).verify(id);
        assertThat(report.intact()).as("%s", report).isTrue();
    }
}
