package org.proposalledger.api.reference;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or update a handling unit. */
public record RecordHandlingUnit(
        @TargetAggregateIdentifier UnitId unitId,
        String name,
        UnitKind kind) {
}
