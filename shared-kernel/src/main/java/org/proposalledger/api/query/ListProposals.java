package org.proposalledger.api.query;

/**
 * Proposals matching every given filter (null = any), in id order, a page at a time.
 * {@code cursor} is the opaque {@link ProposalPage#nextCursor()} of the previous page.
 * Answer: {@link ProposalPage}.
 */
public record ListProposals(String sessionId, String unitId, String status, String category, String deputyId,
                            int limit, String cursor) {

    public static final int MAX_LIMIT = 500;

    public ListProposals {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
