package org.proposalledger.platform.axon;

import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Axon's JDBC engine creates no tables; this does, once, for the database actually in use. */
public final class EventStoreSchema {

    private static final Logger log = LoggerFactory.getLogger(EventStoreSchema.class);

    private EventStoreSchema() {
    }

    public static void create(JdbcEventStorageEngine engine, DataSource dataSource) {
        EventTableFactory factory = factoryFor(dataSource);
        engine.createSchema(factory);
        log.info("Event store tables ready ({})", factory.getClass().getSimpleName());
    }

    static EventTableFactory factoryFor(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.toLowerCase().contains("postgres")) {
                return PostgresEventTableFactory.INSTANCE;
            }
            if (product.toLowerCase().contains("h2")) {
                return H2EventTableFactory.INSTANCE;
            }
            throw new IllegalStateException("Unsupported event store database: " + product
                    + " (supported: H2, PostgreSQL, or Axon Server)");
        } catch (SQLException e) {
            throw new IllegalStateException("Event store database unreachable", e);
        }
    }
}
