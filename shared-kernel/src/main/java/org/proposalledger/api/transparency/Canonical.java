package org.proposalledger.api.transparency;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Writing and reading the length-prefixed fields of the leaf and metadata encodings. */
final class Canonical {

    private Canonical() {
    }

    /** Strict UTF-8: a string with an unpaired surrogate has no encoding (Java would write '?'). */
    static byte[] utf8(String s) {
        boolean surrogates = false;
        for (int i = 0; i < s.length() && !surrogates; i++) {
            surrogates = Character.isSurrogate(s.charAt(i));
        }
        if (!surrogates) {
            return s.getBytes(StandardCharsets.UTF_8); // exact: only surrogates can be malformed
        }
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid Unicode text (an unpaired surrogate): " + s.length() + " chars");
        }
    }

    static String utf8(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8");
        }
    }

    static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Writer u8(int v) {
            out.write(v);
            return this;
        }

        Writer u32(long v) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (v >>> shift));
            }
            return this;
        }

        Writer u64(long v) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (v >>> shift));
            }
            return this;
        }

        Writer string(String s) {
            byte[] b = utf8(s);
            u32(b.length);
            out.write(b, 0, b.length);
            return this;
        }

        Writer optionalString(String s) {
            if (s == null) {
                return u8(0);
            }
            return u8(1).string(s);
        }

        Writer bytes(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        Writer hash(Hash h) {
            byte[] b = h.bytes();
            out.write(b, 0, b.length);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static final class Reader {
        private final byte[] in;
        private int pos;

        Reader(byte[] in) {
            this.in = in;
        }

        private void need(int n) {
            if (n < 0 || in.length - pos < n) {
                throw new IllegalArgumentException("truncated at byte " + pos);
            }
        }

        int u8() {
            need(1);
            return in[pos++] & 0xff;
        }

        long u32() {
            need(4);
            long v = 0;
            for (int i = 0; i < 4; i++) {
                v = v << 8 | (in[pos++] & 0xff);
            }
            return v;
        }

        long u64() {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (in[pos++] & 0xff);
            }
            return v;
        }

        String string() {
            long n = u32();
            if (n > in.length - pos) {
                throw new IllegalArgumentException("truncated at byte " + pos);
            }
            String s = utf8(in, pos, (int) n);
            pos += (int) n;
            return s;
        }

        String optionalString() {
            int present = u8();
            if (present == 0) {
                return null;
            }
            if (present != 1) {
                throw new IllegalArgumentException("presence byte " + present + " at byte " + (pos - 1));
            }
            return string();
        }

        Hash hash() {
            need(Hash.SIZE);
            byte[] b = new byte[Hash.SIZE];
            System.arraycopy(in, pos, b, 0, Hash.SIZE);
            pos += Hash.SIZE;
            return Hash.wrap(b);
        }

        void end() {
            if (pos != in.length) {
                throw new IllegalArgumentException((in.length - pos) + " bytes after the last field");
            }
        }
    }
}
