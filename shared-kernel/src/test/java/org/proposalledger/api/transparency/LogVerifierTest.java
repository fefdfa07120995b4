package org.proposalledger.api.transparency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline verifier against each way a store can be tampered with, on a store of 40 events of
 * five proposals with checkpoints taken at 10, 25 and 40 events.
 */
class LogVerifierTest {

    static final NoteSigner LOG = NoteSigner.fromSeed("proposal-ledger.example/log", new byte[32]);
    static final LogVerifier VERIFIER = new LogVerifier(LOG.verifier());

    /** A store's log: its events in log order and the leaf hashes it recorded beside them. */
    static final class Store implements LogSource {
        final List<EventLeaf> events = new ArrayList<>();
        final List<Hash> recorded = new ArrayList<>();

        @Override
        public Stream<EventLeaf> events() {
            return new ArrayList<>(events).stream();
        }

        @Override
        public Stream<Hash> recordedLeafHashes() {
            return new ArrayList<>(recorded).stream();
        }

        void append(EventLeaf e) {
            events.add(e);
            recorded.add(e.leafHash());
        }

        /** What someone who rewrites the database does to cover their tracks. */
        void recomputeRecordedHashes() {
            recorded.clear();
            events.forEach(e -> recorded.add(e.leafHash()));
        }

        String checkpoint(int size) {
            return new Checkpoint(LOG.name(), size, MerkleTree.root(recorded.subList(0, size)),
                    Instant.parse("2026-03-01T08:00:00Z").plusSeconds(size)).sign(LOG);
        }
    }

    static EventLeaf event(int i) {
        String proposal = "P-" + (i % 5);
        byte[] payload = ("{\"step\":" + i + ",\"text\":\"第" + i + "步\"}").getBytes(StandardCharsets.UTF_8);
        return EventLeaf.of("event-" + i, "Proposal", proposal, i / 5, "org.proposalledger.api.proposal.Step" + (i % 3),
                "1", Instant.parse("2026-03-01T08:00:00Z").plusSeconds(60L * i), payload,
                Map.of("user", "office-1", "correlationId", "c-" + i));
    }

    static EventLeaf altered(EventLeaf e) {
        return new EventLeaf(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(), e.payloadType(),
                e.payloadRevision(), e.timestamp(), Hash.sha256("{\"step\":\"forged\"}".getBytes(StandardCharsets.UTF_8)),
                e.metaDataSha256());
    }

    static Store store(int n) {
        Store s = new Store();
        for (int i = 0; i < n; i++) {
            s.append(event(i));
        }
        return s;
    }

    final Store store = store(40);
    final List<String> kept = List.of(store.checkpoint(10), store.checkpoint(25), store.checkpoint(40));

    @Test
    void anUntouchedStoreIsIntact() {
        Verification v = VERIFIER.verify(kept, store);
        assertThat(v).isInstanceOf(Verification.Intact.class);
        assertThat(v.intact()).isTrue();
        assertThat(((Verification.Intact) v).checkpoint().size()).isEqualTo(40);
    }

    @Test
    void eventsAppendedAfterTheCheckpointAreNoDifference() {
        for (int i = 40; i < 50; i++) {
            store.append(event(i));
        }
        assertThat(VERIFIER.verify(kept.get(2), store)).isInstanceOf(Verification.Intact.class);
    }

    @Test
    void anAlteredEventIsNamed() {
        store.events.set(17, altered(store.events.get(17)));
        assertThat(VERIFIER.verify(kept, store)).isEqualTo(differs(25, 17, Verification.Difference.CHANGED,
                "the event at 17 is not the one logged there (altered or replaced)"));
        // with only the latest checkpoint kept, the same answer
        assertThat(VERIFIER.verify(kept.get(2), store)).isEqualTo(differs(40, 17, Verification.Difference.CHANGED,
                "the event at 17 is not the one logged there (altered or replaced)"));
    }

    @Test
    void aChangedMetadataValueIsNamed() {
        EventLeaf e = store.events.get(3);
        store.events.set(3, new EventLeaf(e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(), e.payloadType(),
                e.payloadRevision(), e.timestamp(), e.payloadSha256(),
                EventLeaf.metaDataSha256(Map.of("user", "office-2", "correlationId", "c-3"))));
        Verification v = VERIFIER.verify(kept, store);
        assertThat(v).isInstanceOf(Verification.Differs.class);
        assertThat(((Verification.Differs) v).position()).isEqualTo(3);
        assertThat(((Verification.Differs) v).checkpoint().size()).isEqualTo(10);
    }

