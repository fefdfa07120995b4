package org.proposalledger.query.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.proposalledger.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;


/**
 * While a rebuild runs, every request answered from the read models gets 503 with rule
 * {@code read-model-rebuilding}, the progress so far and {@code Retry-After} — never figures
 * from half-built read models. Requests answered from the event store are not affected.
 */
public class RebuildingGuard implements HandlerInterceptor {

    /** The read-model endpoints (GET); everything else is answered as usual. */
    static final String[] READ_MODEL_PATHS = {
            "/api/v1/proposals", "/api/v1/proposals/*",
            "/api/v1/dashboards/**", "/api/v1/supervision/**", "/api/v1/units/*/todo", "/api/v1/reports/**"};

    static final String RULE = "read-model-rebuilding";

    private final ProjectionProgress progress;
    private final ObjectMapper mapper;

    public RebuildingGuard(ProjectionProgress progress, ObjectMapper mapper) {
        this.progress = progress;
        this.mapper = mapper;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod()) || !progress.rebuilding()) {
            return true;
        }
        ProblemDetail pd = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Read models are being rebuilt",
                "The read models are being rebuilt from the event store; their figures would be incomplete. "
                        + "Try again later.", RULE);
        // as sampled: asking the event store here would make this answer wait while it is out of reach
        ProjectionProgress.Estimate estimate = progress.lastEstimate();
        Double percent = estimate.percentDone();
        Long secondsLeft = estimate.secondsLeft();
        pd.setProperty("percentDone", percent == null ? null : Math.floor(percent * 10) / 10);
        pd.setProperty("secondsLeft", secondsLeft);
        pd.setProperty("progress", "/api/v1/admin/processors");
        response.setHeader(HttpHeaders.RETRY_AFTER,
                String.valueOf(secondsLeft == null ? 5 : Math.max(1, Math.min(60, secondsLeft))));
        Problems.write(response, mapper, pd);
        return false;
    }
}
