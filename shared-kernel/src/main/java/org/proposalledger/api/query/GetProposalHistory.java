package org.proposalledger.api.query;

/** Every event of one proposal, in order. Answer: {@link ProposalHistory}, or none when unknown. */
public record GetProposalHistory(String proposalId) {
}
