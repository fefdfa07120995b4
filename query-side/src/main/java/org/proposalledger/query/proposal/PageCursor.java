package org.proposalledger.query.proposal;

import org.proposalledger.api.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque list cursor, base64url-encoded so clients pass it back without depending on what
 * it contains: in id order the last id of a page; under another sort
 * {@code sort|key|id} — the sort it was made for (a cursor is refused under another), the last
 * item's sort key ({@code v} + key, or {@code n} when it has none) and its id.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(String lastId) {
        return base64(lastId);
    }

    static String encode(ProposalOrder order, ProposalOrder.Position last) {
        if (order.byId()) {
            return encode(last.id());
        }
        return base64(order.spec() + "|" + (last.key() == null ? "n" : "v" + last.key()) + "|" + last.id());
    }

    /** The id the next page starts after (id order); IllegalArgumentException when the cursor was not made by us. */
    public static String decode(String cursor) {
        return decode(cursor, ProposalOrder.BY_ID).id();
    }

    /** The position the next page starts after; IllegalArgumentException unless made by us for this order. */
    static ProposalOrder.Position decode(String cursor, ProposalOrder order) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (order.byId()) {
            if (!Ids.isValid(text)) {
                throw malformed();
            }
            return new ProposalOrder.Position(null, text);
        }
        String prefix = order.spec() + "|";
        int last = text.lastIndexOf('|');
        if (!text.startsWith(prefix) || last < prefix.length() + 1) {
            throw malformed();
        }
        String key = text.substring(prefix.length(), last);
        String id = text.substring(last + 1);
        if (!Ids.isValid(id) || !(key.equals("n") || key.startsWith("v"))) {
            throw malformed();
        }
        return new ProposalOrder.Position(key.equals("n") ? null : key.substring(1), id);
    }

    public static boolean isValid(String cursor) {
        return isValid(cursor, ProposalOrder.BY_ID);
    }

    public static boolean isValid(String cursor, ProposalOrder order) {
        try {
            decode(cursor, order);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("cursor is malformed");
    }
}
