package org.proposalledger.platform.transparency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.transparency.Checkpoint;
import org.proposalledger.api.transparency.EventLeaf;
import org.proposalledger.api.transparency.InMemoryTree;
import org.proposalledger.api.transparency.MerkleFrontier;
import org.proposalledger.api.transparency.MerkleTree;
import org.proposalledger.api.transparency.Subtree;
import org.proposalledger.platform.audit.ChainReport;
import org.proposalledger.platform.audit.EventChain;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log over a real event store, tampered with by SQL with the keeper stopped (as an attacker
 * with the database but not the key would), then checked as a restarted process would check it:
 * against the checkpoint signed before. Twelve events of three aggregates, interleaved: A0 B0 C0
 * A1 B1 C1 A2 B2 C2 A3 B3 C3 at positions 0..11.
 */
abstract class LogTamperContract {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    LogFixture f;

    abstract LogFixture fixture() throws Exception;

    @BeforeEach
    void store() throws Exception {
        f = fixture();
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Twelve events logged and signed; the keeper then stops (the checkpoint's own event is position 12). */
    private LogStore.Stored twelveSigned() throws Exception {
        f.startKeeper(1000);
        for (int seq = 0; seq < 4; seq++) {
            for (String a : List.of("s-a", "s-b", "s-c")) {
                f.publish(a, seq);
            }
        }
        LogStore.Stored cp = f.checkpoint();
        assertThat(cp.size()).isEqualTo(12);
        f.stopKeeper();
        return cp;
    }

    @Test
    void an_untouched_store_is_intact_against_its_checkpoint_and_later_events_do_not_disturb_it() throws Exception {
        LogStore.Stored cp = twelveSigned();
        Checkpoint opened = Checkpoint.open(cp.note(), f.signer.verifier());
        assertThat(opened.rootHash()).isEqualTo(MerkleTree.root(f.log.at(12), 12));

        f.startKeeper(1000);
        f.publish("s-d", 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> f.log.size() == 14);
        f.stopKeeper();

        LogReport r = f.audit().verify();
        assertThat(r.status()).as(r.detail()).isEqualTo(LogReport.INTACT);
        assertThat(r.checkpointSize()).isEqualTo(12);
        assertThat(r.broken()).isFalse();
    }

    @Test
    void deleting_a_proposals_latest_event_leaves_its_chain_intact_but_the_log_names_the_position() throws Exception {
        twelveSigned();
        String deleted = eventAt(10); // B3, the latest of s-b
        sql("DELETE FROM domainevententry WHERE eventIdentifier = ?", deleted);

        assertThat(f.chains().verify("s-b").status()).isEqualTo(ChainReport.INTACT);
        LogReport r = f.audit().verify();
        assertThat(r.status()).as(r.detail()).isEqualTo(LogReport.DIFFERS);
        assertThat(r.position()).isEqualTo(10);
        assertThat(r.difference()).isEqualTo("DELETED");
        assertThat(r.loggedEventId()).isEqualTo(deleted);
    }

    @Test
    void dropping_the_last_events_is_named_as_missing_from_their_position() throws Exception {
        twelveSigned();
        sql("DELETE FROM domainevententry WHERE globalIndex >= ?", globalIndexAt(8));

        LogReport r = f.audit().verify();
        assertThat(r.status()).as(r.detail()).isEqualTo(LogReport.DIFFERS);
        assertThat(r.position()).isEqualTo(8);
        assertThat(r.difference()).isEqualTo("MISSING");
        assertThat(r.checkpointSize()).isEqualTo(12);
    }

    @Test
    void dropping_the_tail_everywhere_tables_and_checkpoints_included_is_caught_by_the_copy_outside() throws Exception {
        twelveSigned();
        sql("DELETE FROM domainevententry WHERE globalIndex >= ?", globalIndexAt(8));
        sql("DELETE FROM ledger_log_leaf WHERE position >= 8");
        sql("DELETE FROM ledger_log_node WHERE node_index * POWER(2, level) + POWER(2, level) > 8");
        sql("UPDATE ledger_log_head SET tree_size = 8");
        sql("DELETE FROM ledger_log_checkpoint");

        LogReport r = f.audit().verify();
        // the log's own hashes are gone too: only the kept checkpoint bounds it, somewhere in [0, 9) (8 is gone)
        assertThat(r.status()).as(r.detail()).isEqualTo(LogReport.DIFFERS_WITHIN);
        assertThat(r.checkpointSize()).isEqualTo(12);
        assertThat(r.from()).isZero();
        assertThat(r.to()).isEqualTo(9);
        assertThat(r.detail()).contains("holds 8 of the 12 events");
    }

    @Test
    void an_altered_event_in_the_middle_is_named_as_changed() throws Exception {
        twelveSigned();
        String id = eventAt(4); // B1
        byte[] payload = bytes("SELECT payload FROM domainevententry WHERE eventIdentifier = ?", id);
        sql("UPDATE domainevententry SET payload = ? WHERE eventIdentifier = ?",
                new String(payload, StandardCharsets.UTF_8).replace("次会议", "次大会").getBytes(StandardCharsets.UTF_8), id);

        LogReport r = f.audit().verify();
        assertThat(r.status()).as(r.detail()).isEqualTo(LogReport.DIFFERS);
        assertThat(r.position()).isEqualTo(4);
        assertThat(r.difference()).isEqualTo("CHANGED");
    }

    @Test
    void a_stream_rewritten_with_recomputed_chain_hashes_is_found_and_with_the_log_hashes_rewritten_too_bounded()
            throws Exception {
        twelveSigned();
        rewriteStream("s-a");
        assertThat(f.chains().verify("s-a").status()).as("the chain was recomputed").isEqualTo(ChainReport.INTACT);

        LogReport exact = f.audit().verify();
        assertThat(exact.status()).as(exact.detail()).isEqualTo(LogReport.DIFFERS);
        assertThat(exact.position()).isZero();
        assertThat(exact.difference()).isEqualTo("CHANGED");

        rewriteNodes();
        LogReport bounded = f.audit().verify();
        assertThat(bounded.status()).as(bounded.detail()).isEqualTo(LogReport.DIFFERS_WITHIN);
        assertThat(bounded.from()).isZero();
        assertThat(bounded.to()).isEqualTo(12);
    }

    @Test
    void a_checkpoint_forged_into_the_table_is_ignored() throws Exception {
        twelveSigned();
        sql("DELETE FROM domainevententry WHERE eventIdentifier = ?", eventAt(11));
        // a signature by another key over the tampered history
        var other = org.proposalledger.api.transparency.NoteSigner.generate(f.signer.name());
        String forged = new Checkpoint(f.signer.name(), 11, MerkleTree.root(f.log.at(11), 11), java.time.Instant.now())
                .sign(other);
        sql("INSERT INTO ledger_log_checkpoint (tree_size, root_hash, signed_at, key_id, note) VALUES (11, ?, 0, 'x', ?)",
                MerkleTree.root(f.log.at(11), 11).bytes(), forged);

        LogReport r = f.audit().verify();
        assertThat(r.status()).as(r.detail()).isEqualTo(LogReport.DIFFERS);
        assertThat(r.position()).isEqualTo(11);
        assertThat(r.detail()).contains("1 stored checkpoints not signed by the log's key were ignored");
    }

    @Test
    void a_store_that_already_holds_events_is_logged_in_global_order_in_batches() throws Exception {
        for (int seq = 0; seq < 9; seq++) {
            f.publish("s-x", seq);
            f.publish("s-y", seq);
        }
        f.startKeeper(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> f.log.size() == 18);
        LogStore.Stored cp = f.checkpoint();

        List<Long> order = longs("SELECT global_index FROM ledger_log_leaf ORDER BY position");
        assertThat(order.subList(0, 18)).as("the stored events, then the checkpoint's announcement").isSorted();
        InMemoryTree recomputed = new InMemoryTree();
        try (Stream<EventLeaf> leaves = f.audit().source().events()) {
            leaves.limit(18).forEach(l -> recomputed.append(l.leafHash()));
        }
        assertThat(recomputed.root()).isEqualTo(cp.root());
    }

    @Test
    void an_event_committed_late_below_the_highest_index_is_still_logged() throws Exception {
        f.startKeeper(1000);
        f.publish("s-g", 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> f.log.size() == 1);
        long first = globalIndexAt(0);
        // as two transactions would leave it: the later one (first + 10) commits while first + 5 is still open
        copyRow(first, first + 10, "late-10");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.log.size() == 2);
        copyRow(first, first + 5, "late-5");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.log.size() == 3);

        assertThat(longs("SELECT global_index FROM ledger_log_leaf ORDER BY position"))
                .containsExactly(first, first + 10, first + 5);
    }

