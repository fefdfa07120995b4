package org.proposalledger.api.reference;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or update a handling unit. */
public record RecordHandlingUnit(
        UnitId unitId,
        String name,
        UnitKind kind) {

    /** All aggregate types share one identifier space in the event store, so reference ids carry a type prefix. */
    public static String aggregateIdOf(UnitId unitId) {
        return "unit:" + unitId.value();
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return unitId == null ? null : aggregateIdOf(unitId);
    }
}
