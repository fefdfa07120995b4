package org.proposalledger.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The global positions of the event stream a tracking token covers: every position up to
 * {@code index} except its {@code gaps}, positions below the index whose event had not been seen
 * (a transaction that commits late, or one that rolled back). This is Axon's
 * {@link GapAwareTrackingToken} reduced to what a read model's re-delivery marker needs (the
 * dashboard counters'), with a compact text form for the documents:
 * {@code "index"} or {@code "index:gaps"}, the gaps as comma-separated positions and ranges
 * ({@code "120:7,9-11"} covers 0..120 but 7, 9, 10 and 11).
 */
public final class Coverage {

    private final long index;
    /** Ascending, each below {@link #index}. */
    private final long[] gaps;

    private Coverage(long index, long[] gaps) {
        this.index = index;
        this.gaps = gaps;
    }

    public static Coverage of(long index, Collection<Long> gaps) {
        long[] sorted = gaps.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        for (long g : sorted) {
            if (g >= index || g < 0) {
                throw new IllegalArgumentException("gap " + g + " is not below index " + index);
            }
        }
        return new Coverage(index, sorted);
    }

    /**
     * What {@code token} covers, unwrapped from a {@link org.axonframework.eventhandling.ReplayToken}
     * (its current position); null when there is no token or it has no position.
     */
    public static Coverage of(TrackingToken token) {
        TrackingToken inner = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (inner instanceof GapAwareTrackingToken gapAware) {
            return of(gapAware.getIndex(), gapAware.getGaps());
        }
        if (inner != null && inner.position().isPresent()) {
            return new Coverage(inner.position().getAsLong(), new long[0]);
        }
        return null;
    }

    /**
     * The global position of the event that {@code token} was delivered with, when the token
     * tells it; -1 otherwise. A gap-aware token does not: an event that fills a gap gets a token
     * whose index is still that of the highest event seen, the same token as the event before it
     * would have had if the gap had been filled already.
     */
    public static long exactPosition(TrackingToken token) {
        TrackingToken inner = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (inner == null || inner instanceof GapAwareTrackingToken) {
            return -1;
        }
        return inner.position().orElse(-1);
    }

    public long index() {
        return index;
    }

    public boolean covers(long position) {
        return position >= 0 && position <= index && Arrays.binarySearch(gaps, position) < 0;
    }

    /** Whether every position {@code other} covers is covered here. */
    public boolean covers(Coverage other) {
        if (other.index > index || !covers(other.index)) {
            return false;
        }
        for (long g : gaps) {
            if (g > other.index) {
                break;
            }
            if (other.covers(g)) {
                return false;
            }
        }
        return true;
    }

    /** The positions covered by either. */
    public Coverage union(Coverage other) {
        Coverage high = other.index > index ? other : this;
        Coverage low = high == this ? other : this;
        long[] merged = Arrays.stream(high.gaps).filter(g -> !low.covers(g)).toArray();
        return new Coverage(high.index, merged);
    }

    /** The text form: {@code "index"} or {@code "index:gaps"}. */
    public String encode() {
        if (gaps.length == 0) {
            return Long.toString(index);
        }
        StringBuilder out = new StringBuilder().append(index).append(':');
        for (int i = 0; i < gaps.length; ) {
            int j = i;
            while (j + 1 < gaps.length && gaps[j + 1] == gaps[j] + 1) {
                j++;
            }
            if (i > 0) {
                out.append(',');
            }
            out.append(gaps[i]);
            if (j > i) {
                out.append('-').append(gaps[j]);
            }
            i = j + 1;
        }
        return out.toString();
    }

    /**
     * Reads a stored marker: the text form, or a number, the marker written before markers were
     * gap-aware (every position up to it). Null for null.
     */
    public static Coverage decode(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof Number n) {
            return new Coverage(n.longValue(), new long[0]);
        }
        if (!(stored instanceof String text)) {
            throw new IllegalArgumentException("not a coverage marker: " + stored);
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Coverage(Long.parseLong(text), new long[0]);
        }
        List<Long> gaps = new ArrayList<>();
        for (String part : text.substring(colon + 1).split(",")) {
            int dash = part.indexOf('-');
            long from = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
            long to = dash < 0 ? from : Long.parseLong(part.substring(dash + 1));
            for (long g = from; g <= to; g++) {
                gaps.add(g);
            }
        }
        return of(Long.parseLong(text.substring(0, colon)), gaps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coverage c && c.index == index && Arrays.equals(c.gaps, gaps);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + Arrays.hashCode(gaps);
    }

    @Override
    public String toString() {
        return encode();
    }
}
