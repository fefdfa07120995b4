package org.proposalledger.api.query;

import java.time.Instant;

/**
 * A proposal as it stood at an instant ({@code asOf}: every event up to and including it) or
 * after its event {@code sequence}; exactly one of the two is given. Answer: {@link ProposalView},
 * or none when the proposal is unknown, not visible, or did not exist yet.
 */
public record GetProposalStateAt(String proposalId, Instant asOf, Long sequence) {

    public GetProposalStateAt {
        if ((asOf == null) == (sequence == null)) {
            throw new IllegalArgumentException("give exactly one of asOf and sequence");
        }
        if (sequence != null && sequence < 0) {
            throw new IllegalArgumentException("sequence must be 0 or more");
        }
    }
}
