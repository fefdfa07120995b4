package org.proposalledger.standalone;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole system on its embedded default, on a fresh data folder, reached over HTTP; and the
 * event table, to show that a refused request stored nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningLedgerTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        String dir = LedgerTestSupport.freshDataDir().toString();
        registry.add("ledger.data-dir", () -> dir);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    long storedEvents() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NOT NULL", Long.class);
        return n == null ? 0 : n;
    }
}
