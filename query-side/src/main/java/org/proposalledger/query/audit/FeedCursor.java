package org.proposalledger.query.audit;

import org.proposalledger.platform.web.InvalidParameter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * The feed's opaque cursor: the event store's tracking token, base64url. With the JDBC engine it
 * is a gap-aware token — the highest global index seen plus the lower indexes not yet seen
 * (transactions still open when the page was read) — so an event that commits late into such a
 * gap is served on a later page instead of being skipped.
 */
public final class FeedCursor {

    private static final int MAX_LENGTH = 8192;

    private FeedCursor() {
    }

    public static String encode(TrackingToken token) {
        String text;
        if (token == null) {
            return null;
        } else if (token instanceof GapAwareTrackingToken g) {
            StringBuilder b = new StringBuilder("g1:").append(g.getIndex());
            for (Long gap : g.getGaps()) {
                b.append(',').append(gap);
            }
            text = b.toString();
        } else if (token instanceof GlobalSequenceTrackingToken s) {
            text = "s1:" + s.getGlobalIndex();
        } else {
            throw new IllegalStateException("Unsupported tracking token " + token.getClass().getName());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for null (from the start); {@link InvalidParameter} for anything this API did not hand out. */
    public static TrackingToken decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("s1:")) {
                return new GlobalSequenceTrackingToken(Long.parseLong(text.substring(3)));
            }
            if (!text.startsWith("g1:")) {
                throw new IllegalArgumentException("unknown kind");
            }
            String[] parts = text.substring(3).split(",");
            long index = Long.parseLong(parts[0]);
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                long gap = Long.parseLong(parts[i]);
                if (gap >= index || gap < 0) {
                    throw new IllegalArgumentException("gap outside the token");
                }
                gaps.add(gap);
            }
            if (index < -1) {
                throw new IllegalArgumentException("negative index");
            }
            return GapAwareTrackingToken.newInstance(index, new TreeSet<>(gaps));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("after", "is not a cursor this API returned");
        }
    }
}
