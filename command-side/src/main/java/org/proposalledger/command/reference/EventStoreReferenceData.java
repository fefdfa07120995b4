package org.proposalledger.command.reference;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.RecordCongressSession;
import org.proposalledger.api.reference.RecordDeputy;
import org.proposalledger.api.reference.RecordHandlingUnit;
import org.proposalledger.api.reference.SessionId;
import org.proposalledger.api.reference.UnitId;

import java.util.Objects;

/**
 * Asks the event store itself, not a read model: a reference exists once its aggregate has an
 * event, which holds on the JDBC engine and on Axon Server alike and never lags behind.
 */
public class EventStoreReferenceData implements ReferenceData {

    private final EventStore eventStore;

    public EventStoreReferenceData(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore);
    }

    @Override
    public boolean sessionExists(SessionId sessionId) {
        return hasEvents(RecordCongressSession.aggregateIdOf(sessionId));
    }

    @Override
    public boolean unitExists(UnitId unitId) {
        return hasEvents(RecordHandlingUnit.aggregateIdOf(unitId));
    }

    @Override
    public boolean deputyExists(DeputyId deputyId) {
        return hasEvents(RecordDeputy.aggregateIdOf(deputyId));
    }

    private boolean hasEvents(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }
}
