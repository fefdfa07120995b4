package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * The one place that makes the ledger's RFC 9457 problem details: {@code type}
 * {@code urn:proposal-ledger:problem:<rule>}, {@code title}, {@code status}, {@code detail} and
 * the {@code rule} property. Used by {@link ProblemHandling} (inside Spring MVC), the security
 * filter chain, the servlet filters, the {@code /error} page and Tomcat's error report valve, so a
 * client sees one shape whichever layer refused its request.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:proposal-ledger:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String rule) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return of(status, known == null ? "HTTP " + status.value() : known.getReasonPhrase(), detail, rule);
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail, String rule) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create(TYPE_PREFIX + rule));
        pd.setProperty("rule", rule);
        return pd;
    }

    /** A problem for a bare status, where nothing more specific is known (a parser's or a framework's refusal). */
    public static ProblemDetail forStatus(int status) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        return of(code, detailFor(status), ruleFor(status));
    }

    /** The rule of a refusal known only by its status. */
    public static String ruleFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 409 -> "conflict";
            case 411 -> "length-required";
            case 413 -> "request-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 416 -> "range-not-satisfiable";
            case 417 -> "expectation-failed";
            case 431 -> "headers-too-large";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not supported here.";
            case 406 -> "None of the accepted representations can be produced; ask for application/json.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request is too large.";
            case 414 -> "The request URI is too long.";
            case 415 -> "This content type is not supported here.";
            case 500 -> "An unexpected error occurred.";
            case 503 -> "The service is unavailable; try again later.";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "HTTP " + status + "." : known.getReasonPhrase() + ".";
            }
        };
    }

    /**
     * Writes a problem straight to the servlet response, for the layers outside Spring MVC's
     * message converters (filters, security handlers, Tomcat's valve). The mapper must be Spring's
     * (it flattens the problem's properties).
     */
    public static void write(HttpServletResponse response, ObjectMapper mapper, ProblemDetail pd) throws IOException {
        response.setStatus(pd.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), pd);
    }
}
