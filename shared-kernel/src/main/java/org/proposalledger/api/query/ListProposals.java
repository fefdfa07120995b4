package org.proposalledger.api.query;

/**
 * Proposals matching every given filter (null = any), in id order, a page at a time.
 * {@code cursor} is the opaque {@link ProposalPage#nextCursor()} of the previous page.
 * {@code text}, when given, keeps proposals whose title, background or suggestions contain it
 * (case-insensitive; Chinese text of two or more characters is matched through stored
 * character bigrams). Answer: {@link ProposalPage}.
 */
public record ListProposals(String sessionId, String unitId, String status, String category, String deputyId,
                            int limit, String cursor, String text) {

    public static final int MAX_LIMIT = 500;
    public static final int MAX_TEXT = 100;

    /** Without a text filter. */
    public ListProposals(String sessionId, String unitId, String status, String category, String deputyId,
                         int limit, String cursor) {
        this(sessionId, unitId, status, category, deputyId, limit, cursor, null);
    }

    public ListProposals {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("text must be 1-" + MAX_TEXT + " characters");
        }
    }
}
