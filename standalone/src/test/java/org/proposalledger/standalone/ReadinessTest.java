package org.proposalledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.proposalledger.query.mongo.EmbeddedMongo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the stores: the event store's database (PostgreSQL, {@code LEDGER_TEST_POSTGRES_URL},
 * set by .ci/run; skipped without it) and MongoDB (a Mongo-protocol server) are reached through
 * proxies the test cuts and restores. (H2 in server mode was tried first: the H2 server closes its
 * database when every connection drops at once and then answers "Database is already closed".)
 * While either is unreachable {@code /actuator/health/readiness} answers 503 naming it, liveness stays 200 (a
 * restart would not bring the store back), and readiness returns to 200 once it is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoint.health.group.readiness.show-components=always",
        "management.endpoint.health.group.readiness.show-details=always",
        "spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.validation-timeout=1000",
        "ledger.deadlines.poll-interval=1h"})
@DirtiesContext
@EnabledIfEnvironmentVariable(named = "LEDGER_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "LEDGER_TEST_POSTGRES_URL is not set: readiness against a cut database skipped")
class ReadinessTest {

    // The stores outlive the context (closed after this class by @DirtiesContext, which uses them
    // until then); their threads are daemons or end with the test JVM.

    static Path dir;
    static EmbeddedMongo mongo;
    static CuttableProxy database;
    static CuttableProxy mongoDb;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        dir = LedgerTestSupport.freshDataDir();
        URI postgres = URI.create(System.getenv("LEDGER_TEST_POSTGRES_URL").substring("jdbc:".length()));
        mongo = EmbeddedMongo.start(dir.resolve("mongo/readmodel.mv"));
        database = new CuttableProxy(postgres.getPort());
        mongoDb = new CuttableProxy(mongo.port());
        registry.add("ledger.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + database.port() + postgres.getPath());
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres"));
        registry.add("spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongoDb.port()
                + "/ledger?serverSelectionTimeoutMS=2000&connectTimeoutMS=5000");
    }

    @LocalServerPort
    int port;

    @Test
    void readinessIsDownWhileTheEventStoreOrMongoIsUnreachable() throws Exception {
        Api api = new Api(port);
        awaitReadiness(api, 200, null);

        database.cut();
        awaitReadiness(api, 503, "db");
        assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
        database.restore();
        awaitReadiness(api, 200, null);

        mongoDb.cut();
        awaitReadiness(api, 503, "mongo");
        assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
        mongoDb.restore();
        awaitReadiness(api, 200, null);
    }

    /** Readiness reaches {@code status}; when DOWN, {@code down} is the component that says so. */
    private static void awaitReadiness(Api api, int status, String down) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Api.Response r = api.get(null, "/actuator/health/readiness");
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            if (down != null) {
                assertThat(r.json().at("/components/" + down + "/status").asText()).isEqualTo("DOWN");
                assertThat(r.json().at("/components/readinessState/status").asText()).isEqualTo("UP");
            } else {
                assertThat(r.json().get("status").asText()).isEqualTo("UP");
            }
        });
    }
}
