package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Tomcat's host-level error report, as a problem instead of Tomcat's HTML page. It answers what
 * Tomcat refuses before any servlet runs: a request line, header block or URI it cannot parse
 * (a bad {@code %} escape, a {@code \}, a line or header over {@code max-http-request-header-size}),
 * and the two refusals Tomcat gives a 5xx although the client caused them — an unknown
 * {@code Transfer-Encoding} or a CONNECT (501), an HTTP version other than 1.0/1.1 (505) — which
 * are answered 400 and 405: nothing a client sends gets a 5xx.
 */
public class ProblemReportValve extends ErrorReportValve {

    private final Supplier<ObjectMapper> mapper;

    public ProblemReportValve(Supplier<ObjectMapper> mapper) {
        this.mapper = mapper;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's: only an error not yet answered, and only while the connection can still be written
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail pd = problem(request, status);
        try {
            response.setStatus(pd.getStatus());
            if (pd.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
                response.setHeader(HttpHeaders.ALLOW, FirewallRejections.ALLOW);
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(mapper.get().writeValueAsString(pd));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response cannot be written any more
        }
    }

    static ProblemDetail problem(Request request, int status) {
        String method = request.getMethod();
        return switch (status) {
            case 400 -> Problems.of(HttpStatus.BAD_REQUEST, "The request cannot be parsed: its request line, a header "
                    + "or the URI is malformed (for example a '%' not followed by two hex digits, or a '\\') or too "
                    + "large.", "malformed-request");
            case 501 -> "CONNECT".equals(method)
                    ? Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "Method 'CONNECT' is not supported.",
                            "method-not-allowed")
                    : Problems.of(HttpStatus.BAD_REQUEST, "The request's Transfer-Encoding is not supported; send the "
                            + "body with a Content-Length or chunked.", "unsupported-transfer-encoding");
            case 505 -> Problems.of(HttpStatus.BAD_REQUEST, "Only HTTP/1.0 and HTTP/1.1 are served here.",
                    "unsupported-http-version");
            default -> Problems.forStatus(status);
        };
    }
}
