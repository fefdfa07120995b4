package org.proposalledger.api.proposal;

import org.axonframework.serialization.Revision;
import org.proposalledger.api.reference.SessionId;

/** The suggestion was accepted and numbered. */
@Revision("1")
public record ProposalRegistered(
        ProposalId proposalId,
        SessionId sessionId,
        String number) implements ProposalEvent {
}
