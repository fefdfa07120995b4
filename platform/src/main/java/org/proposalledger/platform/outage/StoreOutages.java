package org.proposalledger.platform.outage;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a failure for a store that is out of reach: walks the exception and its causes (however
 * Axon, Spring or a future wraps them) and asks each classifier about each link.
 */
public final class StoreOutages {

    /** Which store is out of reach, and the innermost message that says why (never a stack trace). */
    public record Outage(Store store, String reason) {
    }

    private final List<OutageClassifier> classifiers;

    public StoreOutages(List<? extends OutageClassifier> classifiers) {
        this.classifiers = List.copyOf(classifiers);
    }

    /** The event store's and Axon Server's classifiers, and {@code more}. */
    public static StoreOutages withPlatformClassifiers(List<? extends OutageClassifier> more) {
        List<OutageClassifier> all = new java.util.ArrayList<>(List.of(new EventStoreOutages(), new AxonServerOutages()));
        all.addAll(more);
        return new StoreOutages(all);
    }

    public Optional<Outage> find(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (OutageClassifier classifier : classifiers) {
                Store store = classifier.unreachable(t);
                if (store != null) {
                    return Optional.of(new Outage(store, reason(t)));
                }
            }
        }
        return Optional.empty();
    }

    /** The store a log line without an exception says is out of reach (see {@link OutageClassifier#unreachableSaysLog}). */
    public Optional<Outage> findInLog(String logger, String message) {
        for (OutageClassifier classifier : classifiers) {
            Store store = classifier.unreachableSaysLog(logger, message);
            if (store != null) {
                return Optional.of(new Outage(store, message.length() > 120 ? message.substring(0, 120) + "…" : message));
            }
        }
        return Optional.empty();
    }

    /** The deepest message below {@code t}: "Connection refused" says more than the wrappers above it. */
    private static String reason(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String reason = t.getClass().getSimpleName();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                reason = c.getClass().getSimpleName() + ": " + c.getMessage();
            }
        }
        return reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
    }
}
