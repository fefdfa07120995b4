package org.proposalledger.query.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.outage.read-store.*}: how long the MongoDB driver waits before it gives up on an
 * unreachable read store, so a read that needs it is answered 503 {@code read-store-unavailable}
 * within about two seconds. The driver's own defaults (30 s to select a server, 10 s to connect)
 * made such a read hang. A value given in {@code spring.data.mongodb.uri}
 * ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS}) wins.
 */
@ConfigurationProperties("ledger.outage.read-store")
public class ReadStoreTimeouts {

    /** How long an operation waits for a server it can use. */
    private Duration serverSelectionTimeout = Duration.ofSeconds(1);

    /** How long opening a connection may take. */
    private Duration connectTimeout = Duration.ofSeconds(1);

    /**
     * How long a read on an open connection may wait for its answer; zero (the driver's default)
     * waits as long as it takes: a long scan (a rebuild, a report) must not be cut off, and a
     * server that is down breaks its connections anyway. Set it to bound a server that hangs.
     */
    private Duration socketTimeout = Duration.ZERO;

    public Duration getServerSelectionTimeout() {
        return serverSelectionTimeout;
    }

    public void setServerSelectionTimeout(Duration serverSelectionTimeout) {
        this.serverSelectionTimeout = serverSelectionTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }
}
