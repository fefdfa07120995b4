package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The congress office approves a later reply date (at most 6 months from assignment). */
public record ExtendDeadline(
        @TargetAggregateIdentifier ProposalId proposalId,
        LocalDate newDueOn,
        String approvedBy) {
}
