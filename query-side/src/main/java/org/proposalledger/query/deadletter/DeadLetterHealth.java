package org.proposalledger.query.deadletter;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.Map;

/**
 * Health contributor {@code deadLetters}, in the readiness group: the parked events per processor
 * as details, from memory (no store is read). Always UP: a dead letter holds back one proposal in
 * one read model, and every query side shares the queue, so taking them out of service would stop
 * every answer for the sake of one; the gauge {@code ledger_dead_letters} is what to alert on.
 */
public class DeadLetterHealth implements HealthIndicator {

    private final DeadLetters deadLetters;

    public DeadLetterHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Health.Builder up = Health.up();
        if (!deadLetters.countsKnown()) {
            return up.withDetail("counted", false).build();
        }
        Map<String, Long> counts = deadLetters.counts();
        return up.withDetail("total", counts.values().stream().mapToLong(Long::longValue).sum())
                .withDetail("processors", counts).build();
    }
}
