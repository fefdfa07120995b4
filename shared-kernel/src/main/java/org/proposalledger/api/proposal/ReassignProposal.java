package org.proposalledger.api.proposal;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.proposalledger.api.reference.UnitId;

/** The government office assigns a returned suggestion anew. */
public record ReassignProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        UnitId leadUnitId,
        List<UnitId> coUnitIds) {
    public ReassignProposal {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }
}
