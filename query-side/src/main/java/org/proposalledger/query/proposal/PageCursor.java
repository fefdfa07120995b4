package org.proposalledger.query.proposal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque list cursor: the last id of a page, base64url-encoded, so clients pass it back
 * without depending on what it contains.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** The id the next page starts after; IllegalArgumentException when the cursor was not made by us. */
    public static String decode(String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is malformed");
        }
        if (!ProposalIds.isValid(id)) {
            throw new IllegalArgumentException("cursor is malformed");
        }
        return id;
    }

    public static boolean isValid(String cursor) {
        try {
            decode(cursor);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
