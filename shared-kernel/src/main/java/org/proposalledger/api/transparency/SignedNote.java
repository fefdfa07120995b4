package org.proposalledger.api.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or
 * more lines {@code — <key name> base64(4-byte key ID || signature)}. The text is only to be
 * believed after {@link #open} has verified a signature by a trusted key.
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** Notes with more signatures are refused (Go's note package stops at 100; the spec asks for at least 16). */
    static final int MAX_SIGNATURES = 100;
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /** One signature line. {@code base64} is the key ID followed by the signature, as written. */
    public record Signature(String keyName, int keyId, String base64) {

        /** The signature bytes, after the key ID. */
        public byte[] signature() {
            byte[] b = Base64.getDecoder().decode(base64);
            byte[] s = new byte[b.length - 4];
            System.arraycopy(b, 4, s, 0, s.length);
            return s;
        }

        String line() {
            return SIGNATURE_PREFIX + keyName + " " + base64 + "\n";
        }
    }

    public SignedNote {
        requireText(text);
        signatures = List.copyOf(signatures);
    }

    /** A note with this text and no signatures yet. */
    public static SignedNote of(String text) {
        return new SignedNote(text, List.of());
    }

    /** Parses the note's form (not its signatures' validity: that is {@link #open}). */
    public static SignedNote parse(byte[] message) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(message)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidNoteException("a signed note is UTF-8");
        }
        return parse(s);
    }

    /** Parses the note's form (not its signatures' validity: that is {@link #open}). */
    public static SignedNote parse(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c < 0x20 && c != '\n' || Character.isSurrogate(c) && !validSurrogate(message, i)) {
                throw new InvalidNoteException("a signed note has no control characters but newlines");
            }
        }
        int split = message.lastIndexOf("\n\n");
        if (split < 0) {
            throw new InvalidNoteException("a signed note has a blank line before its signatures");
        }
        String text = message.substring(0, split + 1);
        String block = message.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new InvalidNoteException("a signed note ends with signature lines");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new InvalidNoteException("a signature line starts with an em dash and a space");
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            String name = space < 0 ? rest : rest.substring(0, space);
            String b64 = space < 0 ? "" : rest.substring(space + 1);
            byte[] sig = b64.isEmpty() ? null : NoteVerifier.canonicalBase64(b64);
            if (!NoteVerifier.isValidName(name) || sig == null || sig.length < 5) {
                throw new InvalidNoteException("malformed signature line");
            }
            if (signatures.size() == MAX_SIGNATURES) {
                throw new InvalidNoteException("more than " + MAX_SIGNATURES + " signatures");
            }
            int id = (sig[0] & 0xff) << 24 | (sig[1] & 0xff) << 16 | (sig[2] & 0xff) << 8 | (sig[3] & 0xff);
            signatures.add(new Signature(name, id, b64));
        }
        return new SignedNote(text, signatures);
    }

    /**
     * The text, once a signature by one of {@code trusted} verifies. Signatures by other keys are
     * ignored (they may be witnesses' cosignatures, or an older key's); a signature by a trusted
     * key that does not verify rejects the whole note, as the spec recommends.
     */
    public String open(NoteVerifier... trusted) {
        boolean verified = false;
        Set<String> seen = new HashSet<>();
        for (Signature s : signatures) {
            for (NoteVerifier v : trusted) {
                if (v.name().equals(s.keyName()) && v.keyId() == s.keyId()) {
                    if (!seen.add(s.keyName() + "+" + s.keyId())) {
                        continue; // a repeated signature by the same key
                    }
                    if (!v.verify(text.getBytes(StandardCharsets.UTF_8), s.signature())) {
                        throw new InvalidNoteException("the signature by " + s.keyName() + "+"
                                + NoteVerifier.hex(s.keyId()) + " does not verify: the note was altered");
                    }
                    verified = true;
                }
            }
        }
        if (!verified) {
            throw new InvalidNoteException("the note has no signature by a trusted key");
        }
        return text;
    }

    /** This note with {@code signer}'s signature added, replacing an earlier one by the same key. */
    public SignedNote sign(NoteSigner signer) {
        byte[] sig = signer.signNoteText(text);
        ByteBuffer b = ByteBuffer.allocate(4 + sig.length).putInt(signer.keyId()).put(sig);
        List<Signature> out = new ArrayList<>();
        for (Signature s : signatures) {
            if (!(s.keyName().equals(signer.name()) && s.keyId() == signer.keyId())) {
                out.add(s);
            }
        }
        out.add(new Signature(signer.name(), signer.keyId(), Base64.getEncoder().encodeToString(b.array())));
        return new SignedNote(text, out);
    }

    /** The note as text: the text, a blank line, the signature lines. */
    public String format() {
        if (signatures.isEmpty()) {
            throw new IllegalStateException("a signed note has at least one signature");
        }
        StringBuilder b = new StringBuilder(text).append('\n');
        signatures.forEach(s -> b.append(s.line()));
        return b.toString();
    }

    private static void requireText(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new InvalidNoteException("a note's text ends with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                throw new InvalidNoteException("a note's text has no control characters but newlines");
            }
        }
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
