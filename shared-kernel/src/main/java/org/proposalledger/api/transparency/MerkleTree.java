package org.proposalledger.api.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle Tree of RFC 9162 §2.1 (Certificate Transparency v2, the tree of RFC 6962) with
 * SHA-256: the tree hash, inclusion and consistency proofs, and their verification, for trees of
 * any size.
 * <p>
 * Hashes have domain separation: a leaf is {@code SHA-256(0x00 || leaf input)}, an inner node
 * {@code SHA-256(0x01 || left || right)}, so no leaf can pass for a node. For {@code n > 1} leaves
 * the tree splits at {@code k}, the largest power of two below {@code n}: {@code MTH(D[n]) =
 * SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))}; the empty tree's hash is {@code SHA-256()}.
 * <p>
 * Proofs are generated from a {@link TreeHashes} (one read per complete subtree used), and verified
 * exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 say, needing nothing but the proof and the roots.
 */
public final class MerkleTree {

    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private static final Hash EMPTY_ROOT = Hash.sha256(new byte[0]);

    private MerkleTree() {
    }

    /** {@code MTH({}) = SHA-256()}, the root of the empty tree. */
    public static Hash emptyRoot() {
        return EMPTY_ROOT;
    }

    /** {@code SHA-256(0x00 || leafInput)}. */
    public static Hash leafHash(byte[] leafInput) {
        MessageDigest d = Hash.digest();
        d.update(LEAF_PREFIX);
        d.update(leafInput);
        return Hash.wrap(d.digest());
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static Hash nodeHash(Hash left, Hash right) {
        MessageDigest d = Hash.digest();
        d.update(NODE_PREFIX);
        left.writeTo(d);
        right.writeTo(d);
        return Hash.wrap(d.digest());
    }

    /** The root of the tree over these leaf hashes, in order (O(n) hashing, nothing kept). */
    public static Hash root(List<Hash> leafHashes) {
        MerkleFrontier f = new MerkleFrontier();
        leafHashes.forEach(f::append);
        return f.root();
    }

    /** The root of the first {@code size} leaves of {@code tree}, from its {@code popcount(size)} subtrees (one call). */
    public static Hash root(TreeHashes tree, long size) {
        requireSize(tree, size);
        return size == 0 ? EMPTY_ROOT : hashRanges(tree, List.of(new long[]{0, size})).get(0);
    }

    /**
     * {@code PATH(index, D[size])} of RFC 9162 §2.1.3.1: the hashes that lead from leaf {@code index}
     * to the root of the first {@code size} leaves, the leaf's sibling first.
     */
    public static List<Hash> inclusionProof(TreeHashes tree, long index, long size) {
        requireSize(tree, size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<long[]> ranges = new ArrayList<>(64);
        path(index, 0, size, ranges);
        return hashRanges(tree, ranges);
    }

    /**
     * {@code PROOF(size1, D[size2])} of RFC 9162 §2.1.4.1: the hashes that show the tree of {@code
     * size2} leaves extends the tree of its first {@code size1}. Empty when the sizes are equal.
     */
    public static List<Hash> consistencyProof(TreeHashes tree, long size1, long size2) {
        requireSize(tree, size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        if (size1 == size2) {
            return List.of();
        }
        if (size1 == 0) {
            throw new IllegalArgumentException("every tree extends the empty tree: there is nothing to prove from size 0");
        }
        List<long[]> ranges = new ArrayList<>(64);
        subproof(size1, 0, size2, true, ranges);
        return hashRanges(tree, ranges);
    }

    /**
     * RFC 9162 §2.1.3.2: whether {@code path} proves that {@code leafHash} is leaf {@code index} of
     * the tree of {@code size} leaves whose root is {@code root}.
     */
    public static boolean verifyInclusion(long index, long size, Hash leafHash, List<Hash> path, Hash root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        // 1. leaf_index must be below tree_size
        if (index < 0 || index >= size) {
            return false;
        }
        // 2.-3.
        long fn = index;
        long sn = size - 1;
        Hash r = leafHash;
        // 4.
        for (Hash p : path) {
            if (sn == 0) {
                return false; // 4a. the path is longer than the tree is high
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r); // 4b.i
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) { // 4b.ii
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p); // 4b, otherwise
            }
            fn >>>= 1; // 4c
            sn >>>= 1;
        }
        // 5.
        return sn == 0 && r.equals(root);
    }

    /**
     * RFC 9162 §2.1.4.2: whether {@code path} proves that the tree of {@code size2} leaves with root
     * {@code root2} extends the tree of {@code size1} leaves with root {@code root1}. RFC 9162 defines
     * proofs for {@code 0 < size1 < size2}; beyond that, a tree is consistent with itself (equal sizes,
     * an empty proof, equal roots), and a claim from size 0, which proves nothing, is refused.
     */
    public static boolean verifyConsistency(long size1, long size2, List<Hash> path, Hash root1, Hash root2) {
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        if (size1 <= 0 || size2 < size1) {
            return false;
        }
        if (size1 == size2) {
            return path.isEmpty() && root1.equals(root2);
        }
        // 1.
        if (path.isEmpty()) {
            return false;
        }
        // 2. a first tree of 2^k leaves is itself a node of the second: its hash starts the path
        List<Hash> c = path;
        if ((size1 & (size1 - 1)) == 0) {
            c = new ArrayList<>(path.size() + 1);
            c.add(root1);
            c.addAll(path);
        }
        // 3.
        long fn = size1 - 1;
        long sn = size2 - 1;
        // 4.
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5.
        Hash fr = c.get(0);
        Hash sr = c.get(0);
        // 6.
        for (int i = 1; i < c.size(); i++) {
            Hash h = c.get(i);
            if (sn == 0) {
                return false; // 6a
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(h, fr); // 6b.i
                sr = nodeHash(h, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) { // 6b.ii
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, h); // 6b, otherwise
            }
            fn >>>= 1; // 6c
            sn >>>= 1;
        }
        // 7.
        return fr.equals(root1) && sr.equals(root2) && sn == 0;
    }

    /**
     * {@code MTH(D[start:end])} of each range, in one {@link TreeHashes#subtrees} call. Each range is
     * a node of some tree: {@code start} a multiple of the smallest power of two not below {@code
     * end - start} (any range from 0 is one). Its hash folds its complete subtrees, largest first,
     * from the right.
     */
    static List<Hash> hashRanges(TreeHashes tree, List<long[]> ranges) {
        List<NodeId> nodes = new ArrayList<>(ranges.size() * 2);
        int[] parts = new int[ranges.size()];
        for (int r = 0; r < ranges.size(); r++) {
            long start = ranges.get(r)[0];
            long end = ranges.get(r)[1];
            long n = end - start;
            if (n <= 0 || (start != 0 && Long.numberOfTrailingZeros(start) < 64 - Long.numberOfLeadingZeros(n - 1))) {
                throw new IllegalArgumentException("[" + start + ", " + end + ") is not a node of a Merkle tree");
            }
            for (long s = start; s < end; ) {
                int level = 63 - Long.numberOfLeadingZeros(end - s);
                nodes.add(NodeId.at(s, level));
                s += 1L << level;
            }
            parts[r] = Long.bitCount(n);
        }
        List<Hash> hashes = tree.subtrees(nodes);
        if (hashes.size() != nodes.size()) {
            throw new IllegalStateException("asked for " + nodes.size() + " subtrees, got " + hashes.size());
        }
        List<Hash> out = new ArrayList<>(ranges.size());
        int next = 0;
        for (int count : parts) {
            Hash h = hashes.get(next + count - 1);
            for (int i = next + count - 2; i >= next; i--) {
                h = nodeHash(hashes.get(i), h);
            }
            out.add(h);
            next += count;
        }
        return List.copyOf(out);
    }

    /** The ranges whose hashes make {@code PATH(m, D[a:b])}, deepest sibling first. */
    private static void path(long m, long a, long b, List<long[]> out) {
        if (b - a == 1) {
            return;
        }
        long k = split(b - a);
        if (m < a + k) {
            path(m, a, a + k, out);
            out.add(new long[]{a + k, b});
        } else {
            path(m, a + k, b, out);
            out.add(new long[]{a, a + k});
        }
    }

    /** The ranges whose hashes make {@code SUBPROOF(m, D[a:b], complete)}, {@code m} counted from the first leaf. */
    private static void subproof(long m, long a, long b, boolean complete, List<long[]> out) {
        if (m == b) {
            if (!complete) {
                out.add(new long[]{a, b});
            }
            return;
        }
        long k = split(b - a);
        if (m <= a + k) {
            subproof(m, a, a + k, complete, out);
            out.add(new long[]{a + k, b});
        } else {
            subproof(m, a + k, b, false, out);
            out.add(new long[]{a, a + k});
        }
    }

    /** The largest power of two below {@code n} (for n > 1): {@code k < n <= 2k}. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    static int level(long powerOfTwo) {
        return Long.numberOfTrailingZeros(powerOfTwo);
    }

    private static void requireSize(TreeHashes tree, long size) {
        if (size < 0 || size > tree.size()) {
            throw new IllegalArgumentException("the tree holds " + tree.size() + " leaves, not " + size);
        }
    }
}
