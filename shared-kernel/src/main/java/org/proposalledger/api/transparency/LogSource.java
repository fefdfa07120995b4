package org.proposalledger.api.transparency;

import java.util.stream.Stream;

/**
 * A store's log as it is now, for {@link LogVerifier}: an event store over JDBC or Axon's event
 * store API, or an exported file ({@link LeafFile}). Each call opens a new stream, read once in
 * order; the verifier closes it.
 */
public interface LogSource {

    /** The store's events in log order, position 0 first. The verifier reads only as far as it needs. */
    Stream<EventLeaf> events();

    /**
     * The leaf hashes the store recorded for its log, position 0 first, if it keeps them. Nothing here
     * is believed: the verifier uses them only after they hash to a signed root, and then only to name
     * the first position that differs. Empty by default.
     */
    default Stream<Hash> recordedLeafHashes() {
        return Stream.empty();
    }
}
