package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;

/**
 * Spring's CORS checks, refusing as a problem: the ledger allows no cross-origin calls, so every
 * preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 * refused, and Spring's own refusal is a plain-text "Invalid CORS request".
 */
public class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ObjectMapper mapper;

    public ProblemCorsProcessor(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(mapper.writeValueAsBytes(Problems.of(HttpStatus.FORBIDDEN,
                "Cross-origin requests are not allowed here.", "cors-rejected")));
        response.flush();
    }
}
