package org.proposalledger.query.rebuild;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Readiness of the read models (health contributor {@code projectionCatchUp}, in the readiness
 * group): OUT_OF_SERVICE while the processors catch up with the events stored before start-up
 * and while a rebuild runs, UP afterwards. Falling a little behind in ordinary operation is not
 * "not ready": the read models follow the events within about a second.
 */
public class ProjectionCatchUpHealth implements HealthIndicator {

    private final ProjectionProgress progress;

    public ProjectionCatchUpHealth(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        if (progress.ready()) {
            return Health.up().build();
        }
        Health.Builder builder = Health.outOfService()
                .withDetail("reason", progress.rebuilding() ? "rebuilding" : "catching-up");
        Double percent = progress.percentDone();
        if (percent != null) {
            builder.withDetail("percentDone", Math.floor(percent * 10) / 10);
        }
        return builder.build();
    }
}
