package org.proposalledger.api.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * Read access to the hashes of a log's Merkle tree, the one thing proofs and roots need. A store
 * that records the hash of every complete subtree as it completes (what {@link MerkleFrontier#append}
 * hands back) answers each with one read. {@link MerkleTree#root}, {@link
 * MerkleTree#inclusionProof} and {@link MerkleTree#consistencyProof} need O(log n) subtrees and
 * ask for them in one {@link #subtrees} call.
 * <p>
 * A complete subtree is aligned: it covers the leaves {@code [start, start + 2^level)} with {@code
 * start} a multiple of {@code 2^level}. Its hash does not depend on the tree size, so once written
 * it never changes.
 */
public interface TreeHashes {

    /** How many leaves the tree holds now. */
    long size();

    /**
     * The Merkle Tree Hash of the complete subtree {@code [start, start + 2^level)}; level 0 is a
     * leaf hash. Called only with {@code start % 2^level == 0} and {@code start + 2^level <= size()}.
     */
    Hash subtree(long start, int level);

    /**
     * The hashes of these complete subtrees, in the order asked. Proofs, roots and a frontier ask for
     * all they need in one call; a database-backed store overrides this to read them in one query
     * (they are O(log n), and each is keyed by its level and index).
     */
    default List<Hash> subtrees(List<NodeId> nodes) {
        List<Hash> out = new ArrayList<>(nodes.size());
        for (NodeId n : nodes) {
            out.add(subtree(n.start(), n.level()));
        }
        return out;
    }
}
