package org.proposalledger.api.transparency;

/**
 * A complete, aligned subtree of the log tree: the {@code index}-th run of {@code 2^level} leaves,
 * {@code [index * 2^level, (index + 1) * 2^level)}. Level 0 is a leaf. The natural key of a table of
 * subtree hashes.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62 || index < 0 || index > (Long.MAX_VALUE >>> level)) {
            throw new IllegalArgumentException("no node of level " + level + " at index " + index);
        }
    }

    /** The node that starts at leaf {@code start}, {@code start} a multiple of {@code 2^level}. */
    public static NodeId at(long start, int level) {
        if (level < 0 || level > 62 || start < 0 || (start & ((1L << level) - 1)) != 0) {
            throw new IllegalArgumentException("no node of level " + level + " starts at " + start);
        }
        return new NodeId(level, start >>> level);
    }

    /** Its first leaf. */
    public long start() {
        return index << level;
    }

    /** One past its last leaf. */
    public long end() {
        return start() + (1L << level);
    }
}
