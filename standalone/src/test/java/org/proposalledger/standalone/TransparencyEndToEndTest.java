package org.proposalledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.proposalledger.api.transparency.Checkpoint;
import org.proposalledger.api.transparency.Hash;
import org.proposalledger.api.transparency.LeafFile;
import org.proposalledger.api.transparency.LogVerifier;
import org.proposalledger.api.transparency.MerkleTree;
import org.proposalledger.api.transparency.NoteVerifier;
import org.proposalledger.api.transparency.Verification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.proposalledger.standalone.LedgerTestSupport.expect;

/**
 * The transparency log over HTTP as an outsider uses it: the public key, checkpoints signed on
 * demand, inclusion and consistency proofs checked against the signed roots (RFC 9162
 * verification), the leaves exported and verified offline, the checkpoint announced in the event
 * feed, and the store-wide verification reporting the log intact.
 */
class TransparencyEndToEndTest extends RunningLedgerTest {

    @Test
    void checkpoints_proofs_and_the_export_verify_against_the_published_key() throws Exception {
        LedgerTestSupport.referenceData(api);
        String id = LedgerTestSupport.submit(api);
        NoteVerifier key = NoteVerifier.parse(expect(api.get("reader", "/api/v1/audit/public-key"), 200)
                .json().get("vkey").asText());

        expect(api.post("reader", "/api/v1/admin/checkpoints", null), 403);
        String first = expect(api.post("office", "/api/v1/admin/checkpoints", null), 201).body();
        Checkpoint one = Checkpoint.open(first, key);
        assertThat(one.size()).isGreaterThanOrEqualTo(storedEvents());
        assertThat(expect(api.get("deputy-zhu", "/api/v1/audit/checkpoints/latest"), 200).body()).isEqualTo(first);
        assertThat(expect(api.get("reader", "/api/v1/audit/checkpoints/" + one.size()), 200).body()).isEqualTo(first);
        expect(api.get("reader", "/api/v1/audit/checkpoints/999999"), 404);
        expect(api.get("reader", "/api/v1/audit/checkpoints/abc"), 400);

        // an event of the proposal, proven to be in the signed tree
        String eventId = jdbc.queryForObject("SELECT eventIdentifier FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber = 0", String.class, id);
        JsonNode inclusion = expect(api.get("reader", "/api/v1/audit/proofs/inclusion?eventId=" + eventId
                + "&treeSize=" + one.size()), 200).json();
        assertThat(MerkleTree.verifyInclusion(inclusion.get("leafIndex").asLong(), one.size(),
                Hash.fromBase64(inclusion.get("leafHash").asText()), hashes(inclusion.get("auditPath")),
                one.rootHash())).isTrue();
        expect(api.get("reader", "/api/v1/audit/proofs/inclusion?eventId=no-such-event"), 404);
        expect(api.get("reader", "/api/v1/audit/proofs/inclusion?eventId=" + eventId + "&treeSize=0"), 400);
        expect(api.get("reader", "/api/v1/audit/proofs/inclusion?eventId=" + eventId + "&treeSize=99999999"), 400);

        // more history, a second checkpoint, and the proof that it extends the first
        expect(api.post("office", "/api/v1/proposals/" + id + "/registration", Map.of("number", "第0002号")), 202);
        long stored = storedEvents();
        String second = expect(api.post("office", "/api/v1/admin/checkpoints", null), 201).body();
        Checkpoint two = Checkpoint.open(second, key);
        assertThat(two.size()).isGreaterThan(one.size()).isGreaterThanOrEqualTo(stored);
        JsonNode consistency = expect(api.get("reader", "/api/v1/audit/proofs/consistency?from=" + one.size()
                + "&to=" + two.size()), 200).json();
        assertThat(MerkleTree.verifyConsistency(one.size(), two.size(), hashes(consistency.get("consistencyPath")),
                one.rootHash(), two.rootHash())).isTrue();
        expect(api.get("reader", "/api/v1/audit/proofs/consistency?from=" + two.size() + "&to=" + one.size()), 400);
        expect(api.get("reader", "/api/v1/audit/proofs/consistency?from=0&to=" + one.size()), 400);
        expect(api.get("reader", "/api/v1/audit/proofs/consistency?from=1&to=99999999"), 400);

        // the export, checked offline against both checkpoints
        expect(api.get("deputy-zhu", "/api/v1/audit/leaves"), 403);
        Api.Response leaves = expect(api.get("reader", "/api/v1/audit/leaves?from=0&limit=10000"), 200);
        assertThat(leaves.contentType()).startsWith("application/x-ndjson");
        Path file = Files.createTempFile("ledger-leaves-", ".jsonl");
        Files.writeString(file, leaves.body(), StandardCharsets.UTF_8);
        Verification v = new LogVerifier(key).verify(List.of(first, second), LeafFile.source(file));
        assertThat(v).isInstanceOf(Verification.Intact.class);

        JsonNode all = expect(api.post("office", "/api/v1/admin/verification", Map.of()), 200).json();
        assertThat(all.at("/log/status").asText()).as(all.toString()).isEqualTo("INTACT");
        assertThat(all.at("/log/checkpointSize").asLong()).isEqualTo(two.size());

        // downstream apps get every checkpoint in the event feed
        await().atMost(Duration.ofSeconds(20)).until(() -> expect(api.get("reader",
                "/api/v1/events?limit=1000&type=CheckpointPublished"), 200).json().get("events").size() >= 2);
        JsonNode announced = api.get("reader", "/api/v1/events?limit=1000&type=CheckpointPublished").json().get("events");
        List<String> notes = new ArrayList<>();
        announced.forEach(e -> notes.add(e.at("/payload/checkpoint").asText()));
        assertThat(notes).contains(first, second);
    }

    private static List<Hash> hashes(JsonNode array) {
        List<Hash> out = new ArrayList<>();
        array.forEach(h -> out.add(Hash.fromBase64(h.asText())));
        return out;
    }
}
