package org.proposalledger.api.proposal;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.DeputyId;
import org.proposalledger.api.reference.SessionId;

/** A suggestion was handed in at a congress session. */
@Revision("1")
public record ProposalSubmitted(
        ProposalId proposalId,
        SessionId sessionId,
        String title,
        List<DeputyId> proposerIds,
        boolean andOthers,
        Category category,
        String background,
        List<String> suggestions) implements ProposalEvent {
    public ProposalSubmitted {
        proposerIds = proposerIds == null ? List.of() : List.copyOf(proposerIds);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
