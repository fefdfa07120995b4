package org.proposalledger.api.transparency;

/**
 * The hash of the complete, aligned subtree {@code [start, start + 2^level)} — a node of the tree
 * that never changes once the leaves under it are in. What a store keeps to answer {@link TreeHashes}.
 */
public record Subtree(long start, int level, Hash hash) {

    public Subtree {
        if (level < 0 || level > 62 || start < 0 || start % (1L << level) != 0) {
            throw new IllegalArgumentException("no subtree of level " + level + " starts at " + start);
        }
        if (hash == null) {
            throw new IllegalArgumentException("a subtree has a hash");
        }
    }

    /** Its position among the subtrees of its level ({@code start / 2^level}). */
    public long index() {
        return start >>> level;
    }

    public NodeId id() {
        return new NodeId(level, index());
    }

    /** One past its last leaf. */
    public long end() {
        return start + (1L << level);
    }
}
