package org.proposalledger.api.transparency;

/**
 * Read access to the hashes of a log's Merkle tree, the one thing proofs and roots need. A store
 * that records the hash of every complete subtree as it completes (what {@link MerkleFrontier#append}
 * hands back) answers each call with one read, so {@link MerkleTree#root}, {@link
 * MerkleTree#inclusionProof} and {@link MerkleTree#consistencyProof} cost O(log n) reads.
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
}
