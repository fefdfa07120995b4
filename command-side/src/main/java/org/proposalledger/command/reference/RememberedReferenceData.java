package org.proposalledger.command.reference;

import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Answers from memory what the store has already confirmed: no event removes a session, unit or
 * deputy, so once the store has shown one exists it exists for good, in every process. Only a
 * reference not yet seen here (new, or created by another process) is asked of the store, and
 * remembered once it is there; an unknown one is never remembered, so it costs a read each time
 * but cannot fill memory. Saves each command its reads of the reference streams.
 */
public final class RememberedReferenceData implements ReferenceData {

    private final ReferenceData store;
    private final Set<SessionId> sessions = ConcurrentHashMap.newKeySet();
    private final Set<UnitId> units = ConcurrentHashMap.newKeySet();
    private final Set<DeputyId> deputies = ConcurrentHashMap.newKeySet();

    public RememberedReferenceData(ReferenceData store) {
        this.store = Objects.requireNonNull(store);
    }

    @Override
    public boolean sessionExists(SessionId sessionId) {
        return known(sessions, sessionId, store::sessionExists);
    }

    @Override
    public boolean unitExists(UnitId unitId) {
        return known(units, unitId, store::unitExists);
    }

    @Override
    public boolean deputyExists(DeputyId deputyId) {
        return known(deputies, deputyId, store::deputyExists);
    }

    private static <T> boolean known(Set<T> seen, T id, Predicate<T> inStore) {
        if (id == null) {
            return inStore.test(null);
        }
        if (seen.contains(id)) {
            return true;
        }
        boolean exists = inStore.test(id);
        if (exists) {
            seen.add(id);
        }
        return exists;
    }
}
