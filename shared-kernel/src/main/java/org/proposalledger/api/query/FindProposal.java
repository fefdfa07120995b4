package org.proposalledger.api.query;

/** The proposal as it stands now. Answer: {@link ProposalView}, or none when unknown. */
public record FindProposal(String proposalId) {
}
