package org.proposalledger.api.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing Merkle tree — the "compact range" {@code [0, size)}: one hash per set
 * bit of {@code size}, the roots of the complete subtrees the leaves so far fall into. That is all a
 * log appender has to hold (O(log n) hashes) to extend the tree leaf by leaf and give the root at
 * every size. Each {@link #append} returns the subtrees it completed, for a store that keeps them
 * to answer {@link TreeHashes}.
 * <p>
 * Not thread-safe: one appender owns it.
 */
public final class MerkleFrontier {

    private static final int LEVELS = 63;

    /** byLevel[l] is the subtree of 2^l leaves that bit l of size stands for, else null. */
    private final Hash[] byLevel = new Hash[LEVELS];
    private long size;

    /** The frontier of the empty tree. */
    public MerkleFrontier() {
    }

    /**
     * A frontier restored from the hashes {@link #hashes()} gave at {@code size}: the complete
     * subtrees of {@code [0, size)}, largest (leftmost) first.
     */
    public static MerkleFrontier of(long size, List<Hash> hashes) {
        if (size < 0 || hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(Math.max(size, 0))
                    + " frontier hashes, not " + hashes.size());
        }
        MerkleFrontier f = new MerkleFrontier();
        int i = 0;
        for (int level = LEVELS - 1; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                f.byLevel[level] = hashes.get(i++);
            }
        }
        f.size = size;
        return f;
    }

    /** The frontier at {@code size}, read from a store: its {@code popcount(size)} subtrees, in one call. */
    public static MerkleFrontier of(TreeHashes tree, long size) {
        if (size < 0 || size > tree.size()) {
            throw new IllegalArgumentException("the tree holds " + tree.size() + " leaves, not " + size);
        }
        List<NodeId> nodes = new ArrayList<>(Long.bitCount(size));
        long start = 0;
        for (int level = LEVELS - 1; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                nodes.add(NodeId.at(start, level));
                start += 1L << level;
            }
        }
        return of(size, tree.subtrees(nodes));
    }

    /** Leaves appended so far. */
    public long size() {
        return size;
    }

    /** The complete subtrees of {@code [0, size)}, largest first: what to persist to restore it with {@link #of(long, List)}. */
    public List<Hash> hashes() {
        List<Hash> out = new ArrayList<>(Long.bitCount(size));
        for (int level = LEVELS - 1; level >= 0; level--) {
            if (byLevel[level] != null) {
                out.add(byLevel[level]);
            }
        }
        return out;
    }

    /**
     * Appends the next leaf. Returns the subtrees this completed, smallest first: the leaf itself
     * (level 0), then every node above it that now has all its leaves.
     */
    public List<Subtree> append(Hash leafHash) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        long newSize = size + 1;
        List<Subtree> completed = new ArrayList<>(2);
        Hash h = leafHash;
        completed.add(new Subtree(size, 0, h));
        int level = 0;
        while ((size >>> level & 1) == 1) {
            h = MerkleTree.nodeHash(byLevel[level], h);
            byLevel[level] = null;
            level++;
            completed.add(new Subtree(newSize - (1L << level), level, h));
        }
        byLevel[level] = h;
        size = newSize;
        return completed;
    }

    /** {@code MTH(D[0:size])}: the smaller subtrees fold into the larger from the right. */
    public Hash root() {
        Hash r = null;
        for (int level = 0; level < LEVELS; level++) {
            if (byLevel[level] != null) {
                r = r == null ? byLevel[level] : MerkleTree.nodeHash(byLevel[level], r);
            }
        }
        return r == null ? MerkleTree.emptyRoot() : r;
    }

    /** An independent copy at the same size. */
    public MerkleFrontier copy() {
        MerkleFrontier f = new MerkleFrontier();
        System.arraycopy(byLevel, 0, f.byLevel, 0, LEVELS);
        f.size = size;
        return f;
    }
}