    @Test
    void theLatestEventDeletedIsMissing() {
        store.events.remove(39);
        assertThat(VERIFIER.verify(kept, store)).isEqualTo(differs(40, 39, Verification.Difference.MISSING,
                "the store ends after 39 events; the checkpoint signs 40"));
    }

    @Test
    void aDeletedTailIsMissingFromItsFirstEvent() {
        store.events.subList(30, 40).clear(); // the log's own records left as they were
        Verification v = VERIFIER.verify(kept, store);
        assertThat(v).isEqualTo(differs(40, 30, Verification.Difference.MISSING,
                "the store ends after 30 events; the checkpoint signs 40"));
    }

    @Test
    void aTailDeletedWithTheLogsRecordsIsBoundedByTheKeptCheckpoints() {
        store.events.subList(30, 40).clear();
        store.recorded.subList(30, 40).clear();
        Verification v = VERIFIER.verify(kept, store);
        assertThat(v).isInstanceOf(Verification.DiffersWithin.class);
        Verification.DiffersWithin w = (Verification.DiffersWithin) v;
        assertThat(w.from()).isEqualTo(25);
        assertThat(w.to()).isEqualTo(31);
        assertThat(w.eventsRead()).isEqualTo(30);
        assertThat(w.checkpoint().size()).isEqualTo(40);
        assertThat(w.detail()).contains("holds 30 of the 40 events");
    }

    @Test
    void aDeletedMiddleEventIsNamed() {
        store.events.remove(17);
        assertThat(VERIFIER.verify(kept, store)).isEqualTo(differs(25, 17, Verification.Difference.DELETED,
                "the event at 17 was logged at 18; the event logged at 17 is gone"));
    }

    @Test
    void anInsertedEventIsNamed() {
        store.events.add(17, event(99));
        assertThat(VERIFIER.verify(kept, store)).isEqualTo(differs(25, 17, Verification.Difference.INSERTED,
                "the event at 17 was never logged; the event logged at 17 now stands at 18"));
    }

    @Test
    void aCopiedEventIsNamed() {
        store.events.add(17, store.events.get(4));
        assertThat(VERIFIER.verify(kept, store)).isEqualTo(differs(25, 17, Verification.Difference.INSERTED,
                "the event at 17 was logged at 4; the event logged at 17 now stands at 18"));
    }

    @Test
    void reorderedEventsAreNamed() {
        Collections.swap(store.events, 17, 18);
        assertThat(VERIFIER.verify(kept, store)).isEqualTo(differs(25, 17, Verification.Difference.REORDERED,
                "the event at 17 was logged at 18; the event logged at 17 now stands at 18"));
        Collections.swap(store.events, 17, 18);
        store.events.add(30, store.events.remove(12)); // moved later
        assertThat(VERIFIER.verify(kept, store)).isEqualTo(differs(25, 12, Verification.Difference.REORDERED,
                "the event at 12 was logged at 13; the event logged at 12 now stands at 30"));
    }

    @Test
    void theLatestEventReplacedByANewOneIsNamed() {
        store.events.set(39, event(77));
        assertThat(VERIFIER.verify(kept, store)).isEqualTo(differs(40, 39, Verification.Difference.CHANGED,
                "the event at 39 is not the one logged there (altered or replaced)"));
    }

    @Test
    void aStreamRewrittenWithRecomputedHashesIsDetectedAndBoundedByTheKeptCheckpoints() {
        // rewrite proposal P-2's events from position 17 on, and every hash the store keeps
        for (int i = 17; i < 40; i++) {
            if (store.events.get(i).aggregateId().equals("P-2")) {
                store.events.set(i, altered(store.events.get(i)));
            }
        }
        store.recomputeRecordedHashes();
        Verification v = VERIFIER.verify(kept, store);
        assertThat(v).isInstanceOf(Verification.DiffersWithin.class);
        Verification.DiffersWithin w = (Verification.DiffersWithin) v;
        assertThat(w.from()).isEqualTo(10);
        assertThat(w.to()).isEqualTo(25);
        assertThat(w.checkpoint().size()).isEqualTo(25);
        assertThat(w.detail()).contains("do not hash to a signed root");
        // a client who kept only the latest checkpoint learns the history differs, not where
        Verification latestOnly = VERIFIER.verify(kept.get(2), store);
        assertThat(latestOnly).isInstanceOf(Verification.DiffersWithin.class);
        assertThat(((Verification.DiffersWithin) latestOnly).from()).isEqualTo(0);
        assertThat(((Verification.DiffersWithin) latestOnly).to()).isEqualTo(40);
    }

