package org.proposalledger.api.proposal;

/** Every event of a proposal's life names the proposal it belongs to. */
public interface ProposalEvent {
    ProposalId proposalId();
}
