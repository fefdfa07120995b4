package org.proposalledger.platform.transparency;

import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same on PostgreSQL, each test in a schema of its own. Needs {@code LEDGER_TEST_POSTGRES_URL}
 * (set by .ci/run); without it the tests are skipped with that reason, except on CI.
 */
class PostgresLogTest extends LogTamperContract {

    @BeforeAll
    static void needsPostgres() {
        if (System.getenv("CI") != null) {
            assertThat(LogFixture.POSTGRES_URL).as("CI must set LEDGER_TEST_POSTGRES_URL").isNotBlank();
        }
        assumeTrue(LogFixture.POSTGRES_URL != null && !LogFixture.POSTGRES_URL.isBlank(),
                "LEDGER_TEST_POSTGRES_URL is not set: PostgreSQL log tests skipped");
    }

    @Override
    LogFixture fixture() throws Exception {
        return LogFixture.postgres();
    }
}
