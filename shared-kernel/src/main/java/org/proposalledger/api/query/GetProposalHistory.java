package org.proposalledger.api.query;

import java.time.Instant;

/**
 * The events of one proposal, in order; with {@code from} / {@code to} (inclusive, either may
 * be null) only those that happened in that span. Answer: {@link ProposalHistory}, or none
 * when unknown.
 */
public record GetProposalHistory(String proposalId, Instant from, Instant to) {

    public GetProposalHistory(String proposalId) {
        this(proposalId, null, null);
    }

    public boolean includes(Instant occurredAt) {
        return (from == null || !occurredAt.isBefore(from)) && (to == null || !occurredAt.isAfter(to));
    }
}
