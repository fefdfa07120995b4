package org.proposalledger.command.watch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The restart and two-instance scenarios with events and the deadline table in PostgreSQL.
 * Needs {@code LEDGER_TEST_POSTGRES_URL} (set by .ci/run); skipped with that reason without it,
 * except on CI. The database may hold other tests' events: the scenarios look only at their own
 * proposals.
 */
class PostgresDeadlineWatcherTest {

    static final String URL = System.getenv("LEDGER_TEST_POSTGRES_URL");

    @BeforeAll
    static void needsPostgres() {
        if (System.getenv("CI") != null) {
            assertThat(URL).as("CI must set LEDGER_TEST_POSTGRES_URL").isNotBlank();
        }
        assumeTrue(URL != null && !URL.isBlank(),
                "LEDGER_TEST_POSTGRES_URL is not set: PostgreSQL deadline-watcher tests skipped");
    }

    final DeadlineWatcherIntegrationTest scenarios = new DeadlineWatcherIntegrationTest() {
        @Override
        List<String> extraArgs() {
            return List.of("--spring.datasource.url=" + URL, "--spring.datasource.username="
                    + System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres"));
        }
    };

    @AfterEach
    void stop() {
        scenarios.stop();
    }

    @Test
    void a_due_date_that_passes_while_stopped_is_raised_once_on_start_up() {
        scenarios.a_due_date_that_passes_while_stopped_is_raised_once_on_start_up();
    }

    @Test
    void two_instances_on_one_event_store_raise_each_overdue_once() {
        scenarios.two_instances_on_one_event_store_raise_each_overdue_once();
    }
}
