package org.proposalledger.api.query;

import java.util.List;

/**
 * Proposals matching every given filter (null = any), a page at a time, in the order {@code sort}
 * names: one of {@link #SORT_FIELDS}, prefixed with {@code -} for descending; null = id order.
 * Equal sort values are ordered by id (descending too under a descending sort); a proposal
 * without the value (no number yet, not assigned) comes first ascending and last descending.
 * {@code cursor} is the opaque {@link ProposalPage#nextCursor()} of the previous page, asked
 * with the same sort.
 * {@code text}, when given, keeps proposals whose title, background or suggestions contain it
 * (case-insensitive; Chinese text of two or more characters is matched through stored
 * character bigrams). Answer: {@link ProposalPage}.
 */
public record ListProposals(String sessionId, String unitId, String status, String category, String deputyId,
                            int limit, String cursor, String text, String sort) {

    public static final int MAX_LIMIT = 500;
    public static final int MAX_TEXT = 100;

    /**
     * {@code submittedAt}, {@code updatedAt} (last change), {@code number} (registration number,
     * digits compared as numbers), {@code status} (in lifecycle order), {@code dueOn} (reply due
     * date), {@code id}.
     */
    public static final List<String> SORT_FIELDS = List.of("id", "submittedAt", "updatedAt", "number", "status", "dueOn");

    /** In id order. */
    public ListProposals(String sessionId, String unitId, String status, String category, String deputyId,
                         int limit, String cursor, String text) {
        this(sessionId, unitId, status, category, deputyId, limit, cursor, text, null);
    }

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
        if (sort != null && !isSort(sort)) {
            throw new IllegalArgumentException("sort must be one of " + SORT_FIELDS + ", optionally prefixed with '-'");
        }
    }

    public static boolean isSort(String sort) {
        return sort != null && SORT_FIELDS.contains(sort.startsWith("-") ? sort.substring(1) : sort);
    }
}
