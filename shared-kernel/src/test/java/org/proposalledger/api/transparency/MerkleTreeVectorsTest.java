package org.proposalledger.api.transparency;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Known answers from published sources. The 8-leaf tree is the reference tree of RFC 6962 that
 * Certificate Transparency's test suites use; its leaf inputs, node hashes and roots are those of
 * github.com/transparency-dev/merkle, {@code testonly/constants.go} (LeafInputs, NodeHashes,
 * RootHashes; commit 417fb0c3), its proofs those of {@code testonly/reference_test.go}
 * (TestRefInclusionProof, TestRefConsistencyProof), and the verification probes those of its
 * {@code testdata/} directory (file named at each).
 */
class MerkleTreeVectorsTest {

    // transparency-dev/merkle testonly/constants.go: LeafInputs()
    static final String[] LEAF_INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    // testonly/constants.go: NodeHashes(), [level][index]
    static final String[][] NODE_HASHES = {{
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"}, {
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"}, {
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}, {
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"}};

    // testonly/constants.go: RootHashes(), by tree size from 0 (EmptyRootHash)
    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static InMemoryTree referenceTree() {
        InMemoryTree t = new InMemoryTree();
        for (String input : LEAF_INPUTS) {
            t.appendLeaf(HexFormat.of().parseHex(input));
        }
        return t;
    }

    static Hash hex(String h) {
        return Hash.fromHex(h);
    }

    static Hash b64(String b) {
        return Hash.fromBase64(b);
    }

    static List<Hash> hexes(String... hs) {
        return Stream.of(hs).map(Hash::fromHex).toList();
    }

    static List<Hash> b64s(String... bs) {
        return Stream.of(bs).map(Hash::fromBase64).toList();
    }

    @Test
    void emptyTreeAndLeafHashesHaveDomainSeparation() {
        // transparency-dev/merkle rfc6962/rfc6962_test.go: TestRFC6962Hasher
        assertThat(MerkleTree.emptyRoot()).isEqualTo(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(MerkleTree.leafHash(new byte[0])).isEqualTo(hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"));
        assertThat(MerkleTree.leafHash("L123456".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo(hex("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"));
    }

    @Test
    void everyCompleteSubtreeOfTheReferenceTreeHasItsPublishedHash() {
        InMemoryTree t = referenceTree();
        for (int level = 0; level < NODE_HASHES.length; level++) {
            for (int i = 0; i < NODE_HASHES[level].length; i++) {
                assertThat(t.subtree((long) i << level, level)).as("level %d index %d", level, i)
                        .isEqualTo(hex(NODE_HASHES[level][i]));
            }
        }
    }

    @Test
    void rootsAtEverySizeOfTheReferenceTree() {
        InMemoryTree t = referenceTree();
        MerkleFrontier f = new MerkleFrontier();
        assertThat(f.root()).isEqualTo(hex(ROOTS[0]));
        for (int size = 0; size <= 8; size++) {
            assertThat(t.root(size)).as("size %d", size).isEqualTo(hex(ROOTS[size]));
            if (size > 0) {
                f.append(MerkleTree.leafHash(HexFormat.of().parseHex(LEAF_INPUTS[size - 1])));
                assertThat(f.root()).as("frontier at size %d", size).isEqualTo(hex(ROOTS[size]));
            }
        }
    }

    @Test
    void inclusionProofsOfTheReferenceTree() {
        // testonly/reference_test.go: TestRefInclusionProof
        InMemoryTree t = referenceTree();
        assertThat(t.inclusionProof(0, 1)).isEmpty();
        assertThat(t.inclusionProof(0, 2)).isEqualTo(hexes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"));
        assertThat(t.inclusionProof(1, 2)).isEqualTo(hexes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"));
        assertThat(t.inclusionProof(2, 3)).isEqualTo(hexes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"));
        assertThat(t.inclusionProof(1, 5)).isEqualTo(hexes(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
        assertThat(t.inclusionProof(0, 8)).isEqualTo(hexes(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertThat(t.inclusionProof(5, 8)).isEqualTo(hexes(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
    }

    @Test
    void consistencyProofsOfTheReferenceTree() {
        // testonly/reference_test.go: TestRefConsistencyProof
        InMemoryTree t = referenceTree();
        assertThat(t.consistencyProof(1, 1)).isEmpty();
        assertThat(t.consistencyProof(1, 8)).isEqualTo(hexes(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertThat(t.consistencyProof(2, 5)).isEqualTo(hexes(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
        assertThat(t.consistencyProof(6, 8)).isEqualTo(hexes(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertThatThrownBy(() -> t.consistencyProof(0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.consistencyProof(5, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.consistencyProof(2, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    // testdata/inclusion/1/*.json: leaf 0 of the tree of size 8
    static final Hash ROOT_8 = b64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
    static final Hash LEAF_0 = b64("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=");
    static final List<Hash> PATH_0_8 = b64s("lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=");
    static final Hash RANDOM = b64("q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=");

    @Test
    void inclusionProbes() {
        // happy paths: testdata/inclusion/{0,1,2,3,4}/happy-path.json, single-entry/matching-root-and-leaf.json
        assertThat(MerkleTree.verifyInclusion(0, 1, LEAF_0, List.of(), LEAF_0)).isTrue();
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, PATH_0_8, ROOT_8)).isTrue();
        assertThat(MerkleTree.verifyInclusion(5, 8, b64("QnGia+DYqE8L1UyMMC58s6O10fpngKQLzOKHNHfatlg="),
                b64s("vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=", "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
                        "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="), ROOT_8)).isTrue();
        assertThat(MerkleTree.verifyInclusion(2, 3, b64("ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c="),
                b64s("+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU="),
                b64("rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc="))).isTrue();
        assertThat(MerkleTree.verifyInclusion(1, 5, b64("lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c="),
                b64s("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                        "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="),
                b64("Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ="))).isTrue();
        Hash leaf = b64("DTrtAjFI/9KiWfvQzcf7PPl1ZYdg03dbgq9vkKrMLfw=");
        assertThat(MerkleTree.verifyInclusion(0, 1, leaf, List.of(), leaf)).isTrue();

        // testdata/inclusion/1: each must fail
        Hash emptyRoot = b64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, PATH_0_8, emptyRoot)).as("empty-root").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, PATH_0_8, RANDOM)).as("random-root").isFalse();
        assertThat(MerkleTree.verifyInclusion(2, 8, LEAF_0, PATH_0_8, ROOT_8)).as("leafIdx-XOR-@2").isFalse();
        assertThat(MerkleTree.verifyInclusion(1, 8, LEAF_0, PATH_0_8, ROOT_8)).as("leafIdx-plus-@1").isFalse();
        assertThat(MerkleTree.verifyInclusion(-1, 8, LEAF_0, PATH_0_8, ROOT_8)).as("leafIdx-sub-@1").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 4, LEAF_0, PATH_0_8, ROOT_8)).as("treeSize-div-@2").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 16, LEAF_0, PATH_0_8, ROOT_8)).as("treeSize-mul-@2").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, List.of(PATH_0_8.get(0), RANDOM, PATH_0_8.get(1),
                PATH_0_8.get(2)), ROOT_8)).as("inserted-component").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, PATH_0_8.subList(0, 2), ROOT_8)).as("removed-component").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, List.of(ROOT_8, PATH_0_8.get(0), PATH_0_8.get(1),
                PATH_0_8.get(2)), ROOT_8)).as("preceding-root").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, List.of(PATH_0_8.get(0), PATH_0_8.get(1),
                PATH_0_8.get(2), ROOT_8), ROOT_8)).as("trailing-root").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, b64s("nqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
                "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="), ROOT_8))
                .as("modified-proof[0]-bit-@3").isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 8, LEAF_0, b64s("lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
                "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "Y0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="), ROOT_8))
                .as("modified-proof[2]-bit-@3").isFalse();
        // testdata/inclusion/additional: no leaf is in the empty tree
        assertThat(MerkleTree.verifyInclusion(0, 0, RANDOM, List.of(), emptyRoot)).isFalse();
    }

    // testdata/consistency/3/*.json: from size 2 to size 5
    static final Hash ROOT_2 = b64("+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=");
    static final Hash ROOT_5 = b64("Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=");
    static final List<Hash> PROOF_2_5 = b64s("Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=");

    @Test
    void consistencyProbes() {
        // happy paths: testdata/consistency/{0,1,2,3,4}/happy-path.json
        assertThat(MerkleTree.verifyConsistency(1, 1, List.of(), LEAF_0, LEAF_0)).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 8, PATH_0_8, LEAF_0, ROOT_8)).isTrue();
        Hash root6 = b64("duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=");
        assertThat(MerkleTree.verifyConsistency(6, 8, b64s("DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
                "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=", "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="),
                root6, ROOT_8)).isTrue();
        assertThat(MerkleTree.verifyConsistency(2, 5, PROOF_2_5, ROOT_2, ROOT_5)).isTrue();
        assertThat(MerkleTree.verifyConsistency(6, 7, b64s("DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
                "sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=", "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="),
                root6, b64("3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw="))).isTrue();

        // testdata/consistency/3: each must fail
        assertThat(MerkleTree.verifyConsistency(2, 5, List.of(), ROOT_2, ROOT_5)).as("empty-proof").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, b64s("Twg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="), ROOT_2, ROOT_5)).as("modified-proof@0-bit-@4").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, b64s("Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                "rBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="), ROOT_2, ROOT_5)).as("modified-proof@1-bit-@4").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, List.of(PROOF_2_5.get(0), PROOF_2_5.get(0), PROOF_2_5.get(1)),
                ROOT_2, ROOT_5)).as("preceding-proof-@0").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, List.of(ROOT_2, PROOF_2_5.get(0), PROOF_2_5.get(1)),
                ROOT_2, ROOT_5)).as("preceding-root1").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, List.of(PROOF_2_5.get(0), PROOF_2_5.get(1), ROOT_5),
                ROOT_2, ROOT_5)).as("trailing-root2").isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 5, PROOF_2_5, ROOT_2, ROOT_5)).as("size1-XOR-@2").isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 5, PROOF_2_5, ROOT_2, ROOT_5)).as("size1-plus-@1").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 5, PROOF_2_5, ROOT_2, ROOT_5)).as("size1-sub-@1").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 2, PROOF_2_5, ROOT_2, ROOT_5)).as("size2-div-@2").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 10, PROOF_2_5, ROOT_2, ROOT_5)).as("size2-mul-@2").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, PROOF_2_5, ROOT_5, ROOT_2)).as("swapped-roots").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, PROOF_2_5.subList(0, 1), ROOT_2, ROOT_5)).as("truncated-proof").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, PROOF_2_5, RANDOM, ROOT_5)).as("wrong-root1").isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 5, PROOF_2_5, ROOT_2, RANDOM)).as("wrong-root2").isFalse();

        // testdata/consistency/additional
        Hash empty = MerkleTree.emptyRoot();
        assertThat(MerkleTree.verifyConsistency(0, 1, List.of(empty), empty, empty)).as("size1 zero is useless").isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 0, List.of(), empty, empty)).as("sizes equal zero").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 0, List.of(), LEAF_0, LEAF_0)).as("size1 > size2").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, List.of(), LEAF_0, RANDOM)).as("equal sizes, roots not").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, List.of(empty), empty, empty)).as("equal sizes, proof not empty").isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 2, List.of(), LEAF_0, RANDOM)).as("sizes differ, proof empty").isFalse();
    }
}
