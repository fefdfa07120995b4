package org.proposalledger.platform.outage;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The event store's database out of reach, as its drivers and pool really report it. */
class EventStoreOutagesTest {

    static final StoreOutages OUTAGES = StoreOutages.withPlatformClassifiers(List.of());

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static HikariDataSource poolTo(int port) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/ledger");
        pool.setUsername("postgres");
        pool.setConnectionTimeout(250);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    @Test
    void noConnectionFromThePoolWithinItsTimeout() throws Exception {
        try (HikariDataSource pool = poolTo(closedPort())) {
            Throwable direct = catchThrowable(pool::getConnection);
            assertThat(direct).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(OUTAGES.find(direct)).get().satisfies(o -> {
                assertThat(o.store()).isEqualTo(Store.EVENT_STORE);
                assertThat(o.reason()).contains("Connection refused");
            });
            // as a command meets it: Spring's transaction manager, under Axon's unit of work
            Throwable begin = catchThrowable(() -> new DataSourceTransactionManager(pool)
                    .getTransaction(new DefaultTransactionDefinition()));
            assertThat(begin.getClass().getSimpleName()).isEqualTo("CannotCreateTransactionException");
            assertThat(OUTAGES.find(begin)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.EVENT_STORE);
            // as the deadline watcher meets it
            Throwable query = catchThrowable(() -> new JdbcTemplate(pool).queryForList("SELECT 1"));
            assertThat(OUTAGES.find(query)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.EVENT_STORE);
        }
    }

    @Test
    void theDriverRefusedOrTheDatabaseClosed() throws Exception {
        int port = closedPort();
        Throwable refused = catchThrowable(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/x"));
        assertThat(refused.getClass().getSimpleName()).isEqualTo("PSQLException");
        assertThat(OUTAGES.find(refused)).get().extracting(StoreOutages.Outage::store).isEqualTo(Store.EVENT_STORE);

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:outage-" + port);
        try (Connection keep = h2.getConnection(); Connection other = h2.getConnection()) {
            try (Statement s = keep.createStatement()) {
                s.execute("SHUTDOWN");
            }
            Throwable closed = catchThrowable(() -> other.createStatement().executeQuery("SELECT 1"));
            assertThat(OUTAGES.find(closed)).as(String.valueOf(closed)).get()
                    .extracting(StoreOutages.Outage::store).isEqualTo(Store.EVENT_STORE);
        }
    }

    @Test
    void faultsOfTheRequestAreNotOutages() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:faults;DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        jdbc.update("INSERT INTO t VALUES (1)");
        Throwable duplicate = catchThrowable(() -> jdbc.update("INSERT INTO t VALUES (1)"));
        Throwable syntax = catchThrowable(() -> jdbc.execute("SELEC nothing"));
        assertThat(duplicate).isNotNull();
        assertThat(syntax).isNotNull();
        assertThat(OUTAGES.find(duplicate)).isEmpty();
        assertThat(OUTAGES.find(syntax)).isEmpty();
        assertThat(OUTAGES.find(new IllegalStateException("a rule"))).isEmpty();
    }
}
