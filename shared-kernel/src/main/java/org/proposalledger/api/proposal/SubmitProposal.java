package org.proposalledger.api.proposal;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;

/** A deputy (with co-proposers; "等" = andOthers) hands in a suggestion. */
public record SubmitProposal(
        @TargetAggregateIdentifier ProposalId proposalId,
        SessionId sessionId,
        String title,
        List<DeputyId> proposerIds,
        boolean andOthers,
        Category category,
        String background,
        List<String> suggestions) {
    public SubmitProposal {
        proposerIds = proposerIds == null ? List.of() : List.copyOf(proposerIds);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
