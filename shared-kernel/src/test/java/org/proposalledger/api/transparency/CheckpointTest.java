package org.proposalledger.api.transparency;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    static final Hash ROOT = Hash.fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");

    @Test
    void readsTheC2spExampleCheckpoint() {
        // the note text of the example in c2sp.org/tlog-checkpoint (github.com/C2SP/C2SP commit 5ba5ee83)
        Checkpoint c = Checkpoint.parse("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(c.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(c.size()).isEqualTo(20852163);
        assertThat(c.rootHash()).isEqualTo(ROOT);
        assertThat(c.time()).isNull();
        assertThat(c.extensions()).isEmpty();
        assertThat(c.text()).isEqualTo("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void writesTheTimeAsItsOneExtensionLineAndReadsItBack() {
        Checkpoint c = new Checkpoint("proposal-ledger.example/log", 42, ROOT, Instant.parse("2026-03-01T08:00:00.789Z"));
        assertThat(c.text()).isEqualTo("proposal-ledger.example/log\n42\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
                + "time 2026-03-01T08:00:00Z\n");
        assertThat(Checkpoint.parse(c.text())).isEqualTo(c);
        Checkpoint other = Checkpoint.parse(c.text() + "opaque extension\n");
        assertThat(other.extensions()).containsExactly("opaque extension");
        assertThat(other.text()).isEqualTo(c.text() + "opaque extension\n");
    }

    @Test
    void aSignedCheckpointOpensWithTheLogKeyOnly() {
        NoteSigner log = NoteSigner.generate("proposal-ledger.example/log");
        Checkpoint c = new Checkpoint(log.name(), 7, ROOT, Instant.parse("2026-03-01T08:00:00Z"));
        String note = c.sign(log);
        assertThat(note).startsWith(c.text() + "\n\u2014 proposal-ledger.example/log ");
        assertThat(Checkpoint.open(note, log.verifier())).isEqualTo(c);
        assertThatThrownBy(() -> Checkpoint.open(note, NoteSigner.generate(log.name()).verifier()))
                .isInstanceOf(InvalidNoteException.class);
        String bigger = note.replaceFirst("\n7\n", "\n8\n");
        assertThatThrownBy(() -> Checkpoint.open(bigger, log.verifier())).isInstanceOf(InvalidNoteException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void refusesWhatIsNotACheckpoint() {
        String root = ROOT.base64();
        for (String text : List.of("o\n1\n", "o\n01\n" + root + "\n", "o\n-1\n" + root + "\n", "o\n+1\n" + root + "\n",
                "o\n99999999999999999999\n" + root + "\n", "\n1\n" + root + "\n", "o\n1\nnot base64\n",
                "o\n1\n" + root.replace("=", "") + "\n", "o\n1\nAAAA\n", "o\n1\n" + root, "o\n1\n" + root + "\n\n",
                "o\n1\n" + root + "\ntime yesterday\n", "o\n1\n" + root + "\ntime 2026-03-01T08:00:00.5Z\n",
                "o\n1\n" + root + "\ntime 2026-03-01T08:00:00Z\ntime 2026-03-01T08:00:01Z\n")) {
            assertThatThrownBy(() -> Checkpoint.parse(text)).as(text).isInstanceOf(InvalidNoteException.class);
        }
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, ROOT, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }
}
