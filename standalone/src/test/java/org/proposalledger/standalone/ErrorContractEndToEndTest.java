package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalledger.standalone.LedgerTestSupport.expect;
import static org.proposalledger.standalone.LedgerTestSupport.referenceData;
import static org.proposalledger.standalone.LedgerTestSupport.submit;

/**
 * Each layer that can refuse a request, refusing it with the ledger's problem details (RFC 9457,
 * {@code application/problem+json}, a {@code rule}, no stack trace) and a 4xx: Tomcat's request
 * parser, Spring Security's firewall, the {@code /error} page, Spring MVC, the request size limit.
 * Over raw sockets, as a broken client would send it. {@link HostileRequestsFuzzTest} does the same
 * with generated requests.
 */
class ErrorContractEndToEndTest extends RunningLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICE = "Basic " + Base64.getEncoder()
            .encodeToString("office:office".getBytes(StandardCharsets.UTF_8));

    RawHttp http;

    @BeforeEach
    void raw() {
        http = new RawHttp(port, 20_000);
    }

    RawHttp.Answer send(String request) {
        return http.exchange(request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    RawHttp.Answer send(String method, String target, String extraHeaders, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.exchange(concat((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: " + OFFICE + "\r\n" + extraHeaders
                + (bytes.length > 0 ? "Content-Length: " + bytes.length + "\r\n" : "") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), bytes), false);
    }

    static JsonNode problem(RawHttp.Answer a, int status, String rule) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.contentType()).as(a.text()).startsWith("application/problem+json");
        JsonNode pd;
        try {
            pd = JSON.readTree(a.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + a.text(), e);
        }
        assertThat(pd.path("status").asInt()).isEqualTo(status);
        assertThat(pd.path("rule").asText()).isEqualTo(rule);
        assertThat(pd.path("type").asText()).isEqualTo("urn:proposal-ledger:problem:" + rule);
        assertThat(pd.path("title").asText()).isNotBlank();
        assertThat(a.text()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("<html");
        return pd;
    }

    // ---- Jackson

    @Test
    void a_key_sent_twice_is_a_400_naming_it_and_stores_nothing() {
        referenceData(api);
        String id = submit(api);
        long before = storedEvents();
        JsonNode pd = problem(send("POST", "/api/v1/proposals/" + id + "/rejection",
                "Content-Type: application/json\r\n", "{\"reason\":\"a\",\"reason\":\"b\"}"), 400, "invalid-request");
        assertThat(pd.path("errors").get(0).path("field").asText()).isEqualTo("reason");
        JsonNode nested = problem(send("POST", "/api/v1/proposals", "Content-Type: application/json\r\n",
                "{\"sessionId\":\"s\",\"suggestions\":[\"a\"],\"x\":{\"y\":1,\"y\":2}}"), 400, "invalid-request");
        assertThat(nested.path("errors").get(0).path("field").asText()).isEqualTo("x.y");
        assertThat(storedEvents()).isEqualTo(before);
    }

    // ---- Tomcat's parser and connector

    @Test
    void what_tomcat_cannot_parse_is_a_400_problem() {
        problem(send("GET /api/v1/proposals/a%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "malformed-request");
        problem(send("GET /api/v1/proposals/a\\b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "malformed-request");
        problem(send("GET /api/v1/calendar HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(9000)
                + "\r\nConnection: close\r\n\r\n"), 400, "malformed-request");
        problem(send("GET /api/v1/calendar?" + "q".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400,
                "malformed-request");
    }

    @Test
    void what_tomcat_answers_with_a_5xx_is_a_4xx_problem() {
        problem(send("POST", "/api/v1/calendar/reload", "Transfer-Encoding: foo\r\n", "x"), 400,
                "unsupported-transfer-encoding");
        problem(send("GET /api/v1/calendar HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                "unsupported-http-version");
        RawHttp.Answer connect = send("CONNECT", "/api/v1/calendar", "", "");
        problem(connect, 405, "method-not-allowed");
        assertThat(connect.header("allow")).contains("GET");
    }

    @Test
    void trace_and_unknown_methods_are_405_problems() {
        problem(send("TRACE", "/api/v1/proposals", "", ""), 405, "method-not-allowed");
        RawHttp.Answer propfind = send("PROPFIND", "/api/v1/proposals", "", "");
        problem(propfind, 405, "method-not-allowed");
        assertThat(propfind.header("allow")).isEqualTo("GET, HEAD, OPTIONS, POST, PUT");
        problem(send("DELETE", "/api/v1/proposals", "", ""), 405, "method-not-allowed");
    }

    @Test
    void options_asterisk_with_broken_framing_is_a_problem_and_a_sound_one_is_answered() {
        problem(send("OPTIONS * HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n"), 400,
                "malformed-request");
        RawHttp.Answer sound = send("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(sound.status()).isEqualTo(200);
        assertThat(sound.header("allow")).contains("GET");
    }

    @Test
    void after_an_http_0_9_request_a_broken_request_line_still_gets_a_status_line() {
        for (int i = 0; i < 20; i++) {
            RawHttp.Answer old = send("GET /api/v1/calendar\r\n");
            assertThat(old.status()).as("HTTP/0.9: a body without status line").isZero();
            problem(send("GET /api/v1/calendar?a[b]=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400,
                    "malformed-request");
        }
    }

    // ---- Spring Security's firewall

    @Test
    void what_the_firewall_refuses_is_a_400_problem() {
        problem(send("GET", "/api/v1/%2e%2e/calendar", "", ""), 400, "request-rejected");
        problem(send("GET", "/api/v1/proposals;a=b", "", ""), 400, "request-rejected");
        problem(send("GET", "/api/v1//calendar", "", ""), 400, "request-rejected");
        problem(send("GET", "/api/v1/calendar%25", "", ""), 400, "request-rejected");
        // an encoded slash Tomcat itself refuses, before the firewall
        problem(send("GET", "/api/v1/calendar%2F", "", ""), 400, "malformed-request");
    }

    @Test
    void a_header_the_firewall_refuses_when_it_is_read_is_a_400_problem() {
        // U+0085 is a control character: the firewall refuses the header value when sign-in reads it
        problem(send("GET /api/v1/calendar HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Basic \u0085"
                + "\r\n\r\n"), 400, "request-rejected");
    }

    // ---- /error

    @Test
    void the_error_page_asked_for_directly_is_a_404_problem() {
        problem(send("GET", "/error", "", ""), 404, "not-found");
        problem(send("POST", "/error", "Content-Type: application/json\r\n", "{}"), 404, "not-found");
        problem(send("GET /error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404, "not-found");
    }

    // ---- Spring MVC and the request size limit

    @Test
    void content_negotiation_refusals_are_problems() {
        problem(send("GET", "/api/v1/proposals", "Accept: text/csv\r\n", ""), 406, "not-acceptable");
        problem(send("POST", "/api/v1/proposals", "Content-Type: text/csv\r\n", "x"), 415, "unsupported-media-type");
        problem(send("POST", "/api/v1/proposals", "Content-Type: multipart/form-data; boundary=x\r\n", "--x--"), 415,
                "unsupported-media-type");
        // a JSON charset Jackson cannot write: 406, not the actuator's 500
        problem(send("GET", "/actuator/health", "Accept: application/json;charset=GBK\r\n", ""), 406,
                "not-acceptable");
    }

    @Test
    void an_accept_header_that_cannot_be_parsed_is_disregarded_and_errors_are_still_problems() {
        RawHttp.Answer calendar = send("GET", "/api/v1/calendar", "Accept: ;;;\r\n", "");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.contentType()).startsWith("application/json");
        problem(send("GET", "/api/v1/proposals/no-such-proposal", "Accept: garbage\r\n", ""), 404, "not-found");
    }

    @Test
    void a_command_whose_answer_the_client_does_not_accept_is_refused_before_it_is_stored() {
        referenceData(api);
        String id = submit(api);
        long before = storedEvents();
        problem(send("POST", "/api/v1/proposals/" + id + "/registration",
                "Content-Type: application/json\r\nAccept: text/html\r\n", "{\"number\":\"第1号\"}"), 406,
                "not-acceptable");
        assertThat(storedEvents()).isEqualTo(before);
        RawHttp.Answer accepted = send("POST", "/api/v1/proposals/" + id + "/registration",
                "Content-Type: application/json\r\nAccept: application/json\r\n", "{\"number\":\"第1号\"}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem_with_or_without_a_content_length() {
        referenceData(api);
        String id = submit(api);
        long before = storedEvents();
        String huge = "{\"reason\":\"" + "大".repeat(400_000) + "\"}";
        problem(send("POST", "/api/v1/proposals/" + id + "/rejection", "Content-Type: application/json\r\n", huge),
                413, "request-too-large");
        byte[] body = huge.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /api/v1/proposals/" + id + "/rejection HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Authorization: " + OFFICE + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] framed = concat(head, (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                body, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        problem(http.exchange(framed, false), 413, "request-too-large");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_cors_preflight_is_a_403_problem() {
        problem(send("OPTIONS", "/api/v1/proposals", "Origin: http://elsewhere.example\r\n"
                + "Access-Control-Request-Method: POST\r\n", ""), 403, "cors-rejected");
    }

    @Test
    void the_security_layer_answers_in_the_same_shape() {
        RawHttp.Answer anonymous = send("GET /api/v1/calendar HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        problem(anonymous, 401, "unauthenticated");
        assertThat(anonymous.header("www-authenticate")).startsWith("Basic");
        expect(api.get("office", "/api/v1/calendar"), 200);
        problem(send("GET", "/actuator/env", "", ""), 403, "forbidden");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
