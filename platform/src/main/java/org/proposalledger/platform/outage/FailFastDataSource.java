package org.proposalledger.platform.outage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The event store's connection pool, refusing at once while the database is known to be out of
 * reach. HikariCP closes every connection it finds broken and keeps trying to open new ones in
 * the background (at most 5 s apart), but a request for a connection still waits its full
 * {@code connection-timeout} for one that cannot come. A pool that keeps connections open
 * ({@code minimum-idle} above 0, the default) and has none at all is such a pool: the request is
 * refused without waiting ({@link SQLTransientConnectionException}, SQLState {@code 08001}, read as
 * {@code event-store-unavailable}). Once the background attempts open a connection again, requests
 * are served (and wait) as usual. The first requests after the database went away still wait, at
 * most the pool's timeout, while the pool finds its connections broken.
 */
public final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

    private final HikariDataSource pool;

    public FailFastDataSource(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    /** Wraps the application's HikariCP pool (the event store's) as it is created. */
    public static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof HikariDataSource pool ? new FailFastDataSource(pool) : bean;
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileUnreachable();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileUnreachable();
        return super.getConnection(username, password);
    }

    private void refuseWhileUnreachable() throws SQLException {
        HikariPoolMXBean state = pool.getHikariPoolMXBean(); // null until the pool has started
        if (state != null && pool.getMinimumIdle() > 0 && state.getTotalConnections() == 0) {
            throw new SQLTransientConnectionException(pool.getPoolName()
                    + " - no connection to the database is open and none could be opened; refused without waiting",
                    "08001");
        }
    }

    /** The pool is closed with the context, as it would be unwrapped. */
    @Override
    public void close() {
        pool.close();
    }
}
