package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.standalone.LedgerTestSupport.SESSION;
import static org.proposalledger.standalone.LedgerTestSupport.expect;

/**
 * The whole system with a clock the test moves: session rules, the supervision views, and due
 * dates that pass (around the Qingming holiday) while the process is stopped — each raised
 * exactly once, at start-up.
 */
class SupervisionEndToEndTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The process's clock, held at chosen instants (set before each start). */
    final MutableClock clock = MutableClock.epochUTC().withZone(ZONE);

    void setClock(LocalDateTime t) {
        clock.setInstant(t.atZone(ZONE).toInstant());
    }

    ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ProposalLedgerApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                .run("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.deadlines.poll-interval=200ms");
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    static String assigned(Api api, String number, List<String> coUnits) {
        String id = LedgerTestSupport.submit(api);
        expect(api.post("office", "/api/v1/proposals/" + id + "/registration", Map.of("number", number)), 202);
        expect(api.post("office", "/api/v1/proposals/" + id + "/assignment",
                Map.of("leadUnitId", "commerce", "coUnitIds", coUnits)), 202);
        return id;
    }

    static List<String> kinds(JsonNode todo, String proposalId) {
        List<String> kinds = new ArrayList<>();
        todo.get("items").forEach(i -> {
            if (i.get("proposalId").asText().equals(proposalId)) {
                kinds.add(i.get("kind").asText());
            }
        });
        return kinds;
    }

    static long count(Api api, String id, String type) {
        JsonNode history = api.get("office", "/api/v1/proposals/" + id + "/history").json();
        JsonNode events = history.get("entries");
        long n = 0;
        for (JsonNode e : events) {
            if (type.equals(e.get("type").asText())) {
                n++;
            }
        }
        return n;
    }

    static JsonNode firstOf(Api api, String id, String type) {
        JsonNode history = api.get("office", "/api/v1/proposals/" + id + "/history").json();
        JsonNode events = history.get("entries");
        for (JsonNode e : events) {
            if (type.equals(e.get("type").asText())) {
                return e;
            }
        }
        return null;
    }

    @Test
    void supervision_views_and_due_dates_passing_while_stopped() {
        Path dataDir = LedgerTestSupport.freshDataDir();
        setClock(LocalDateTime.of(2026, 1, 5, 10, 0));   // Monday
        String plain;
        String key;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            LedgerTestSupport.referenceData(api);
            expect(api.put("unit-commerce", "/api/v1/sessions/" + SESSION + "/deadline-rules",
                    Map.of("reminderWorkingDays", 3)), 403);
            expect(api.put("office", "/api/v1/sessions/" + SESSION + "/deadline-rules",
                    Map.of("reminderWorkingDays", 3)), 200);
            expect(api.put("office", "/api/v1/sessions/" + SESSION + "/deadline-rules",
                    Map.of("replyMonths", 7)), 400);   // beyond the 6-month extension limit

            plain = assigned(api, "第0001号", List.of("education"));
            key = LedgerTestSupport.submit(api);
            expect(api.post("office", "/api/v1/proposals/" + key + "/registration", Map.of("number", "第0002号")), 202);
            expect(api.post("office", "/api/v1/proposals/" + key + "/key-designation",
                    Map.of("supervisingLeader", "李副主任")), 202);
            expect(api.post("office", "/api/v1/proposals/" + key + "/assignment",
                    Map.of("leadUnitId", "commerce", "coUnitIds", List.of())), 202);

            String keyId = key;
            String plainId = plain;
            await().atMost(Duration.ofSeconds(20)).until(() -> kinds(
                    api.get("unit-commerce", "/api/v1/units/commerce/todo").json(), keyId).size() == 3);
            JsonNode todo = api.get("unit-commerce", "/api/v1/units/commerce/todo").json();
            // ordered by due date: the return windows (7 working days → Wed 01-14) before the replies
            assertThat(todo.get("items").get(0).get("kind").asText()).isEqualTo("ASSIGN_RETURN");
            assertThat(todo.get("items").get(0).get("dueOn").asText()).isEqualTo("2026-01-14");
            assertThat(todo.get("items").get(0).get("workingDaysLeft").asInt()).isEqualTo(7);
            assertThat(kinds(todo, plainId)).containsExactly("ASSIGN_RETURN", "CONSULT", "REPLY");
            JsonNode coTodo = api.get("unit-education", "/api/v1/units/education/todo").json();
            assertThat(kinds(coTodo, plainId)).containsExactly("CO_OPINION");
            assertThat(coTodo.get("items").get(0).get("dueOn").asText()).isEqualTo("2026-02-05");
            expect(api.get("unit-commerce", "/api/v1/units/education/todo"), 403);
            expect(api.get("deputy-zhu", "/api/v1/units/commerce/todo"), 403);
            expect(api.get("supervisor", "/api/v1/units/commerce/todo"), 200);
            expect(api.get("unit-commerce", "/api/v1/supervision/key-proposals?sessionId=" + SESSION), 403);
            expect(api.get("supervisor", "/api/v1/supervision/key-proposals"), 400);

            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("supervisor",
                    "/api/v1/supervision/key-proposals?sessionId=" + SESSION).json().get("items").size() == 1);
            JsonNode keys = api.get("supervisor", "/api/v1/supervision/key-proposals?sessionId=" + SESSION).json();
            assertThat(keys.get("items").get(0).get("proposalId").asText()).isEqualTo(keyId);
            assertThat(keys.get("items").get(0).get("supervisingLeader").asText()).isEqualTo("李副主任");
            assertThat(keys.get("items").get(0).get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(keys.get("items").get(0).get("dueOn").asText()).isEqualTo("2026-04-05");
            assertThat(keys.get("items").get(0).get("workingDaysLeft").asInt()).isPositive();
            assertThat(count(api, plainId, "ReplyOverdue")).isZero();
        }

        // stopped while the co-unit opinion (02-05) and both replies (Sun 04-05) fall due
        LocalDateTime restart = LocalDateTime.of(2026, 4, 7, 9, 0);   // Tuesday after Qingming (04-04..06)
        setClock(restart);
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            String plainId = plain;
            String keyId = key;
            await().atMost(Duration.ofSeconds(20)).until(() -> count(api, plainId, "ReplyOverdue") == 1
                    && count(api, keyId, "ReplyOverdue") == 1 && count(api, plainId, "CoUnitOpinionOverdue") == 1);
            JsonNode overdue = firstOf(api, plainId, "ReplyOverdue");
            assertThat(Instant.parse(overdue.get("occurredAt").asText())).isEqualTo(clock.instant());

            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("office",
                    "/api/v1/supervision/overdue?sessionId=" + SESSION).json().get("total").asInt() == 3);
            JsonNode late = api.get("office", "/api/v1/supervision/overdue?sessionId=" + SESSION).json();
            assertThat(late.get("units").get(0).get("unitId").asText()).isEqualTo("commerce");
            assertThat(late.get("units").get(0).get("items")).hasSize(2);
            // due Sunday 04-05; Monday 04-06 is a holiday, so Tuesday is the first working day late
            assertThat(late.get("units").get(0).get("items").get(0).get("workingDaysLate").asInt()).isEqualTo(1);
            assertThat(late.get("units").get(1).get("unitId").asText()).isEqualTo("education");
            assertThat(late.get("units").get(1).get("items").get(0).get("kind").asText()).isEqualTo("CO_OPINION");

            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("supervisor",
                    "/api/v1/supervision/key-proposals?sessionId=" + SESSION).json().get("items").get(0)
                    .get("overdue").asBoolean());
            JsonNode keys = api.get("supervisor", "/api/v1/supervision/key-proposals?sessionId=" + SESSION).json();
            assertThat(keys.get("items").get(0).get("workingDaysLate").asInt()).isEqualTo(1);

            // a late reply leaves the overdue list, and is recorded late
            expect(api.post("unit-commerce", "/api/v1/proposals/" + plainId + "/replies",
                    Map.of("classification", "A", "text", "已解决。", "signedBy", "王局长")), 202);
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("office",
                    "/api/v1/supervision/overdue?sessionId=" + SESSION).json().get("total").asInt() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> firstOf(api, plainId, "ProposalReplied") != null);
            assertThat(firstOf(api, plainId, "ProposalReplied").get("payload").get("late").asBoolean()).isTrue();
        }
    }
}