    @Test
    void two_keepers_on_one_database_take_turns_and_log_each_event_once() throws Exception {
        LogKeeper one = f.newKeeper(3);
        LogKeeper two = f.newKeeper(3);
        one.start();
        two.start();
        try {
            for (int seq = 0; seq < 15; seq++) {
                f.publish("s-p", seq);
                f.publish("s-q", seq);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> f.log.size() == 30);
            assertThat(longs("SELECT COUNT(DISTINCT event_id) FROM ledger_log_leaf")).containsExactly(30L);
            one.checkpointNow().get(30, TimeUnit.SECONDS);
        } finally {
            one.stop();
            two.stop();
        }
        LogReport r = f.audit().verify();
        assertThat(r.status()).as(r.detail()).isEqualTo(LogReport.INTACT);
    }

    // tampering helpers: plain SQL, as an attacker with the database would

    private void rewriteStream(String aggregateId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String previous = EventChain.GENESIS;
        try (Connection c = f.dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("SELECT eventIdentifier, type, sequenceNumber, payloadType,"
                     + " payloadRevision, timeStamp, payload, metaData FROM domainevententry WHERE aggregateIdentifier = ?"
                     + " ORDER BY sequenceNumber");
             PreparedStatement write = c.prepareStatement(
                     "UPDATE domainevententry SET payload = ?, metaData = ? WHERE eventIdentifier = ?")) {
            read.setString(1, aggregateId);
            List<Object[]> updates = new ArrayList<>();
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    byte[] payload = new String(r.getBytes(7), StandardCharsets.UTF_8).replace("次会议", "次大会")
                            .getBytes(StandardCharsets.UTF_8);
                    Map<String, Object> meta = json.readValue(r.getBytes(8), MAP);
                    String hash = EventChain.hash(new EventChain.Link(r.getString(2), aggregateId, r.getLong(3),
                            r.getString(4), r.getString(5), r.getString(6), payload, meta, previous));
                    meta.put(EventChain.HASH, hash);
                    meta.put(EventChain.PREVIOUS, previous);
                    previous = hash;
                    updates.add(new Object[]{payload, json.writeValueAsBytes(meta), r.getString(1)});
                }
            }
            for (Object[] u : updates) {
                write.setBytes(1, (byte[]) u[0]);
                write.setBytes(2, (byte[]) u[1]);
                write.setString(3, (String) u[2]);
                write.executeUpdate();
            }
        }
    }

    /** The node table recomputed from the tampered events: the stored hashes then agree with the events. */
    private void rewriteNodes() throws Exception {
        MerkleFrontier frontier = new MerkleFrontier();
        List<Subtree> nodes = new ArrayList<>();
        try (Stream<EventLeaf> leaves = f.audit().source().events()) {
            leaves.forEach(l -> nodes.addAll(frontier.append(l.leafHash())));
        }
        for (Subtree s : nodes) {
            sql("UPDATE ledger_log_node SET hash = ? WHERE level = ? AND node_index = ?", s.hash().bytes(), s.level(),
                    s.index());
        }
    }

    private void copyRow(long from, long to, String id) throws SQLException {
        sql("INSERT INTO domainevententry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                + " timeStamp, payloadType, payloadRevision, payload, metaData)"
                + " SELECT ?, ?, ?, 0, type, timeStamp, payloadType, payloadRevision, payload, metaData"
                + " FROM domainevententry WHERE globalIndex = ?", to, id, "agg-" + id, from);
    }

    private String eventAt(long position) throws SQLException {
        return f.log.eventIdAt(position).orElseThrow();
    }

    private long globalIndexAt(long position) throws SQLException {
        return longs("SELECT global_index FROM ledger_log_leaf WHERE position = " + position).get(0);
    }

    private void sql(String sql, Object... params) throws SQLException {
        try (Connection c = f.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private byte[] bytes(String sql, Object param) throws SQLException {
        try (Connection c = f.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = f.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getLong(1));
            }
        }
        return out;
    }
}
