package org.proposalledger.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.proposalledger.command.CommandSideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** A command side on a random port, called over real HTTP as the test users (password = user name). */
final class LedgerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final ConfigurableApplicationContext context;
    final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LedgerProcess(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    static LedgerProcess start(Clock clock, List<String> args) {
        List<String> all = new java.util.ArrayList<>(List.of("--server.port=0",
                // nothing but the test's requests writes events
                "--ledger.deadlines.watcher-enabled=false"));
        all.addAll(args);
        return new LedgerProcess(new SpringApplicationBuilder(CommandSideApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                .run(all.toArray(String[]::new)));
    }

    record Response(int status, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String rule() {
            return json().path("rule").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Response post(String user, String path, String key, String body) {
        return send("POST", user, path, key == null ? List.of() : List.of(key), "application/json", body);
    }

    Response put(String user, String path, String key, String body) {
        return send("PUT", user, path, key == null ? List.of() : List.of(key), "application/json", body);
    }

    /** @param keys each sent as its own {@code Idempotency-Key} header line */
    Response send(String method, String user, String path, List<String> keys, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        keys.forEach(k -> b.header("Idempotency-Key", k));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Response get(String user, String path) {
        return send("GET", user, path, List.of(), null, null);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    long events() {
        return jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry WHERE type IS NOT NULL", Long.class);
    }

    long eventsOf(String aggregateId, String payloadType) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ?", Long.class, aggregateId, "%." + payloadType);
    }

    long keyRows(String user, String key) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM ledger_idempotency_key WHERE user_name = ? AND idempotency_key = ?",
                Long.class, user, key);
    }

    /** Reference data the proposals refer to; PUT records the same values only once. */
    void referenceData() {
        put("office", "/api/v1/sessions/s2026", null, """
                {"name": "2026年会议", "opensOn": "2026-01-04"}""");
        put("office", "/api/v1/units/commerce", null, """
                {"name": "市商务局", "kind": "DEPARTMENT"}""");
        put("office", "/api/v1/deputies/zhu-heping", null, """
                {"name": "朱和平", "delegation": "离石区代表团"}""");
        put("office", "/api/v1/deputies/gao-yonghong", null, """
                {"name": "高永红", "delegation": "孝义市代表团"}""");
    }

    static String submission(String title) {
        return """
                {"sessionId": "s2026", "title": "%s", "proposerIds": ["zhu-heping", "gao-yonghong"],
                 "andOthers": false, "category": "URBAN_CONSTRUCTION", "background": "老旧小区设施老化。",
                 "suggestions": ["加大财政投入"]}""".formatted(title);
    }

    /** Submitted, registered and assigned to {@code commerce}, without keys; its id. */
    String assignedProposal(String title) {
        Response submitted = post("deputy-zhu", "/api/v1/proposals", null, submission(title));
        if (submitted.status() != 201) {
            throw new AssertionError("submission: " + submitted);
        }
        String id = submitted.json().get("id").asText();
        expect(post("office", "/api/v1/proposals/" + id + "/registration", null, """
                {"number": "第%s号"}""".formatted(id.substring(0, 6))), 202);
        expect(post("office", "/api/v1/proposals/" + id + "/assignment", null, """
                {"leadUnitId": "commerce"}"""), 202);
        return id;
    }

    static Response expect(Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + ", got " + r);
        }
        return r;
    }

    @Override
    public void close() {
        context.close();
    }
}
