package org.proposalledger.api.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** A SHA-256 value: a leaf, node or root hash of the log, or the digest of stored bytes. Immutable. */
public final class Hash {

    /** Bytes in a SHA-256 value. */
    public static final int SIZE = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The hash with these 32 bytes (copied). */
    public static Hash of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("a SHA-256 hash has " + SIZE + " bytes, not "
                    + (bytes == null ? "none" : bytes.length));
        }
        return new Hash(bytes.clone());
    }

    /** From 64 hex digits (either case). */
    public static Hash fromHex(String hex) {
        if (hex == null || hex.length() != 2 * SIZE) {
            throw new IllegalArgumentException("a SHA-256 hash is " + 2 * SIZE + " hex digits");
        }
        return new Hash(HexFormat.of().parseHex(hex));
    }

    /** From standard base64 (RFC 4648 §4, padded), the encoding of checkpoints and proofs; only the canonical form. */
    public static Hash fromBase64(String base64) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage());
        }
        Hash h = of(b);
        if (!h.base64().equals(base64)) {
            throw new IllegalArgumentException("not the canonical base64 of a hash");
        }
        return h;
    }

    /** SHA-256 of the given bytes. */
    public static Hash sha256(byte[] data) {
        return new Hash(digest().digest(data));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    static Hash wrap(byte[] ownedBytes) {
        return new Hash(ownedBytes);
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    void writeTo(MessageDigest d) {
        d.update(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && MessageDigest.isEqual(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
