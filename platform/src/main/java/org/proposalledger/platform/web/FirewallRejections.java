package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Set;

/**
 * Answers what Spring Security's {@code StrictHttpFirewall} refuses — an encoded {@code /},
 * {@code \}, {@code %} or {@code .}, {@code ..}, {@code ;}, {@code //}, control characters, a
 * method outside its list — with a problem instead of a bare 400 (Spring's default handler calls
 * {@code sendError}, whose {@code /error} dispatch the firewall then refuses again: an empty
 * body). A method the firewall does not know (PROPFIND, MKCOL …) is a 405, never a 501.
 */
public class FirewallRejections implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

    /** The firewall's default methods; the ledger serves no other. */
    static final Set<String> FIREWALL_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
    /** What the ledger's API answers at all (no resource takes DELETE or PATCH). */
    static final String ALLOW = "GET, HEAD, OPTIONS, POST, PUT";

    private final ObjectMapper mapper;

    public FirewallRejections(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Request refused by the firewall: {}", e.getMessage());
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail pd;
        if (!FIREWALL_METHODS.contains(request.getMethod())) {
            // Tomcat has already checked that the method is an HTTP token, so it is safe to name
            pd = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "Method '" + request.getMethod() + "' is not supported.",
                    "method-not-allowed");
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
        } else {
            pd = problem();
        }
        Problems.write(response, mapper, pd);
    }

    /** The refusal of a URL or header the firewall does not accept. */
    static ProblemDetail problem() {
        return Problems.of(HttpStatus.BAD_REQUEST, "The request URL or a header contains something the ledger "
                + "refuses: an encoded '/', '\\', '%' or '.', a '..' or '//' segment, a ';', or a control character.",
                "request-rejected");
    }
}
