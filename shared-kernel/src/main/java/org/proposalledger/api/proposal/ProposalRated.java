package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.DeputyId;

/**
 * A proposer rated a reply. Revision 2 added {@code satisfactory} — whether the rating counts
 * towards the satisfaction rate — so consumers of the feed need not know the rating scale;
 * revision-1 events are upcast with it derived from {@code rating} (ProposalRatedUpcaster in
 * platform).
 */
@Revision("2")
public record ProposalRated(
        ProposalId proposalId,
        DeputyId deputyId,
        Rating rating,
        String comment,
        int round,
        boolean satisfactory) implements ProposalEvent {

    public ProposalRated {
        if (rating != null && satisfactory != rating.isSatisfactory()) {
            throw new IllegalArgumentException("satisfactory must follow the rating");
        }
    }

    public ProposalRated(ProposalId proposalId, DeputyId deputyId, Rating rating, String comment, int round) {
        this(proposalId, deputyId, rating, comment, round, rating != null && rating.isSatisfactory());
    }
}
