package org.proposalledger.api.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A log exported to a file, for checking on the command line or anywhere else: JSON Lines (UTF-8,
 * one object per line, in log order), each line one {@link EventLeaf} and, when the store keeps
 * it, the leaf hash it recorded:
 * <pre>
 * {"eventId":"…","aggregateType":"Proposal","aggregateId":"…","sequence":3,"payloadType":"…",
 *  "payloadRevision":"1","timestamp":"2024-03-01T08:00:00.123Z","payloadSha256":"…",
 *  "metaDataSha256":"…","leafHash":"…"}
 * </pre>
 * Hashes are 64 lowercase hex digits; {@code aggregateType}, {@code aggregateId} and {@code
 * payloadRevision} may be null; {@code leafHash} may be left out (a line without it ends the
 * recorded hashes). Only that flat shape is read — objects of strings, integers and null — and
 * anything else (an unknown or repeated key, a nested value, a fraction) is refused with its line
 * number, so a file means one thing. Written and read without a JSON library, as shared-kernel has
 * none.
 */
public final class LeafFile {

    private static final Set<String> KEYS = Set.of("eventId", "aggregateType", "aggregateId", "sequence",
            "payloadType", "payloadRevision", "timestamp", "payloadSha256", "metaDataSha256", "leafHash");

    private LeafFile() {
    }

    /** One line of the file: an event and the leaf hash the store recorded for it (null if none). */
    public record Line(EventLeaf leaf, Hash recordedLeafHash) {
        public Line {
            Objects.requireNonNull(leaf, "leaf");
        }
    }

    /** The line for an event, without the newline. */
    public static String format(EventLeaf leaf, Hash recordedLeafHash) {
        StringBuilder b = new StringBuilder(512).append('{');
        member(b, "eventId", leaf.eventId()).append(',');
        member(b, "aggregateType", leaf.aggregateType()).append(',');
        member(b, "aggregateId", leaf.aggregateId()).append(',');
        b.append("\"sequence\":").append(leaf.sequence()).append(',');
        member(b, "payloadType", leaf.payloadType()).append(',');
        member(b, "payloadRevision", leaf.payloadRevision()).append(',');
        member(b, "timestamp", leaf.timestamp().toString()).append(',');
        member(b, "payloadSha256", leaf.payloadSha256().hex()).append(',');
        member(b, "metaDataSha256", leaf.metaDataSha256().hex());
        if (recordedLeafHash != null) {
            b.append(',');
            member(b, "leafHash", recordedLeafHash.hex());
        }
        return b.append('}').toString();
    }

    /** Writes a whole log, one line per event. */
    public static void write(Path file, List<Line> lines) throws IOException {
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Line l : lines) {
                w.write(format(l.leaf(), l.recordedLeafHash()));
                w.write('\n');
            }
        }
    }

    /** Reads one line; {@code lineNumber} (from 1) is for the error message. */
    public static Line parse(String line, long lineNumber) {
        Map<String, Object> m;
        try {
            m = new FlatJson(line).object();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage());
        }
        for (String k : m.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("line " + lineNumber + ": unknown key \"" + k + "\"");
            }
        }
        try {
            String leafHash = optionalString(m, "leafHash");
            EventLeaf leaf = new EventLeaf(string(m, "eventId"), optionalString(m, "aggregateType"),
                    optionalString(m, "aggregateId"), integer(m, "sequence"), string(m, "payloadType"),
                    optionalString(m, "payloadRevision"), timestamp(string(m, "timestamp")),
                    hash(string(m, "payloadSha256")), hash(string(m, "metaDataSha256")));
            return new Line(leaf, leafHash == null ? null : hash(leafHash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage());
        }
    }

    /** The file as a {@link LogSource}: each stream reads the file anew, lazily. */
    public static LogSource source(Path file) {
        return new LogSource() {
            @Override
            public Stream<EventLeaf> events() {
                return lines(file).map(Line::leaf);
            }

            @Override
            public Stream<Hash> recordedLeafHashes() {
                return lines(file).takeWhile(l -> l.recordedLeafHash() != null).map(Line::recordedLeafHash);
            }
        };
    }

    /** The file's lines, parsed lazily; an unreadable line fails the stream with its number. */
    public static Stream<Line> lines(Path file) {
        Stream<String> raw;
        try {
            raw = Files.lines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] number = {0};
        return raw.map(s -> parse(s, ++number[0]));
    }

    private static StringBuilder member(StringBuilder b, String key, String value) {
        b.append('"').append(key).append("\":");
        if (value == null) {
            return b.append("null");
        }
        Canonical.utf8(value); // refuses text UTF-8 cannot carry
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("\"" + key + "\" is " + (m.containsKey(key) ? "not a string" : "missing"));
        }
        return s;
    }

    private static String optionalString(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" is a string or null");
        }
        return (String) v;
    }

    private static long integer(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("\"" + key + "\" is " + (m.containsKey(key) ? "not an integer" : "missing"));
        }
        return l;
    }

    private static Instant timestamp(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"timestamp\" is not an ISO-8601 instant: " + s);
        }
    }

    private static Hash hash(String hex) {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a hash is 64 lowercase hex digits: " + hex);
        }
        return Hash.fromHex(hex);
    }

    /** RFC 8259 JSON, restricted to one object whose values are strings, integers or null. */
    private static final class FlatJson {
        private final String s;
        private int i;

        FlatJson(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> m = new HashMap<>();
            space();
            expect('{');
            space();
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    space();
                    Object value = value();
                    if (m.containsKey(key)) {
                        throw new IllegalArgumentException("key \"" + key + "\" appears twice");
                    }
                    m.put(key, value);
                    space();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error("',' or '}'");
                    }
                }
            }
            space();
            if (i != s.length()) {
                throw error("the end of the line");
            }
            return m;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (c == '-' || c >= '0' && c <= '9') {
                int start = i;
                if (c == '-') {
                    i++;
                }
                if (peek() == '0') {
                    i++;
                } else if (peek() >= '1' && peek() <= '9') {
                    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                        i++;
                    }
                } else {
                    throw error("a digit");
                }
                if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    throw error("an integer");
                }
                try {
                    return Long.parseLong(s.substring(start, i));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("integer out of range at column " + (start + 1));
                }
            }
            throw error("a string, an integer or null");
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("the end of the string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("an unescaped control character at column " + i);
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length() || !s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
                            throw error("four hex digits");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("an escape");
                }
            }
        }

        private void space() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r')) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("more");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                i--;
                throw error("'" + c + "'");
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("expected " + expected + " at column " + (i + 1));
        }
    }
}
