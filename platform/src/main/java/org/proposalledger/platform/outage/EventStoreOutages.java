package org.proposalledger.platform.outage;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The JDBC event store is out of reach: no connection within the pool's timeout (HikariCP's
 * {@link SQLTransientConnectionException}, also when every connection is busy — retrying later is
 * the right advice either way), a connection refused or broken (SQLState class {@code 08}, H2's
 * "database closed"), or PostgreSQL shutting down or starting up ({@code 57P01}–{@code 57P03}).
 * The only JDBC database of a ledger process is the event store's.
 */
public final class EventStoreOutages implements OutageClassifier {

    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");
    private static final String HIKARI_CLOSED = "Connection is closed";

    @Override
    public Store unreachable(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
                || failure instanceof CannotGetJdbcConnectionException) {
            return Store.EVENT_STORE;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState()))) {
            return Store.EVENT_STORE;
        }
        // HikariCP's stand-in for a connection it evicted as broken says only this (no SQLState); a
        // rollback on it is what Axon reports when the database went away mid-transaction
        if (failure instanceof SQLException sql && sql.getSQLState() == null
                && HIKARI_CLOSED.equals(sql.getMessage())) {
            return Store.EVENT_STORE;
        }
        return null;
    }
}
