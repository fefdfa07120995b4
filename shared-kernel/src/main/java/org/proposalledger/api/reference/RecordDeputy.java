package org.proposalledger.api.reference;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or update a deputy. */
public record RecordDeputy(
        DeputyId deputyId,
        String name,
        String delegation) {

    /** All aggregate types share one identifier space in the event store, so reference ids carry a type prefix. */
    public static String aggregateIdOf(DeputyId deputyId) {
        return "deputy:" + deputyId.value();
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return deputyId == null ? null : aggregateIdOf(deputyId);
    }
}
