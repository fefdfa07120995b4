package org.proposalledger.api.proposal;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.proposalledger.api.reference.UnitId;

/** The government office assigns a lead unit and co-units; dueOn defaults to assignment + 3 months. */
public record AssignProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        UnitId leadUnitId,
        List<UnitId> coUnitIds,
        LocalDate dueOn) {
    public AssignProposal {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }
}
