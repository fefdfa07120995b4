package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side's POST endpoints follow the same {@code Idempotency-Key} rule as the commands:
 * a retried rebuild replays the first answer and starts no second rebuild; a retried
 * verification replays its report.
 */
class IdempotentAdminEndToEndTest extends RunningLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_retried_rebuild_starts_no_second_one_and_a_retried_verification_replays() throws Exception {
        LedgerTestSupport.referenceData(api);
        LedgerTestSupport.submit(api);
        await().atMost(Duration.ofSeconds(60)).until(this::caughtUp);

        String verifyKey = "\"" + UUID.randomUUID() + "\"";
        HttpResponse<String> verified = post("/api/v1/admin/verification", verifyKey);
        assertThat(verified.statusCode()).isEqualTo(200);
        HttpResponse<String> verifiedAgain = post("/api/v1/admin/verification", verifyKey);
        assertThat(verifiedAgain.statusCode()).isEqualTo(200);
        assertThat(verifiedAgain.body()).isEqualTo(verified.body());
        assertThat(verifiedAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");

        String rebuildKey = "\"" + UUID.randomUUID() + "\"";
        HttpResponse<String> started = post("/api/v1/admin/rebuild", rebuildKey);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String startedAt = JSON.readTree(started.body()).get("startedAt").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !processors().get("rebuilding").asBoolean());

        HttpResponse<String> retried = post("/api/v1/admin/rebuild", rebuildKey);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.body()).isEqualTo(started.body());
        assertThat(retried.headers().firstValue("Location")).isEqualTo(started.headers().firstValue("Location"));
        assertThat(processors().get("rebuilding").asBoolean()).isFalse();
        assertThat(processors().get("lastRebuild").get("startedAt").asText()).isEqualTo(startedAt);

        // a new key is a new request: a second rebuild
        HttpResponse<String> another = post("/api/v1/admin/rebuild", "\"" + UUID.randomUUID() + "\"");
        assertThat(another.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(another.body()).get("startedAt").asText()).isNotEqualTo(startedAt);
        await().atMost(Duration.ofSeconds(60)).until(() -> !processors().get("rebuilding").asBoolean());
    }

    private HttpResponse<String> post(String path, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("office:office".getBytes(StandardCharsets.UTF_8)))
                .header("Idempotency-Key", key)
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private boolean caughtUp() {
        JsonNode p = processors();
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

    private JsonNode processors() {
        return LedgerTestSupport.expect(api.get("office", "/api/v1/admin/processors"), 200).json();
    }
}