    @Test
    void aStoreThatKeepsNoLeafHashesIsStillCheckedAndBounded() {
        LogSource eventsOnly = store::events;
        assertThat(VERIFIER.verify(kept, eventsOnly)).isInstanceOf(Verification.Intact.class);
        store.events.remove(20);
        Verification v = VERIFIER.verify(kept, eventsOnly);
        assertThat(v).isInstanceOf(Verification.DiffersWithin.class);
        assertThat(((Verification.DiffersWithin) v).from()).isEqualTo(10);
        assertThat(((Verification.DiffersWithin) v).to()).isEqualTo(25);
    }

    @Test
    void recordedHashesThatDoNotHashToTheSignedRootAreNotBelieved() {
        // the attacker alters event 5 and "fixes" only its recorded hash: the recorded hashes no longer
        // match the signed root, so they cannot make the verifier name a later position or none
        store.events.set(5, altered(store.events.get(5)));
        store.recorded.set(5, store.events.get(5).leafHash());
        Verification v = VERIFIER.verify(kept, store);
        assertThat(v).isInstanceOf(Verification.DiffersWithin.class);
        assertThat(((Verification.DiffersWithin) v).from()).isEqualTo(0);
        assertThat(((Verification.DiffersWithin) v).to()).isEqualTo(10);
    }

    @Test
    void checkpointsNotSignedByTheLogKeyAreRejected() {
        NoteSigner other = NoteSigner.generate(LOG.name());
        String forged = new Checkpoint(LOG.name(), 40, MerkleTree.root(store.recorded), Instant.now()).sign(other);
        assertThat(VERIFIER.verify(forged, store)).isInstanceOf(Verification.CheckpointRejected.class);
        String altered = kept.get(2).replaceFirst("\n40\n", "\n39\n");
        assertThat(VERIFIER.verify(altered, store)).isInstanceOf(Verification.CheckpointRejected.class);
        NoteSigner elsewhere = NoteSigner.generate("another.example/log");
        String otherLog = new Checkpoint(elsewhere.name(), 40, MerkleTree.root(store.recorded), Instant.now()).sign(elsewhere);
        assertThat(new LogVerifier(LOG.name(), elsewhere.verifier()).verify(otherLog, store))
                .isEqualTo(new Verification.CheckpointRejected("a checkpoint of the log another.example/log, not of "
                        + LOG.name()));
    }

    @Test
    void checkpointsOfTwoHistoriesSignedByTheLogAreRejected() {
        Store fork = store(40);
        fork.events.set(3, altered(fork.events.get(3)));
        fork.recomputeRecordedHashes();
        // the fork's checkpoint at 25 with the original's at 40: one of them lies about the past
        Verification v = VERIFIER.verify(List.of(fork.checkpoint(25), kept.get(2)), store);
        assertThat(v).isEqualTo(new Verification.CheckpointRejected(
                "the checkpoints of size 25 and 40 are inconsistent: the log signed two histories"));
        assertThat(VERIFIER.verify(List.of(fork.checkpoint(25), kept.get(1)), store))
                .isInstanceOf(Verification.CheckpointRejected.class);
    }

    @Test
    void theEmptyCheckpointIsIntactForAnyStore() {
        String empty = new Checkpoint(LOG.name(), 0, MerkleTree.emptyRoot(), Instant.now()).sign(LOG);
        assertThat(VERIFIER.verify(empty, store)).isInstanceOf(Verification.Intact.class);
        assertThat(VERIFIER.verify(empty, new Store())).isInstanceOf(Verification.Intact.class);
        Store emptied = new Store();
        emptied.recorded.addAll(store.recorded);
        assertThat(VERIFIER.verify(kept.get(0), emptied)).isEqualTo(differs(10, 0, Verification.Difference.MISSING,
                "the store ends after 0 events; the checkpoint signs 10"));
        assertThat(VERIFIER.verify(kept.get(0), new Store())).isInstanceOf(Verification.DiffersWithin.class);
    }

    private Verification.Differs differs(int checkpointSize, long position, Verification.Difference d, String detail) {
        return new Verification.Differs(Checkpoint.open(store.checkpoint(checkpointSize), LOG.verifier()), position, d, detail);
    }
}
