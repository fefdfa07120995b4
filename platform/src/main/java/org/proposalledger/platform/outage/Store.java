package org.proposalledger.platform.outage;

/** A store or server the ledger cannot work without, and the problem rule that names it when it is out of reach. */
public enum Store {

    /** The JDBC event store (embedded H2 file or PostgreSQL); also holds the deadline table. */
    EVENT_STORE("event-store-unavailable", "The event store"),
    /** MongoDB (or the embedded Mongo-protocol server) holding the read models and processor tokens. */
    READ_STORE("read-store-unavailable", "The read-model store"),
    /** Axon Server (profile {@code axonserver}): event store and message router. */
    MESSAGE_SERVER("message-server-unavailable", "The message server (Axon Server)");

    private final String rule;
    private final String label;

    Store(String rule, String label) {
        this.rule = rule;
        this.label = label;
    }

    /** The problem-details {@code rule}. */
    public String rule() {
        return rule;
    }

    /** How a sentence names it, capitalised. */
    public String label() {
        return label;
    }
}
