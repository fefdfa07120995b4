package org.proposalledger.api.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole log tree in memory: every complete subtree's hash, kept as {@link MerkleFrontier#append}
 * completes them (about 2n hashes for n leaves). Answers {@link TreeHashes} with one lookup, so it
 * gives roots and proofs at every past size. For tests, tools and small logs; a database-backed
 * log keeps the same subtrees in a table.
 */
public final class InMemoryTree implements TreeHashes {

    /** levels.get(l).get(i) is the subtree [i * 2^l, (i + 1) * 2^l). */
    private final List<List<Hash>> levels = new ArrayList<>();
    private final MerkleFrontier frontier = new MerkleFrontier();

    /** Appends a leaf by its input (hashed with the leaf prefix) and returns its index. */
    public long appendLeaf(byte[] leafInput) {
        return append(MerkleTree.leafHash(leafInput));
    }

    /** Appends a leaf by its hash and returns its index. */
    public long append(Hash leafHash) {
        long index = frontier.size();
        for (Subtree s : frontier.append(leafHash)) {
            while (levels.size() <= s.level()) {
                levels.add(new ArrayList<>());
            }
            levels.get(s.level()).add(s.hash());
        }
        return index;
    }

    @Override
    public long size() {
        return frontier.size();
    }

    @Override
    public Hash subtree(long start, int level) {
        if (level < 0 || level >= levels.size() || start % (1L << level) != 0) {
            throw new IllegalArgumentException("no complete subtree of level " + level + " at " + start);
        }
        List<Hash> row = levels.get(level);
        long index = start >>> level;
        if (index >= row.size()) {
            throw new IllegalArgumentException("no complete subtree of level " + level + " at " + start);
        }
        return row.get((int) index);
    }

    /** The root at the current size. */
    public Hash root() {
        return frontier.root();
    }

    /** The root at a past size. */
    public Hash root(long size) {
        return MerkleTree.root(this, size);
    }

    public List<Hash> inclusionProof(long index, long size) {
        return MerkleTree.inclusionProof(this, index, size);
    }

    public List<Hash> consistencyProof(long size1, long size2) {
        return MerkleTree.consistencyProof(this, size1, size2);
    }
}
