package org.proposalledger.api.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The public half of a log key: verifies C2SP signed-note Ed25519 signatures (signature type 0x01).
 * Its text form, the verifier key ("vkey") that Go's {@code golang.org/x/mod/sumdb/note} and the
 * transparency-dev tools read, is {@code <name>+<key ID as 8 hex digits>+base64(0x01 || 32-byte
 * public key)} with {@code key ID = SHA-256(name || 0x0A || 0x01 || public key)[:4]}, big-endian.
 */
public final class NoteVerifier {

    static final byte ED25519_TYPE = 0x01;

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey key;

    private NoteVerifier(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey;
        this.keyId = keyId(name, typed(publicKey));
        this.key = Ed25519.publicKey(publicKey);
    }

    /** A verifier for the named Ed25519 public key. */
    public static NoteVerifier of(String name, PublicKey publicKey) {
        requireValidName(name);
        return new NoteVerifier(name, Ed25519.raw(publicKey));
    }

    /** A verifier for the named raw 32-byte Ed25519 public key (RFC 8032 encoding). */
    public static NoteVerifier of(String name, byte[] publicKey) {
        requireValidName(name);
        if (publicKey.length != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        return new NoteVerifier(name, publicKey.clone());
    }

    /** Reads a verifier key; refuses a wrong key ID, an unknown signature type or a key of the wrong size. */
    public static NoteVerifier parse(String vkey) {
        int plus1 = vkey.indexOf('+');
        int plus2 = plus1 < 0 ? -1 : vkey.indexOf('+', plus1 + 1);
        if (plus2 < 0) {
            throw new InvalidNoteException("a verifier key is <name>+<key ID>+<key>");
        }
        String name = vkey.substring(0, plus1);
        String id = vkey.substring(plus1 + 1, plus2);
        byte[] key = canonicalBase64(vkey.substring(plus2 + 1));
        if (!isValidName(name) || !id.matches("[0-9a-fA-F]{8}") || key == null || key.length == 0) {
            throw new InvalidNoteException("malformed verifier key");
        }
        if ((int) Long.parseLong(id, 16) != keyId(name, key)) {
            throw new InvalidNoteException("the verifier key's ID does not match its name and key");
        }
        if (key[0] != ED25519_TYPE) {
            throw new InvalidNoteException("unknown signature type " + (key[0] & 0xff) + " (only Ed25519, 0x01)");
        }
        if (key.length != 1 + Ed25519.KEY_SIZE) {
            throw new InvalidNoteException("an Ed25519 verifier key holds 32 key bytes, not " + (key.length - 1));
        }
        byte[] raw = new byte[Ed25519.KEY_SIZE];
        System.arraycopy(key, 1, raw, 0, raw.length);
        try {
            return new NoteVerifier(name, raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException("not an Ed25519 public key");
        }
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The verifier key text, to publish. */
    public String encoded() {
        return name + "+" + hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed(publicKey));
    }

    /** Whether {@code signature} (64 bytes, without the key ID) is this key's Ed25519 signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(key, message, signature);
    }

    @Override
    public String toString() {
        return encoded();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier v && v.name.equals(name) && MessageDigest.isEqual(v.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId;
    }

    // --- shared by the signer and the note format ---

    static byte[] typed(byte[] publicKey) {
        byte[] b = new byte[1 + publicKey.length];
        b[0] = ED25519_TYPE;
        System.arraycopy(publicKey, 0, b, 1, publicKey.length);
        return b;
    }

    /** {@code SHA-256(name || 0x0A || signature type || public key)[:4]} as a big-endian int. */
    static int keyId(String name, byte[] typedKey) {
        MessageDigest d = Hash.digest();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(typedKey);
        byte[] h = d.digest();
        return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** Signed-note key names: non-empty, no Unicode space (White_Space), no '+'. */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('+') >= 0) {
            return false;
        }
        return name.codePoints().noneMatch(c -> Character.isSpaceChar(c) || c >= 0x09 && c <= 0x0d || c == 0x85)
                && name.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
    }

    static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("a key name is non-empty text without spaces or '+': " + name);
        }
    }

    /** Standard padded base64, only in its canonical form; null if it is not. */
    static byte[] canonicalBase64(String s) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            return Base64.getEncoder().encodeToString(b).equals(s) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
