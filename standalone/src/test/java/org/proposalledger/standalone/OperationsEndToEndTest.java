package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.standalone.LedgerTestSupport.SESSION;
import static org.proposalledger.standalone.LedgerTestSupport.expect;

/**
 * The operations surface of a running ledger with JSON logs on: Prometheus metrics after real
 * commands, the OpenAPI document against the controllers, and the correlation id in the log
 * lines a command causes on the request thread and on the event processors' threads.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false) // tests switch metrics export off unless asked
@ActiveProfiles("json-logs")
@TestPropertySource(properties = {
        "ledger.metrics.refresh-interval=200ms",
        "logging.level.org.proposalledger.platform.ops.ProcessorProgress=DEBUG"})
class OperationsEndToEndTest extends RunningLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void prometheusShowsHttpAxonProcessorLagAndSessionRateMetrics() {
        LedgerTestSupport.referenceData(api);
        String id = LedgerTestSupport.submit(api);
        expect(api.post("office", "/api/v1/proposals/" + id + "/registration", Map.of("number", "第0001号")), 202);
        expect(api.post("office", "/api/v1/proposals/" + id + "/assignment",
                Map.of("leadUnitId", "commerce", "coUnitIds", List.of("education"))), 202);
        expect(api.post("unit-commerce", "/api/v1/proposals/" + id + "/replies",
                Map.of("classification", "A", "text", "已完成县乡村三级物流体系建设。", "signedBy", "王局长")), 202);
        expect(api.post("deputy-zhu", "/api/v1/proposals/" + id + "/ratings",
                Map.of("rating", "SATISFIED", "comment", "满意")), 202);

        // who may scrape: nobody anonymous, not a unit (the rates would show other units' figures)
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("unit-commerce", "/actuator/prometheus").status()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String text = expect(api.get("reader", "/actuator/prometheus"), 200).body();
            // HTTP server metrics, per route
            assertThat(value(text, "http_server_requests_seconds_count", "method=\"POST\"",
                    "uri=\"/api/v1/proposals\"", "status=\"201\"")).isEqualTo(1.0);
            // Axon: commands handled per type, events handled per processor, processor latency
            assertThat(value(text, "commandBus_successCounter_total", "payloadType=\"SubmitProposal\""))
                    .isEqualTo(1.0);
            assertThat(sample(text, "eventProcessor_successCounter_total", "processorName=\"proposal-views\""))
                    .isNotEmpty();
            assertThat(value(text, "eventProcessor_latency", "processorName=\"proposal-views\"")).isNotNegative();
            // lag of each segment of the projections: caught up
            List<Double> lag = values(text, "ledger_processor_lag_events", "processor=\"proposal-views\"");
            assertThat(lag).hasSize(4).containsOnly(0.0);
            assertThat(values(text, "ledger_processor_lag_seconds", "processor=\"proposal-views\""))
                    .hasSize(4).containsOnly(0.0);
            // the session's rates from its dashboard counters: one assigned, replied on time, rated satisfied
            assertThat(value(text, "ledger_session_assigned", "session=\"" + SESSION + "\"")).isEqualTo(1.0);
            assertThat(value(text, "ledger_session_rate", "session=\"" + SESSION + "\"", "rate=\"replyRate\""))
                    .isEqualTo(1.0);
            assertThat(value(text, "ledger_session_rate", "session=\"" + SESSION + "\"",
                    "rate=\"satisfactionRate\"")).isEqualTo(1.0);
            assertThat(value(text, "ledger_session_rate", "session=\"" + SESSION + "\"",
                    "rate=\"consultationRate\"")).isEqualTo(0.0);
        });
    }

    @Test
    void everyEndpointIsInTheOpenApiDocumentWithChineseExamples() throws IOException {
        Api.Response r = expect(api.get(null, "/v3/api-docs"), 200);
        JsonNode doc = r.json();
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + p.getKey())));

        Set<String> served = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            for (String path : e.getKey().getPatternValues()) {
                if (path.startsWith("/api/")) {
                    Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                    for (RequestMethod m : methods) {
                        served.add(m.name() + " " + path);
                    }
                }
            }
        }
        assertThat(served).hasSizeGreaterThan(40);
        assertThat(documented).containsAll(served);

        JsonNode submit = doc.at("/paths/~1api~1v1~1proposals/post/requestBody/content/application~1json/example");
        assertThat(submit.get("title").asText()).isEqualTo("关于加快我市农村电商发展的建议");
        assertThat(doc.at("/paths/~1api~1v1~1proposals~1{id}~1replies/post/requestBody/content/application~1json"
                + "/example/text").asText()).contains("物流");
        JsonNode answer = doc.at("/paths/~1api~1v1~1proposals~1{id}/get/responses/200/content");
        assertThat(answer.elements().next().at("/example/title").asText()).isEqualTo("关于加快我市农村电商发展的建议");
        assertThat(doc.at("/paths/~1api~1v1~1proposals/get/parameters").findValuesAsText("example"))
                .contains("农村电商");
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");

        Api.Response ui = api.get(null, "/swagger-ui.html");
        assertThat(ui.status()).isEqualTo(302);
        String location = ui.raw().headers().firstValue("Location").orElseThrow();
        Api.Response page = api.get(null, location.replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void theCorrelationIdOfACommandIsOnEveryLineItCausesOnOtherThreadsToo(CapturedOutput output) {
        LedgerTestSupport.referenceData(api);
        String submitted = "ops-" + UUID.randomUUID();
        Api.Response r = api.send("deputy-zhu", "POST", "/api/v1/proposals", LedgerTestSupport.submission(),
                submitted);
        String id = expect(r, 201).json().get("id").asText();
        expect(api.post("office", "/api/v1/proposals/" + id + "/registration", Map.of("number", "第0002号")), 202);
        String assigned = "ops-" + UUID.randomUUID();
        expect(api.send("office", "POST", "/api/v1/proposals/" + id + "/assignment",
                Map.of("leadUnitId", "commerce"), assigned), 202);

        // Each handled event is logged (DEBUG) by the handler's interceptor: the projections on
        // their worker threads, the deadline table (a subscribing processor) on the request thread.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> lines = jsonLines(output.getOut());
            assertThat(handled(lines, "proposal-views", "ProposalSubmitted")).isNotEmpty().allSatisfy(l -> {
                assertThat(l.path("correlationId").asText()).isEqualTo(submitted);
                assertThat(thread(l)).doesNotStartWith("http-nio");
            });
            assertThat(handled(lines, "proposal-views", "ProposalAssigned")).isNotEmpty().allSatisfy(l -> {
                assertThat(l.path("correlationId").asText()).isEqualTo(assigned);
                assertThat(thread(l)).doesNotStartWith("http-nio");
            });
            assertThat(handled(lines, "deadline-table", "HandlingTermsSet")).isNotEmpty().allSatisfy(l -> {
                assertThat(l.path("correlationId").asText()).isEqualTo(assigned);
                assertThat(thread(l)).startsWith("http-nio");
            });
        });
        // every line carrying one of the ids is a structured (ECS) log line
        assertThat(jsonLines(output.getOut()).stream()
                .filter(l -> Set.of(submitted, assigned).contains(l.path("correlationId").asText())))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.has("@timestamp") && l.at("/log/level").isTextual()).isTrue());
    }

    private static List<JsonNode> handled(List<JsonNode> lines, String processor, String event) {
        return lines.stream().filter(l -> l.path("message").asText().startsWith(processor + " handled " + event + " "))
                .toList();
    }

    private static String thread(JsonNode line) {
        return line.path("process").path("thread").path("name").asText();
    }

    private static List<JsonNode> jsonLines(String out) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a line that is not a whole object (test runner output): not a log line
                }
            }
        }
        return lines;
    }

    /** The sample lines of metrics whose name starts with {@code prefix} and carry every label. */
    private static List<String> sample(String text, String prefix, String... labels) {
        return text.lines().filter(l -> l.startsWith(prefix))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains)).toList();
    }

    private static List<Double> values(String text, String name, String... labels) {
        Pattern p = Pattern.compile("^" + Pattern.quote(name) + "\\{.*} (\\S+)$");
        List<Double> out = new ArrayList<>();
        for (String line : sample(text, name + "{", labels)) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                out.add(Double.valueOf(m.group(1)));
            }
        }
        return out;
    }

    private static Double value(String text, String name, String... labels) {
        List<Double> v = values(text, name, labels);
        assertThat(v).as(name + " " + String.join(",", labels)).hasSize(1);
        return v.get(0);
    }
}
