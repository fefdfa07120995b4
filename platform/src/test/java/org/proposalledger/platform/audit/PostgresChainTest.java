package org.proposalledger.platform.audit;

import org.junit.jupiter.api.BeforeAll;
import org.proposalledger.platform.PlatformTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same contract on PostgreSQL. Needs {@code LEDGER_TEST_POSTGRES_URL} (set by .ci/run);
 * without it the tests are skipped with that reason, except on CI where they must run.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
class PostgresChainTest extends ChainContract {

    static final String URL = System.getenv("LEDGER_TEST_POSTGRES_URL");

    @BeforeAll
    static void needsPostgres() {
        if (System.getenv("CI") != null) {
            assertThat(URL).as("CI must set LEDGER_TEST_POSTGRES_URL").isNotBlank();
        }
        assumeTrue(URL != null && !URL.isBlank(),
                "LEDGER_TEST_POSTGRES_URL is not set: PostgreSQL chain tests skipped");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        if (URL != null && !URL.isBlank()) {
            registry.add("spring.datasource.url", () -> URL);
            registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres"));
        }
    }
}
