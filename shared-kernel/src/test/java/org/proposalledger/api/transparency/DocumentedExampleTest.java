package org.proposalledger.api.transparency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/transparency-log.md, for whoever writes another implementation. Its
 * digests and leaf hash were also recomputed from the documented layout with Python's hashlib, and
 * the checkpoint's signature checked with Python's {@code cryptography} Ed25519, independently of
 * this code.
 */
class DocumentedExampleTest {

    static final String VKEY = "proposal-ledger.example/log+38ed2992+AUHQtWFhyo5pSdYnZPgw0QkxpP1wgyjHpjQap9j7O5Es";
    static final String CHECKPOINT = """
            proposal-ledger.example/log
            1
            sSdmqK3iIrMX885R9IwZGYTOCBBtmn8Mx9k7a23dlxU=
            time 2024-03-01T08:00:05Z

            \u2014 proposal-ledger.example/log OO0pkvKRfop42sCRUDptiLE73Gt/af3ojWse/BYc3NlDkv7wRf5aO95chFJoUn8hu5vniejt65W8/GemCCVBOz3LzAM=
            """;

    static EventLeaf exampleLeaf() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("user", "office-1");
        meta.put("correlationId", "c-1");
        return EventLeaf.of("7f3c2a5e-1d2b-4c8e-9a61-3b5d7e9f0a12", "Proposal", "P-2024-001", 3,
                "org.proposalledger.api.proposal.ProposalRegistered", "1", Instant.parse("2024-03-01T08:00:00.123Z"),
                "{\"title\":\"关于加快老旧小区改造的建议\"}".getBytes(StandardCharsets.UTF_8), meta);
    }

    @Test
    void theExampleLeaf() {
        EventLeaf leaf = exampleLeaf();
        assertThat(leaf.payloadSha256().hex()).isEqualTo("dfad7c130319efad515b1d32654da654683d27f454052cf95fe021b9f714483d");
        assertThat(leaf.metaDataSha256().hex()).isEqualTo("3ec14d37a9dc48c06811d1de7d6caf4c275173be5180f023d640291cc915aaf9");
        assertThat(HexFormat.of().formatHex(leaf.encode())).isEqualTo("0000001d70726f706f73616c2d6c65646765722f6576656e"
                + "742d6c6561662f76310000002437663363326135652d316432622d346338652d396136312d336235643765396630613132"
                + "010000000850726f706f73616c010000000a502d323032342d3030310000000000000003000000326f72672e70726f706f"
                + "73616c6c65646765722e6170692e70726f706f73616c2e50726f706f73616c526567697374657265640100000001310000"
                + "018df906f87bdfad7c130319efad515b1d32654da654683d27f454052cf95fe021b9f714483d3ec14d37a9dc48c06811d1"
                + "de7d6caf4c275173be5180f023d640291cc915aaf9");
        assertThat(leaf.leafHash().hex()).isEqualTo("b12766a8ade222b317f3ce51f48c191984ce08106d9a7f0cc7d93b6b6ddd9715");
    }

    @Test
    void theExampleKeyAndCheckpoint() {
        NoteSigner key = NoteSigner.fromSeed("proposal-ledger.example/log",
                Hash.sha256("proposal-ledger example key, never use".getBytes(StandardCharsets.UTF_8)).bytes());
        assertThat(key.verifier().encoded()).isEqualTo(VKEY);
        assertThat(key.encoded()).isEqualTo("PRIVATE+KEY+proposal-ledger.example/log+38ed2992+AUG0k8CD8O+E9fkMmk8WdTUkJr/ppW+P1nykooFGIMiJ");
        Checkpoint c = Checkpoint.open(CHECKPOINT, NoteVerifier.parse(VKEY));
        assertThat(c).isEqualTo(new Checkpoint("proposal-ledger.example/log", 1, exampleLeaf().leafHash(),
                Instant.parse("2024-03-01T08:00:05Z")));
        assertThat(c.sign(key)).isEqualTo(CHECKPOINT);
    }

    @Test
    void theExampleFileLine() {
        EventLeaf leaf = exampleLeaf();
        assertThat(LeafFile.format(leaf, leaf.leafHash())).isEqualTo("{\"eventId\":\"7f3c2a5e-1d2b-4c8e-9a61-3b5d7e9f0a12\","
                + "\"aggregateType\":\"Proposal\",\"aggregateId\":\"P-2024-001\",\"sequence\":3,"
                + "\"payloadType\":\"org.proposalledger.api.proposal.ProposalRegistered\",\"payloadRevision\":\"1\","
                + "\"timestamp\":\"2024-03-01T08:00:00.123Z\","
                + "\"payloadSha256\":\"dfad7c130319efad515b1d32654da654683d27f454052cf95fe021b9f714483d\","
                + "\"metaDataSha256\":\"3ec14d37a9dc48c06811d1de7d6caf4c275173be5180f023d640291cc915aaf9\","
                + "\"leafHash\":\"b12766a8ade222b317f3ce51f48c191984ce08106d9a7f0cc7d93b6b6ddd9715\"}");
    }
}
