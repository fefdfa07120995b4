package org.proposalledger.command.reference;

import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;

import java.util.HashSet;
import java.util.Set;

/** Reference data the fixture tests can populate directly. */
public final class InMemoryReferenceData implements ReferenceData {

    private final Set<SessionId> sessions = new HashSet<>();
    private final Set<UnitId> units = new HashSet<>();
    private final Set<DeputyId> deputies = new HashSet<>();

    public InMemoryReferenceData withSessions(String... ids) {
        for (String id : ids) {
            sessions.add(SessionId.of(id));
        }
        return this;
    }

    public InMemoryReferenceData withUnits(String... ids) {
        for (String id : ids) {
            units.add(UnitId.of(id));
        }
        return this;
    }

    public InMemoryReferenceData withDeputies(String... ids) {
        for (String id : ids) {
            deputies.add(DeputyId.of(id));
        }
        return this;
    }

    @Override
    public boolean sessionExists(SessionId sessionId) {
        return sessions.contains(sessionId);
    }

    @Override
    public boolean unitExists(UnitId unitId) {
        return units.contains(unitId);
    }

    @Override
    public boolean deputyExists(DeputyId deputyId) {
        return deputies.contains(deputyId);
    }
}
