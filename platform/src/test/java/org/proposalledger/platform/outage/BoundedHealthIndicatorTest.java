package org.proposalledger.platform.outage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health checks that hang (as the event store's {@code db} check does while HikariCP waits for a
 * connection) answer DOWN within the time limit, side by side, and are not started twice.
 */
class BoundedHealthIndicatorTest {

    final CountDownLatch storeBack = new CountDownLatch(1);
    final AtomicInteger hangingChecks = new AtomicInteger();
    final BoundedHealthIndicators bounding = new BoundedHealthIndicators(
            new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(OutageProperties.class));

    @AfterEach
    void release() {
        storeBack.countDown();
        bounding.destroy();
    }

    /** A check that answers only once the store is back. */
    HealthIndicator hanging() {
        return () -> {
            hangingChecks.incrementAndGet();
            try {
                storeBack.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up().build();
        };
    }

    BoundedHealthIndicator bound(HealthIndicator indicator) {
        return (BoundedHealthIndicator) bounding.postProcessAfterInitialization(indicator, "x");
    }

    @Test
    void aHangingCheckIsDownWithinTheLimitAndIsNotStartedAgainWhileItHangs() {
        BoundedHealthIndicator db = bound(hanging());
        for (int probe = 0; probe < 5; probe++) {
            long start = System.nanoTime();
            Health h = db.health();
            long took = System.nanoTime() - start;
            assertThat(h.getStatus()).isEqualTo(Status.DOWN);
            assertThat(h.getDetails().get("error").toString()).startsWith("no answer within");
            assertThat(Duration.ofNanos(took)).isLessThan(defaultLimit().plusMillis(700));
        }
        assertThat(hangingChecks).hasValue(1);
        storeBack.countDown();
    }

    @Test
    void theChecksOfOneProbeRunSideBySide() {
        List<BoundedHealthIndicator> checks = List.of(bound(hanging()), bound(hanging()), bound(hanging()));
        long start = System.nanoTime();
        checks.forEach(c -> assertThat(c.health().getStatus()).isEqualTo(Status.DOWN));
        // three hanging stores cost one time limit, not three
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(defaultLimit().multipliedBy(2));
    }

    @Test
    void aCheckThatAnswersIsPassedOnAndOneThatFailsIsDown() {
        assertThat(bound(() -> Health.up().withDetail("ok", 1).build()).health())
                .isEqualTo(Health.up().withDetail("ok", 1).build());
        Health failed = bound(() -> {
            throw new IllegalStateException("ping refused");
        }).health();
        assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
        assertThat(failed.getDetails().get("error").toString()).contains("ping refused");
    }

    @Test
    void aCheckThatTurnsSlowGivesItsLastAnswerForAWhileThenDown() {
        AtomicInteger calls = new AtomicInteger();
        HealthIndicator hangsAfterItsFirstAnswer = () -> calls.incrementAndGet() == 1 ? Health.up().build()
                : hanging().health();
        BoundedHealthIndicator db = bound(hangsAfterItsFirstAnswer);
        assertThat(db.health().getStatus()).isEqualTo(Status.UP);
        // a later probe starts a check that hangs: the answer of a moment ago stands in
        AtomicReference<Health> meanwhile = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            meanwhile.set(db.health());
            return meanwhile.get().getDetails().containsKey("answeredMillisAgo");
        });
        assertThat(meanwhile.get().getStatus()).isEqualTo(Status.UP);
        // and no longer than five time limits
        await().atMost(Duration.ofSeconds(10)).until(() -> db.health().getStatus().equals(Status.DOWN));
        assertThat(calls).hasValue(2);
    }

    private static Duration defaultLimit() {
        return new OutageProperties().getHealthTimeout();
    }
}
