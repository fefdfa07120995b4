package org.proposalledger.api.transparency;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * The private half of a log key: signs C2SP signed notes with Ed25519. Its text form is the one
 * of Go's {@code golang.org/x/mod/sumdb/note}: {@code PRIVATE+KEY+<name>+<key ID>+base64(0x01 ||
 * 32-byte seed)} — keep it out of the event store. {@link #toString()} never shows it.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final NoteVerifier verifier;
    private final PrivateKey key;
    private final byte[] seed;

    private NoteSigner(String name, KeyPair pair) {
        this.verifier = NoteVerifier.of(name, pair.getPublic());
        this.key = pair.getPrivate();
        this.seed = Ed25519.seed(pair.getPrivate());
    }

    /** A new key, from the runtime's strong random source. */
    public static NoteSigner generate(String name) {
        NoteVerifier.requireValidName(name);
        return new NoteSigner(name, Ed25519.generate());
    }

    /** The signer for an Ed25519 key pair held elsewhere (a keystore). */
    public static NoteSigner of(String name, KeyPair pair) {
        NoteVerifier.requireValidName(name);
        return new NoteSigner(name, pair);
    }

    /** The signer for a 32-byte Ed25519 seed (RFC 8032 private key). */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        NoteVerifier.requireValidName(name);
        return new NoteSigner(name, Ed25519.fromSeed(seed));
    }

    /** Reads the text form; refuses it unless the key ID matches the key the seed gives. */
    public static NoteSigner parse(String skey) {
        if (!skey.startsWith(PREFIX)) {
            throw new InvalidNoteException("a signer key starts with " + PREFIX);
        }
        String rest = skey.substring(PREFIX.length());
        int plus1 = rest.indexOf('+');
        int plus2 = plus1 < 0 ? -1 : rest.indexOf('+', plus1 + 1);
        if (plus2 < 0) {
            throw new InvalidNoteException("a signer key is PRIVATE+KEY+<name>+<key ID>+<key>");
        }
        String name = rest.substring(0, plus1);
        String id = rest.substring(plus1 + 1, plus2);
        byte[] key = NoteVerifier.canonicalBase64(rest.substring(plus2 + 1));
        if (!NoteVerifier.isValidName(name) || !id.matches("[0-9a-fA-F]{8}") || key == null || key.length == 0) {
            throw new InvalidNoteException("malformed signer key");
        }
        if (key[0] != NoteVerifier.ED25519_TYPE) {
            throw new InvalidNoteException("unknown signature type " + (key[0] & 0xff) + " (only Ed25519, 0x01)");
        }
        if (key.length != 1 + Ed25519.KEY_SIZE) {
            throw new InvalidNoteException("an Ed25519 signer key holds a 32-byte seed, not " + (key.length - 1));
        }
        byte[] seed = new byte[Ed25519.KEY_SIZE];
        System.arraycopy(key, 1, seed, 0, seed.length);
        NoteSigner signer = fromSeed(name, seed);
        if (signer.keyId() != (int) Long.parseLong(id, 16)) {
            throw new InvalidNoteException("the signer key's ID does not match the key");
        }
        return signer;
    }

    public String name() {
        return verifier.name();
    }

    public int keyId() {
        return verifier.keyId();
    }

    /** The public half, to give to whoever checks the log. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The secret text form, to store in a key file. */
    public String encoded() {
        return PREFIX + name() + "+" + NoteVerifier.hex(keyId()) + "+"
                + Base64.getEncoder().encodeToString(NoteVerifier.typed(seed));
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(key, message);
    }

    /** Signs {@code text} (which ends with a newline) into a signed note with this one signature. */
    public String sign(String text) {
        return SignedNote.of(text).sign(this).format();
    }

    byte[] signNoteText(String text) {
        return sign(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "NoteSigner[" + name() + "+" + NoteVerifier.hex(keyId()) + "]";
    }
}
