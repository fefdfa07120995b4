package org.proposalledger.api.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeafFileTest {

    @TempDir
    Path dir;

    static final Hash H = Hash.sha256(new byte[]{1});

    @Test
    void aLineReadsBackAsTheSameLeafAndIsJsonAnyToolReads() throws IOException {
        EventLeaf leaf = new EventLeaf("e-1", "Proposal", "P-1 \"引号\" \\ \n\t\u0001\u2028", 7, "org.example.Submitted",
                null, Instant.parse("2024-03-01T08:00:00.123Z"), H, Hash.sha256(new byte[]{2}));
        String line = LeafFile.format(leaf, leaf.leafHash());
        assertThat(line).doesNotContain("\n").startsWith("{\"eventId\":\"e-1\",\"aggregateType\":\"Proposal\"");
        LeafFile.Line back = LeafFile.parse(line, 1);
        assertThat(back.leaf()).isEqualTo(leaf);
        assertThat(back.recordedLeafHash()).isEqualTo(leaf.leafHash());
        // an independent JSON reader sees the same fields
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("aggregateId").asText()).isEqualTo(leaf.aggregateId());
        assertThat(json.get("payloadRevision").isNull()).isTrue();
        assertThat(json.get("sequence").asLong()).isEqualTo(7);
        assertThat(json.get("timestamp").asText()).isEqualTo("2024-03-01T08:00:00.123Z");
        assertThat(json.get("payloadSha256").asText()).isEqualTo(H.hex());
        assertThat(LeafFile.parse(LeafFile.format(leaf, null), 1).recordedLeafHash()).isNull();
    }

    @Test
    void readsJsonWrittenByOthers() {
        String line = " { \"sequence\" : 0 , \"eventId\":\"e\\u00e9\\/\", \"aggregateType\":null,\"aggregateId\":null,"
                + "\"payloadType\":\"T\",\"payloadRevision\":\"1\",\"timestamp\":\"2024-03-01T08:00:00Z\","
                + "\"payloadSha256\":\"" + H.hex() + "\",\"metaDataSha256\":\"" + H.hex() + "\"} ";
        EventLeaf leaf = LeafFile.parse(line, 1).leaf();
        assertThat(leaf.eventId()).isEqualTo("eé/");
        assertThat(leaf.aggregateType()).isNull();
    }

    @Test
    void refusesAnythingButTheFlatShapeWithItsLineNumber() {
        EventLeaf leaf = new EventLeaf("e", null, null, 0, "T", null, Instant.EPOCH, H, H);
        String good = LeafFile.format(leaf, null);
        List<String> bad = List.of(
                good.replace("\"eventId\"", "\"eventID\""), // unknown key
                good.replace("}", ",\"eventId\":\"x\"}"), // repeated key
                good.replace("\"sequence\":0", "\"sequence\":0.5"), // a fraction
                good.replace("\"sequence\":0", "\"sequence\":1e3"),
                good.replace("\"sequence\":0", "\"sequence\":01"),
                good.replace("\"sequence\":0", "\"sequence\":99999999999999999999"),
                good.replace("\"sequence\":0", "\"sequence\":\"0\""),
                good.replace("\"aggregateType\":null", "\"aggregateType\":{}"), // nested
                good.replace("\"aggregateType\":null", "\"aggregateType\":true"),
                good.replace(",\"payloadType\":\"T\"", ""), // missing
                good.replace(H.hex(), H.hex().toUpperCase()), // hash not lowercase hex
                good.replace("1970-01-01T00:00:00Z", "yesterday"),
                good.replace("\"e\"", "\"e\u0001\""), // unescaped control character
                good.replace("\"e\"", "\"e\\x\""), // unknown escape
                good + "x", "[" + good + "]", "");
        for (String line : bad) {
            assertThatThrownBy(() -> LeafFile.parse(line, 42)).as(line).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("line 42: ");
        }
    }

    @Test
    void aFileIsALogSourceTheVerifierChecks() throws IOException {
        NoteSigner log = NoteSigner.generate("proposal-ledger.example/log");
        List<LeafFile.Line> lines = new ArrayList<>();
        List<Hash> hashes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            EventLeaf e = LogVerifierTest.event(i);
            lines.add(new LeafFile.Line(e, e.leafHash()));
            hashes.add(e.leafHash());
        }
        Path file = dir.resolve("log.jsonl");
        LeafFile.write(file, lines);
        String checkpoint = new Checkpoint(log.name(), 30, MerkleTree.root(hashes), Instant.now()).sign(log);
        LogVerifier verifier = new LogVerifier(log.verifier());
        assertThat(verifier.verify(checkpoint, LeafFile.source(file))).isInstanceOf(Verification.Intact.class);

        // alter one event in the file by hand: a new payload digest on line 18
        List<String> text = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String original = text.get(17);
        text.set(17, original.replace(lines.get(17).leaf().payloadSha256().hex(), H.hex()));
        Files.write(file, text, StandardCharsets.UTF_8);
        Verification v = verifier.verify(checkpoint, LeafFile.source(file));
        assertThat(v).isInstanceOf(Verification.Differs.class);
        assertThat(((Verification.Differs) v).position()).isEqualTo(17);
        assertThat(((Verification.Differs) v).difference()).isEqualTo(Verification.Difference.CHANGED);

        // drop the last line instead
        text.set(17, original);
        text.remove(29);
        Files.write(file, text, StandardCharsets.UTF_8);
        v = verifier.verify(checkpoint, LeafFile.source(file));
        assertThat(v).isInstanceOf(Verification.DiffersWithin.class); // the recorded hash went with the line
        assertThat(((Verification.DiffersWithin) v).eventsRead()).isEqualTo(29);
    }

    @Test
    void aBrokenLineInTheFileFailsWithItsNumber() throws IOException {
        Path file = dir.resolve("broken.jsonl");
        EventLeaf e = LogVerifierTest.event(0);
        Files.writeString(file, LeafFile.format(e, null) + "\n{\"eventId\":\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LeafFile.lines(file).count()).hasMessageStartingWith("line 2: ");
    }
}
