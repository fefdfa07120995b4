package org.proposalledger.platform.outage;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A pool whose database is not there refuses at once, not after its timeout, and serves again by
 * itself once the database is (an H2 TCP server started on the port the pool points at).
 */
class FailFastDataSourceTest {

    @Test
    void refusesAtOnceWhileNothingAnswersAndServesWhenTheDatabaseIsBack() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("failfast-h2-");
        HikariDataSource hikari = new HikariDataSource();
        hikari.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/" + dir.resolve("db"));
        hikari.setConnectionTimeout(800);
        hikari.setInitializationFailTimeout(-1);
        try (FailFastDataSource pool = new FailFastDataSource(hikari)) {
            long start = System.nanoTime();
            Throwable first = catchThrowable(pool::getConnection); // starts the pool, waits its timeout
            assertThat(first).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));

            start = System.nanoTime();
            Throwable next = catchThrowable(pool::getConnection);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
            assertThat(next).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("refused without waiting");
            assertThat(StoreOutages.withPlatformClassifiers(List.of()).find(next)).get()
                    .extracting(StoreOutages.Outage::store).isEqualTo(Store.EVENT_STORE);

            Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
            try {
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                    try (Connection c = pool.getConnection()) {
                        return c.isValid(1);
                    }
                });
            } finally {
                h2.stop();
            }
        }
    }
}
