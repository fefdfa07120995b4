package org.proposalledger.platform.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refuses to start on an event-store database that would let a commit return, and so a command
 * be answered 2xx, before its events are written: PostgreSQL with {@code synchronous_commit} or
 * {@code fsync} off (for this database, role or connection), an H2 file database with a
 * {@code WRITE_DELAY} above 0 (a URL of one's own without {@code ;WRITE_DELAY=0}). What each
 * store then guarantees, and what it costs, is in docs/durability.md.
 */
public final class CommitDurability {

    private static final Logger log = LoggerFactory.getLogger(CommitDurability.class);

    private CommitDurability() {
    }

    public static void check(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                requireOn(c, "synchronous_commit", "a commit would return before its WAL record is flushed to disk");
                requireOn(c, "fsync", "the server never forces its writes to disk");
                log.info("Event store commits are durable: PostgreSQL synchronous_commit={}, fsync=on",
                        setting(c, "SHOW synchronous_commit"));
            } else if (product.contains("h2") && !c.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                String delay = setting(c, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'WRITE_DELAY'");
                if (!"0".equals(delay)) {
                    throw new IllegalStateException("The H2 event store writes commits to its file up to " + delay
                            + " ms after they return (WRITE_DELAY): a crash would lose acknowledged commands."
                            + " Add ;WRITE_DELAY=0 to spring.datasource.url (or leave it unset for the embedded default).");
                }
                log.info("Event store commits are durable: H2 writes each commit to its file before it returns");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Event store database unreachable", e);
        }
    }

    private static void requireOn(Connection c, String name, String consequence) throws SQLException {
        if ("off".equalsIgnoreCase(setting(c, "SHOW " + name))) {
            throw new IllegalStateException("PostgreSQL has " + name + " = off for the event store's connections: "
                    + consequence + ", so a crash could lose acknowledged commands. Turn it on (postgresql.conf,"
                    + " ALTER DATABASE/ROLE … SET " + name + " = on, or the connection's options).");
        }
    }

    private static String setting(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
