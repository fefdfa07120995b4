package org.proposalledger.platform.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.proposalledger.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A request that failed because a store is out of reach is answered {@code 503} problem details
 * with {@code Retry-After} and a {@code rule} naming the store ({@code event-store-unavailable},
 * {@code read-store-unavailable}, {@code message-server-unavailable}) instead of a 500. Runs
 * before every other resolver (ProblemHandling included) and leaves alone whatever is not an
 * outage, so that the others answer it as before. The failure is not logged per request:
 * readiness and {@code OutageLogFilter} tell operators.
 */
public class StoreUnavailableHandling implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableHandling.class);

    private final StoreOutages outages;
    private final Supplier<Duration> retryAfter;
    private final ObjectMapper mapper;

    public StoreUnavailableHandling(StoreOutages outages, Supplier<Duration> retryAfter, ObjectMapper mapper) {
        this.outages = outages;
        this.retryAfter = retryAfter;
        this.mapper = mapper;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        Optional<StoreOutages.Outage> outage = outages.find(ex);
        if (outage.isEmpty() || response.isCommitted()) {
            return null;
        }
        log.debug("{} {}: {} is out of reach ({})", request.getMethod(), request.getRequestURI(),
                outage.get().store(), outage.get().reason());
        ProblemDetail pd = problem(outage.get(), request.getRequestURI());
        try {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.get().toSeconds())));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            mapper.writeValue(response.getOutputStream(), pd);
        } catch (IOException e) {
            log.debug("503 answer not written: {}", e.toString());
        }
        return new ModelAndView();
    }

    static ProblemDetail problem(StoreOutages.Outage outage, String instance) {
        ProblemDetail pd = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                outage.store().label() + " cannot be reached right now; try again later. A command refused this way "
                        + "was not carried out, unless the connection broke while it was being committed: look "
                        + "before sending it again.", outage.store().rule());
        if (instance != null) {
            try {
                pd.setInstance(URI.create(instance));
            } catch (IllegalArgumentException e) {
                // not a URI reference as sent: leave it out
            }
        }
        return pd;
    }
}
