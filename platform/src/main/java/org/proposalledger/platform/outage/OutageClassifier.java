package org.proposalledger.platform.outage;

/**
 * Tells whether one exception (a single link of a cause chain; {@link StoreOutages} walks the
 * chain) says a store is out of reach. Platform brings the event store's and Axon Server's; a
 * side that holds another store registers its own as a bean.
 */
@FunctionalInterface
public interface OutageClassifier {

    /** The store {@code failure} says cannot be reached now, or null when it says nothing of the kind. */
    Store unreachable(Throwable failure);

    /**
     * The store a log line that carries no exception says is out of reach (a driver that logs each
     * operation it holds back waiting for a server), or null. Asked for INFO lines and above only.
     */
    default Store unreachableSaysLog(String logger, String message) {
        return null;
    }
}
