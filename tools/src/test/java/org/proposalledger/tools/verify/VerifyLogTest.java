package org.proposalledger.tools.verify;

import org.junit.jupiter.api.Test;
import org.proposalledger.api.transparency.Checkpoint;
import org.proposalledger.api.transparency.EventLeaf;
import org.proposalledger.api.transparency.InMemoryTree;
import org.proposalledger.api.transparency.LeafFile;
import org.proposalledger.api.transparency.NoteSigner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line over files a client holds: intact, a deleted event named, another log's key refused. */
class VerifyLogTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void intact_then_a_deleted_line_is_named_then_a_foreign_key_is_refused() throws Exception {
        Path dir = Files.createTempDirectory("verify-log-");
        NoteSigner key = NoteSigner.generate("test.proposal-ledger/log");
        List<LeafFile.Line> lines = new ArrayList<>();
        InMemoryTree tree = new InMemoryTree();
        for (int i = 0; i < 20; i++) {
            EventLeaf leaf = EventLeaf.of("e-" + i, "Proposal", "P-" + (i % 3), i / 3, "org.example.Event", "1",
                    Instant.parse("2024-03-01T08:00:00Z").plusSeconds(i), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                    Map.of("user", "office", "correlationId", "c-" + i));
            tree.append(leaf.leafHash());
            lines.add(new LeafFile.Line(leaf, leaf.leafHash()));
        }
        Path leaves = dir.resolve("leaves.jsonl");
        LeafFile.write(leaves, lines);
        Path vkey = Files.writeString(dir.resolve("log.vkey"), key.verifier().encoded() + "\n");
        Path checkpoint = Files.writeString(dir.resolve("checkpoint"),
                new Checkpoint(key.name(), 20, tree.root(), Instant.now()).sign(key));

        assertThat(run("--public-key=" + vkey, "--checkpoint=" + checkpoint, "--leaves=" + leaves)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("INTACT");

        List<LeafFile.Line> altered = new ArrayList<>(lines);
        EventLeaf was = lines.get(7).leaf();
        altered.set(7, new LeafFile.Line(EventLeaf.of(was.eventId(), was.aggregateType(), was.aggregateId(), was.sequence(),
                was.payloadType(), was.payloadRevision(), was.timestamp(), "{\"n\":700}".getBytes(StandardCharsets.UTF_8),
                Map.of("user", "office", "correlationId", "c-7")), lines.get(7).recordedLeafHash()));
        LeafFile.write(leaves, altered);
        printed.reset();
        assertThat(run("--public-key=" + vkey, "--checkpoint=" + checkpoint, "--leaves=" + leaves)).isEqualTo(3);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("DIFFERS at position 7 (CHANGED)");

        List<LeafFile.Line> shorter = new ArrayList<>(lines);
        shorter.remove(19); // the latest event deleted (its recorded hash goes with its line)
        LeafFile.write(leaves, shorter);
        printed.reset();
        assertThat(run("--public-key=" + vkey, "--checkpoint=" + checkpoint, "--leaves=" + leaves)).isEqualTo(3);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("holds 19 of the 20 events");

        Path other = Files.writeString(dir.resolve("other.vkey"),
                NoteSigner.generate("test.proposal-ledger/log").verifier().encoded());
        printed.reset();
        assertThat(run("--public-key=" + other, "--checkpoint=" + checkpoint, "--leaves=" + leaves)).isEqualTo(4);
        assertThat(run("--leaves=" + leaves)).as("usage").isEqualTo(2);
    }

    private int run(String... args) {
        return VerifyLog.run(List.of(args), out);
    }
}
