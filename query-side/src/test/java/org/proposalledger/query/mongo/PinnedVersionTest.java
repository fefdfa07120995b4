package org.proposalledger.query.mongo;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.proposalledger.query.support.TestDataDir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link PinnedVersionH2Backend} relies on: a scan over one version of an MVStore map meets
 * freed chunks once the rest of the store has moved on and compacted, unless that version is
 * registered as in use — then its chunks are kept until it is released.
 */
class PinnedVersionTest {

    private static final int ENTRIES = 20_000;

    @Test
    void anUnregisteredScanMeetsChunksFreedBehindIt() {
        try (MVStore store = open("unregistered")) {
            MVMap<Integer, String> map = filled(store);
            Iterator<Map.Entry<Integer, String>> scan = map.entrySet().iterator();
            scan.next();
            rewriteAndCompact(store, map);
            assertThatThrownBy(() -> drain(scan)).isInstanceOf(MVStoreException.class).hasMessageContaining("Chunk");
        }
    }

    @Test
    void aRegisteredScanReadsItsVersionToTheEnd() {
        try (MVStore store = open("registered")) {
            MVMap<Integer, String> map = filled(store);
            MVStore.TxCounter reading = store.registerVersionUsage();
            Iterator<Map.Entry<Integer, String>> scan = map.entrySet().iterator();
            scan.next();
            rewriteAndCompact(store, map);
            assertThat(drain(scan)).isEqualTo(ENTRIES - 1);
            store.deregisterVersionUsage(reading);
        }
    }

    private static MVStore open(String name) {
        Path file = TestDataDir.create(PinnedVersionTest.class).resolve(name + ".mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(1).autoCommitDisabled().open();
        store.setRetentionTime(0); // free a chunk as soon as nothing live is in it
        return store;
    }

    private static MVMap<Integer, String> filled(MVStore store) {
        MVMap<Integer, String> map = store.openMap("docs");
        for (int i = 0; i < ENTRIES; i++) {
            map.put(i, "first " + "x".repeat(200) + i);
            if (i % 1000 == 999) {
                store.commit(); // many chunks
            }
        }
        store.commit();
        return map;
    }

    private static void rewriteAndCompact(MVStore store, MVMap<Integer, String> map) {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < ENTRIES; i++) {
                map.put(i, "next " + round + "x".repeat(200) + i);
            }
            store.commit();
            store.compact(100, 64 * 1024 * 1024);
            store.commit();
        }
    }

    private static int drain(Iterator<Map.Entry<Integer, String>> scan) {
        int n = 0;
        while (scan.hasNext()) {
            scan.next();
            n++;
        }
        return n;
    }
}
