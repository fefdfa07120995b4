package org.proposalledger.api.proposal;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The congress office sends a replied suggestion back to the lead unit; dueOn defaults to one month on. */
public record OrderRehandling(
        @TargetAggregateIdentifier ProposalId proposalId,
        LocalDate dueOn,
        String reason) {
}
