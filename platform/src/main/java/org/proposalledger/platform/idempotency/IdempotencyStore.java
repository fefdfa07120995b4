package org.proposalledger.platform.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The keys and their answers, in table {@value #TABLE} of the event-store database, so that
 * every command side on one database shares them and the table's primary key (user, key)
 * decides races between processes.
 * <p>
 * A key's row is inserted in the transaction that executes its request, and holds the answer
 * when that transaction commits: a row is never visible without its answer, and a request that
 * dies before its commit leaves nothing behind. A second request with the same key meanwhile
 * waits on the uncommitted row (the database's unique-key wait) for at most
 * {@code ledger.idempotency.in-use-wait}.
 */
public class IdempotencyStore {

    public static final String TABLE = "ledger_idempotency_key";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    /** What a lookup found. */
    public record Stored(String fingerprint, String method, String path, long expiresAt, StoredAnswer answer) {
    }

    enum Dialect {
        H2("VARBINARY"), POSTGRES("BYTEA");

        final String bytes;

        Dialect(String bytes) {
            this.bytes = bytes;
        }
    }

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final long inUseWaitMillis;

    public IdempotencyStore(DataSource dataSource, Duration inUseWait) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = dialectOf(dataSource);
        this.inUseWaitMillis = inUseWait.toMillis();
    }

    private static Dialect dialectOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("postgres")) {
                return Dialect.POSTGRES;
            }
            if (product.contains("h2")) {
                return Dialect.H2;
            }
            throw new IllegalStateException("Unsupported database for idempotency keys: " + product
                    + " (supported: H2, PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("Event-store database unreachable", e);
        }
    }

    /** Created on start, like the event tables; two processes starting at once may both try. */
    public void createTable() {
        try {
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " user_name VARCHAR(" + IdempotentRequest.MAX_SCOPE + ") NOT NULL,"
                    + " idempotency_key VARCHAR(" + IdempotencyKey.MAX_LENGTH + ") NOT NULL,"
                    + " fingerprint VARCHAR(64) NOT NULL,"
                    + " method VARCHAR(16) NOT NULL,"
                    + " path VARCHAR(" + IdempotentRequest.MAX_PATH + ") NOT NULL,"
                    + " created_at BIGINT NOT NULL,"
                    + " expires_at BIGINT NOT NULL,"
                    + " status INT,"
                    + " content_type VARCHAR(255),"
                    + " location VARCHAR(2048),"
                    + " body " + dialect.bytes + ","
                    + " PRIMARY KEY (user_name, idempotency_key))");
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_expiry ON " + TABLE + " (expires_at)");
        } catch (DataAccessException e) {
            // PostgreSQL's IF NOT EXISTS is not atomic: another process may have created it just now
            if (!exists()) {
                throw e;
            }
        }
        log.info("Idempotency key table ready ({})", dialect);
    }

    private boolean exists() {
        try {
            jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE 1 = 0", Long.class);
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }

    /** The committed row of this key, if any (a plain read: never waits). */
    public Optional<Stored> find(String scope, String key) {
        List<Stored> rows = jdbc.query("SELECT fingerprint, method, path, expires_at, status, content_type, location, body"
                        + " FROM " + TABLE + " WHERE user_name = ? AND idempotency_key = ?",
                (rs, i) -> {
                    int status = rs.getInt(5);
                    StoredAnswer answer = rs.wasNull() ? null
                            : new StoredAnswer(status, rs.getString(6), rs.getString(7), rs.getBytes(8));
                    return new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), answer);
                }, scope, key);
        return rows.stream().findFirst();
    }

    /**
     * Inserts the key's row, without its answer, in the caller's transaction. Waits at most
     * {@code in-use-wait} for another transaction holding the same key.
     *
     * @return false when another request's row was committed first (look it up again)
     * @throws org.springframework.dao.PessimisticLockingFailureException (PostgreSQL) or
     *         {@link org.springframework.dao.QueryTimeoutException} (H2) when the other request has
     *         not finished within the wait
     */
    public boolean claim(IdempotentRequest r, long now, long expiresAt) {
        return insertWaiting("INSERT INTO " + TABLE + " (user_name, idempotency_key, fingerprint, method, path,"
                        + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                r.scope(), r.key(), r.fingerprint(), r.method(), r.path(), now, expiresAt);
    }

    /** An INSERT that waits at most {@code in-use-wait} on another transaction's row with the same key. */
    private boolean insertWaiting(String insert, Object... args) {
        try {
            if (dialect == Dialect.POSTGRES) {
                // transaction-local; a failed INSERT aborts the transaction, whose rollback restores it
                String previous = jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class);
                jdbc.queryForObject("SELECT set_config('lock_timeout', ?, true)", String.class, inUseWaitMillis + "ms");
                jdbc.update(insert, args);
                jdbc.queryForObject("SELECT set_config('lock_timeout', ?, true)", String.class, previous);
            } else {
                // a session setting on H2: put back whatever happens
                Integer previous = jdbc.queryForObject("SELECT LOCK_TIMEOUT()", Integer.class);
                jdbc.execute("SET LOCK_TIMEOUT " + inUseWaitMillis);
                try {
                    jdbc.update(insert, args);
                } finally {
                    jdbc.execute("SET LOCK_TIMEOUT " + previous);
                }
            }
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Removes this key's row once it is past its retention, so the key can be used afresh. */
    public void forgetExpired(String scope, String key, long now) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE user_name = ? AND idempotency_key = ? AND expires_at <= ?",
                scope, key, now);
    }

    /** Writes the answer into the row {@link #claim} inserted, in the same (still open) transaction. */
    public void complete(IdempotentRequest r, StoredAnswer a, long now, long expiresAt) {
        int rows = jdbc.update("UPDATE " + TABLE + " SET status = ?, content_type = ?, location = ?, body = ?,"
                        + " created_at = ?, expires_at = ? WHERE user_name = ? AND idempotency_key = ? AND status IS NULL",
                a.status(), a.contentType(), a.location(), a.body(), now, expiresAt, r.scope(), r.key());
        if (rows != 1) {
            // the claim is gone from this transaction: what else it holds cannot be trusted either
            throw new IllegalStateException("idempotency key row of this request vanished from its transaction");
        }
    }

    /**
     * Stores a refusal's answer on its own, after the request's transaction was rolled back (a
     * refused request stored nothing to be atomic with). Run it in a transaction of its own, so
     * the wait applies on PostgreSQL too.
     *
     * @return false when another request with this key has been recorded meanwhile
     */
    public boolean record(IdempotentRequest r, StoredAnswer a, long now, long expiresAt) {
        return insertWaiting("INSERT INTO " + TABLE + " (user_name, idempotency_key, fingerprint, method, path,"
                        + " created_at, expires_at, status, content_type, location, body)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.scope(), r.key(), r.fingerprint(), r.method(), r.path(), now, expiresAt,
                a.status(), a.contentType(), a.location(), a.body());
    }

    /** Deletes every key past its retention. */
    public int purge(long now) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE expires_at <= ?", now);
    }
}
