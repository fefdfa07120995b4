package org.proposalledger.api.transparency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed notes against the published examples: the keys and note of Go's {@code
 * golang.org/x/mod/sumdb/note} tests ({@code note_test.go}: TestNewVerifier, TestNewSigner, TestSign,
 * TestOpen; github.com/golang/mod commit fe2ec04f), and the verifier key example of the C2SP
 * signed-note specification (c2sp.org/signed-note, "Example"; github.com/C2SP/C2SP commit 5ba5ee83).
 */
class SignedNoteTest {

    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void goSignerKeySignsTheGoNoteByteForByte() {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY);
        assertThat(signer.name()).isEqualTo("PeterNeumann");
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.verifier().encoded()).isEqualTo(PETER_VKEY);
        assertThat(signer.encoded()).isEqualTo(PETER_SKEY);
        // Ed25519 is deterministic, so the signature is Go's exactly
        assertThat(signer.sign(TEXT)).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void goVerifierKeyOpensTheGoNoteAndIgnoresUnknownSigners() {
        NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.encoded()).isEqualTo(PETER_VKEY);

        SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.signatures()).extracting(SignedNote.Signature::keyName).containsExactly("PeterNeumann", "EnochRoot");
        assertThat(note.signatures().get(1).keyId()).isEqualTo(0xaf0cfe78);
        assertThat(note.open(peter)).isEqualTo(TEXT);
        assertThat(note.open(peter, NoteVerifier.parse(ENOCH_VKEY))).isEqualTo(TEXT);
        assertThat(note.open(NoteVerifier.parse(ENOCH_VKEY))).isEqualTo(TEXT);
    }

    @Test
    void theC2spExampleKeyVerifiesTheC2spExampleNote() {
        NoteVerifier foo = NoteVerifier.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        String note = "This is an example message.\n\n\u2014 example.com/foo "
                + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
        assertThat(SignedNote.parse(note).open(foo)).isEqualTo("This is an example message.\n");
        assertThatThrownBy(() -> SignedNote.parse(note.replace("an example", "a forged")).open(foo))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("does not verify");
    }

    @Test
    void aNoteWithoutASignatureByATrustedKeyIsRefused() {
        SignedNote note = SignedNote.parse(TEXT + "\n" + ENOCH_SIG);
        assertThatThrownBy(() -> note.open(NoteVerifier.parse(PETER_VKEY)))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("no signature by a trusted key");
        // same name, other key: not the trusted key, so ignored, so unverified
        NoteVerifier impostor = NoteSigner.generate("PeterNeumann").verifier();
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG).open(impostor))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("no signature by a trusted key");
    }

    @Test
    void anAlteredNoteIsRefused() {
        NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
        assertThatThrownBy(() -> SignedNote.parse(TEXT.replace("answer", "Answer") + "\n" + PETER_SIG).open(peter))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("does not verify");
        String sig = PETER_SIG.replace("qfqdng", "qfqeng"); // a signature byte, not the key ID
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + sig).open(peter))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("does not verify");
    }

    @Test
    void malformedNotesAreRefused() {
        assertThatThrownBy(() -> SignedNote.parse(TEXT + PETER_SIG)).as("no blank line").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n")).as("no signature").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.strip())).as("no final newline").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.replace("\u2014", "-"))).as("no em dash").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.replace("Peter", "Pe+ter"))).as("plus in name").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.replace("AM=", "AM"))).as("unpadded").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> SignedNote.parse("a\tb\n\n" + PETER_SIG)).as("control character").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> SignedNote.parse(new byte[]{'a', (byte) 0xff, '\n', '\n'})).as("not UTF-8").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(101))).as("too many").isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> NoteSigner.parse(PETER_SKEY).sign("no newline")).isInstanceOf(InvalidNoteException.class);
    }

    @Test
    void textMayHoldBlankLinesAndTheLastBlankLineSeparatesTheSignatures() {
        NoteSigner signer = NoteSigner.generate("example.com/log");
        String text = "first\n\nsecond\n";
        String note = signer.sign(text);
        assertThat(SignedNote.parse(note).open(signer.verifier())).isEqualTo(text);
        assertThat(SignedNote.parse(note.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
    }

    @Test
    void everyManglingOfTheGoKeysIsRefused() {
        // as TestNewVerifier / TestNewSigner: every proper substring and every single-byte change fails
        for (String key : new String[]{PETER_VKEY, PETER_SKEY}) {
            boolean signer = key.startsWith("PRIVATE");
            for (int i = 0; i <= key.length(); i++) {
                for (int j = i + 1; j <= key.length(); j++) {
                    if (i == 0 && j == key.length()) {
                        continue;
                    }
                    String k = key.substring(i, j);
                    assertThatThrownBy(() -> parse(k, signer)).as(k).isInstanceOf(IllegalArgumentException.class);
                }
            }
            char[] c = key.toCharArray();
            for (int i = 0; i < c.length; i++) {
                c[i]++;
                String k = new String(c);
                assertThatThrownBy(() -> parse(k, signer)).as(k).isInstanceOf(IllegalArgumentException.class);
                c[i]--;
            }
        }
        // wrong length key with adjusted key hash; unknown algorithm with adjusted key hash (TestNewVerifier)
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(InvalidNoteException.class);
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("unknown signature type");
    }

    private static Object parse(String key, boolean signer) {
        return signer ? NoteSigner.parse(key) : NoteVerifier.parse(key);
    }

    @Test
    void aGeneratedKeyRoundTripsThroughItsTextForms() {
        NoteSigner signer = NoteSigner.generate("proposal-ledger.example/log");
        NoteSigner again = NoteSigner.parse(signer.encoded());
        NoteVerifier verifier = NoteVerifier.parse(signer.verifier().encoded());
        assertThat(again.verifier()).isEqualTo(signer.verifier()).isEqualTo(verifier);
        assertThat(verifier.keyId()).isEqualTo(signer.keyId());
        String note = again.sign("hello\n");
        assertThat(SignedNote.parse(note).open(verifier)).isEqualTo("hello\n");
        assertThat(signer.sign("hello\n")).isEqualTo(note);
        // PRIVATE+KEY+<name>+<key id>+<base64 of the key>: the base64 itself may contain '+'
        String secret = signer.encoded().split("\\+", 5)[4];
        assertThat(signer.toString()).doesNotContain(secret);
        assertThat(NoteSigner.generate("proposal-ledger.example/log").verifier()).isNotEqualTo(verifier);
    }

    @Test
    void signingAgainReplacesTheSameKeysSignatureAndKeepsOthers() {
        NoteSigner log = NoteSigner.generate("log.example");
        NoteSigner witness = NoteSigner.generate("witness.example");
        SignedNote note = SignedNote.of("tree\n").sign(log).sign(witness).sign(log);
        assertThat(note.signatures()).extracting(SignedNote.Signature::keyName).containsExactly("witness.example", "log.example");
        assertThat(SignedNote.parse(note.format()).open(log.verifier())).isEqualTo("tree\n");
        assertThat(SignedNote.parse(note.format()).open(witness.verifier())).isEqualTo("tree\n");
    }
}
