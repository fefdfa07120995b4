package org.proposalledger.api.reference;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or update a deputy. */
public record RecordDeputy(
        @TargetAggregateIdentifier DeputyId deputyId,
        String name,
        String delegation) {
}
