package org.proposalledger.api.transparency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every proof the implementation generates, over every tree up to 70 leaves and random larger
 * ones, equals the one RFC 9162's recursive definitions give (transcribed below, on lists), verifies,
 * and stops verifying when anything in it or about it is changed.
 */
class MerkleTreePropertyTest {

    // --- RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1, written straight from the definitions ---

    static Hash mth(List<Hash> d) {
        if (d.isEmpty()) {
            return Hash.sha256(new byte[0]);
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = largestPowerOfTwoBelow(d.size());
        return MerkleTree.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    static List<Hash> path(int m, List<Hash> d) {
        List<Hash> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(d.size());
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    static List<Hash> proof(int m, List<Hash> d) {
        return subproof(m, d, true);
    }

    static List<Hash> subproof(int m, List<Hash> d, boolean b) {
        List<Hash> out = new ArrayList<>();
        if (m == d.size()) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(d.size());
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(subproof(m - k, d.subList(k, d.size()), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    // ---

    static List<Hash> leaves(int n, long seed) {
        Random r = new Random(seed);
        List<Hash> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] input = new byte[r.nextInt(40)];
            r.nextBytes(input);
            out.add(MerkleTree.leafHash(input));
        }
        return out;
    }

    static InMemoryTree tree(List<Hash> leaves) {
        InMemoryTree t = new InMemoryTree();
        leaves.forEach(t::append);
        return t;
    }

    static Hash flip(Hash h, int bit) {
        byte[] b = h.bytes();
        b[bit / 8] ^= (byte) (1 << (bit % 8));
        return Hash.of(b);
    }

    @Test
    void rootsAndInclusionProofsOfEveryTreeUpTo70LeavesAreTheRfcsAndVerify() {
        List<Hash> d = leaves(70, 1);
        InMemoryTree t = tree(d);
        for (int n = 0; n <= 70; n++) {
            List<Hash> dn = d.subList(0, n);
            Hash root = mth(dn);
            assertThat(MerkleTree.root(t, n)).as("root at %d", n).isEqualTo(root);
            assertThat(MerkleTree.root(dn)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<Hash> p = t.inclusionProof(m, n);
                assertThat(p).as("PATH(%d, D[%d])", m, n).isEqualTo(path(m, dn));
                assertThat(MerkleTree.verifyInclusion(m, n, d.get(m), p, root)).as("verify %d in %d", m, n).isTrue();
            }
        }
    }

    @Test
    void consistencyProofsOfEveryPairUpTo48LeavesAreTheRfcsAndVerify() {
        List<Hash> d = leaves(48, 2);
        InMemoryTree t = tree(d);
        for (int n = 1; n <= 48; n++) {
            for (int m = 1; m <= n; m++) {
                List<Hash> p = t.consistencyProof(m, n);
                assertThat(p).as("PROOF(%d, D[%d])", m, n).isEqualTo(m == n ? List.of() : proof(m, d.subList(0, n)));
                assertThat(MerkleTree.verifyConsistency(m, n, p, mth(d.subList(0, m)), mth(d.subList(0, n))))
                        .as("verify %d -> %d", m, n).isTrue();
            }
        }
    }

    @Test
    void anInclusionProofWithAnythingChangedDoesNotVerify() {
        List<Hash> d = leaves(37, 3);
        InMemoryTree t = tree(d);
        for (int n = 1; n <= 37; n++) {
            Hash root = mth(d.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<Hash> p = t.inclusionProof(m, n);
                Hash leaf = d.get(m);
                for (int i = 0; i < p.size(); i++) {
                    List<Hash> q = new ArrayList<>(p);
                    q.set(i, flip(p.get(i), (i * 37 + m) % 256));
                    assertThat(MerkleTree.verifyInclusion(m, n, leaf, q, root)).isFalse();
                    List<Hash> shorter = new ArrayList<>(p);
                    shorter.remove(i);
                    assertThat(MerkleTree.verifyInclusion(m, n, leaf, shorter, root)).isFalse();
                }
                List<Hash> longer = new ArrayList<>(p);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(m, n, leaf, longer, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(m, n, flip(leaf, m % 256), p, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(m, n, leaf, p, flip(root, n))).isFalse();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion((m + 1) % n, n, leaf, p, root)).as("index %d+1 of %d", m, n).isFalse();
                    assertThat(MerkleTree.verifyInclusion(m, n, d.get((m + 1) % n), p, root)).isFalse();
                }
                // the path's shape fixes the tree's height (the size itself is bound by the signed root)
                assertThat(MerkleTree.verifyInclusion(m, 2L * n, leaf, p, root)).isFalse();
                if (m < n / 2) {
                    assertThat(MerkleTree.verifyInclusion(m, n / 2, leaf, p, root)).isFalse();
                }
            }
        }
    }

    @Test
    void aConsistencyProofWithAnythingChangedDoesNotVerify() {
        List<Hash> d = leaves(33, 4);
        InMemoryTree t = tree(d);
        for (int n = 2; n <= 33; n++) {
            Hash root2 = mth(d.subList(0, n));
            for (int m = 1; m < n; m++) {
                Hash root1 = mth(d.subList(0, m));
                List<Hash> p = t.consistencyProof(m, n);
                for (int i = 0; i < p.size(); i++) {
                    List<Hash> q = new ArrayList<>(p);
                    q.set(i, flip(p.get(i), (i * 31 + m) % 256));
                    assertThat(MerkleTree.verifyConsistency(m, n, q, root1, root2)).isFalse();
                    List<Hash> shorter = new ArrayList<>(p);
                    shorter.remove(i);
                    assertThat(MerkleTree.verifyConsistency(m, n, shorter, root1, root2)).isFalse();
                }
                List<Hash> longer = new ArrayList<>(p);
                longer.add(root2);
                assertThat(MerkleTree.verifyConsistency(m, n, longer, root1, root2)).isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, p, flip(root1, m), root2)).isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, p, root1, flip(root2, n))).isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, p, root2, root1)).isFalse();
                // the same proof does not prove a different pair of sizes
                for (int m2 = 1; m2 < n; m2++) {
                    if (m2 != m) {
                        assertThat(MerkleTree.verifyConsistency(m2, n, p, root1, root2)).isFalse();
                    }
                }
                assertThat(MerkleTree.verifyConsistency(m, 2L * n, p, root1, root2)).isFalse();
                // a rewritten history is not consistent with the old root: change one leaf below m
                List<Hash> forged = new ArrayList<>(d.subList(0, n));
                forged.set(m - 1, flip(forged.get(m - 1), 7));
                List<Hash> forgedProof = tree(forged).consistencyProof(m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, forgedProof, root1, mth(forged))).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1023, 1024, 1025, 4097})
    void randomProofsInLargerTreesVerify(int n) {
        List<Hash> d = leaves(n, n);
        InMemoryTree t = tree(d);
        Random r = new Random(n);
        for (int i = 0; i < 200; i++) {
            int size = 1 + r.nextInt(n);
            int m = r.nextInt(size);
            Hash root = t.root(size);
            assertThat(root).isEqualTo(mth(d.subList(0, size)));
            assertThat(MerkleTree.verifyInclusion(m, size, d.get(m), t.inclusionProof(m, size), root)).isTrue();
            int first = 1 + r.nextInt(size);
            List<Hash> p = t.consistencyProof(first, size);
            assertThat(p).hasSizeLessThanOrEqualTo(2 * 64);
            assertThat(MerkleTree.verifyConsistency(first, size, p, t.root(first), root)).isTrue();
        }
    }

    /** A store that counts what it is asked, as a database would count queries. */
    static final class CountingStore implements TreeHashes {
        final InMemoryTree tree;
        int calls;
        int singleReads;
        int nodes;

        CountingStore(InMemoryTree tree) {
            this.tree = tree;
        }

        @Override
        public long size() {
            return tree.size();
        }

        @Override
        public Hash subtree(long start, int level) {
            singleReads++;
            return tree.subtree(start, level);
        }

        @Override
        public List<Hash> subtrees(List<NodeId> ids) {
            calls++;
            nodes += ids.size();
            return ids.stream().map(id -> tree.subtree(id.start(), id.level())).toList();
        }
    }

    @Test
    void rootsProofsAndFrontiersAskTheStoreOnceForOLogNSubtrees() {
        CountingStore store = new CountingStore(tree(leaves(5000, 7)));
        Random r = new Random(7);
        for (int i = 0; i < 100; i++) {
            long size = 2 + r.nextInt(4999);
            long m = r.nextInt((int) size - 1); // so that m + 1 < size: a consistency proof with something in it
            for (Runnable call : List.<Runnable>of(() -> MerkleTree.root(store, size),
                    () -> MerkleTree.inclusionProof(store, m, size),
                    () -> MerkleTree.consistencyProof(store, m + 1, size),
                    () -> MerkleFrontier.of(store, size))) {
                store.calls = 0;
                store.nodes = 0;
                call.run();
                assertThat(store.calls).isEqualTo(1);
                assertThat(store.nodes).isLessThanOrEqualTo(2 * 13 + 2); // 5000 < 2^13
            }
        }
        assertThat(store.singleReads).isZero();
    }

    @Test
    void theFrontierGivesTheRootAtEverySizeAndHandsOverEveryCompletedSubtree() {
        List<Hash> d = leaves(300, 5);
        MerkleFrontier f = new MerkleFrontier();
        InMemoryTree t = tree(d);
        List<Subtree> completed = new ArrayList<>();
        for (int n = 1; n <= d.size(); n++) {
            completed.addAll(f.append(d.get(n - 1)));
            assertThat(f.size()).isEqualTo(n);
            assertThat(f.root()).as("root at %d", n).isEqualTo(mth(d.subList(0, n)));
            assertThat(f.hashes()).hasSize(Long.bitCount(n));
        }
        // each complete subtree exactly once, with the hash of its leaves
        assertThat(completed).hasSize(2 * 300 - Long.bitCount(300));
        for (Subtree s : completed) {
            assertThat(s.hash()).isEqualTo(mth(d.subList((int) s.start(), (int) s.end())));
            assertThat(t.subtree(s.start(), s.level())).isEqualTo(s.hash());
        }
    }

    @Test
    void aRestoredFrontierContinuesExactlyAsTheOriginal() {
        List<Hash> d = leaves(200, 6);
        InMemoryTree t = tree(d.subList(0, 137));
        MerkleFrontier original = new MerkleFrontier();
        d.subList(0, 137).forEach(original::append);
        MerkleFrontier fromHashes = MerkleFrontier.of(137, original.hashes());
        MerkleFrontier fromStore = MerkleFrontier.of(t, 137);
        MerkleFrontier copy = original.copy();
        assertThat(fromStore.hashes()).isEqualTo(original.hashes());
        for (Hash h : d.subList(137, 200)) {
            original.append(h);
            fromHashes.append(h);
            fromStore.append(h);
        }
        assertThat(fromHashes.root()).isEqualTo(original.root()).isEqualTo(mth(d));
        assertThat(fromStore.root()).isEqualTo(mth(d));
        assertThat(copy.size()).isEqualTo(137);
        assertThat(copy.root()).isEqualTo(mth(d.subList(0, 137)));
    }
}
