package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.net.URI;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's
 * {@code BasicErrorController} (whose answer is Spring's own JSON, and a 500 with status 999 when
 * {@code /error} is asked for directly). Reached when something below Spring MVC calls
 * {@code sendError} — Tomcat refusing TRACE, say — or an exception escapes a filter. Any method,
 * any {@code Accept}: always a problem.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ObjectMapper mapper;

    public ProblemErrorController(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemDetail pd;
        if (!(code instanceof Integer status)) {
            // asked for directly: for a client there is nothing here
            pd = Problems.forStatus(HttpStatus.NOT_FOUND.value());
        } else {
            Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (status >= 500) {
                // nothing a client sends should end here: a bug to fix where it arises
                log.error("Unhandled error answering {} {} with {}", request.getAttribute(
                        RequestDispatcher.ERROR_REQUEST_URI), request.getMethod(), status, failure);
            }
            pd = Problems.forStatus(status < 400 ? HttpStatus.INTERNAL_SERVER_ERROR.value() : status);
            instance(pd, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        }
        Problems.write(response, mapper, pd);
    }

    private static void instance(ProblemDetail pd, Object uri) {
        if (uri instanceof String path) {
            try {
                pd.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // leave it out rather than fail the error answer
            }
        }
    }
}
