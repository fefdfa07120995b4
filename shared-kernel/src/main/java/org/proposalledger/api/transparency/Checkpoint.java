package org.proposalledger.api.transparency;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signed tree head in the C2SP tlog-checkpoint format (c2sp.org/tlog-checkpoint), the body of a
 * signed note — the format of Go's checksum database, Sigstore and the transparency-dev witnesses:
 * <pre>
 *   &lt;origin&gt;
 *   &lt;tree size, decimal&gt;
 *   &lt;root hash, base64&gt;
 *   time &lt;RFC 3339 UTC, whole seconds&gt;
 * </pre>
 * The time is this log's one extension line (tools that do not know it ignore it, as the format
 * asks); any other extension lines are kept as they came.
 */
public record Checkpoint(String origin, long size, Hash rootHash, Instant time, List<String> extensions) {

    private static final String TIME = "time ";

    public Checkpoint {
        if (origin == null || origin.isEmpty() || !singleLine(origin)) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        Objects.requireNonNull(rootHash, "rootHash");
        time = time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || !singleLine(e) || e.startsWith(TIME)) {
                throw new IllegalArgumentException("an extension line is one non-empty line other than the time: " + e);
            }
        }
    }

    /** A checkpoint of this log with its time and no other extension. */
    public Checkpoint(String origin, long size, Hash rootHash, Instant time) {
        this(origin, size, rootHash, Objects.requireNonNull(time, "time"), List.of());
    }

    /** The note text. */
    public String text() {
        StringBuilder b = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(rootHash.base64()).append('\n');
        if (time != null) {
            b.append(TIME).append(time).append('\n');
        }
        extensions.forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }

    /** This checkpoint as a signed note. */
    public String sign(NoteSigner signer) {
        return signer.sign(text());
    }

    /** Verifies {@code signedNote} with {@code logKey} and reads the checkpoint in it. */
    public static Checkpoint open(String signedNote, NoteVerifier logKey) {
        return parse(SignedNote.parse(signedNote).open(logKey));
    }

    /** Reads a checkpoint's note text (already verified: see {@link #open}). */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new InvalidNoteException("a checkpoint's text ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new InvalidNoteException("a checkpoint has an origin, a tree size and a root hash");
        }
        if (lines[0].isEmpty()) {
            throw new InvalidNoteException("a checkpoint's origin is not empty");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new InvalidNoteException("a tree size is a decimal number without leading zeros: " + lines[1]);
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new InvalidNoteException("tree size out of range: " + lines[1]);
        }
        Hash root;
        try {
            root = Hash.fromBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException("a root hash is the base64 of 32 bytes: " + lines[2]);
        }
        Instant time = null;
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                throw new InvalidNoteException("a checkpoint has no empty lines");
            }
            if (line.startsWith(TIME)) {
                if (time != null) {
                    throw new InvalidNoteException("a checkpoint has one time");
                }
                time = parseTime(line.substring(TIME.length()));
            } else {
                extensions.add(line);
            }
        }
        return new Checkpoint(lines[0], size, root, time, extensions);
    }

    private static Instant parseTime(String s) {
        try {
            Instant t = Instant.parse(s);
            if (t.getNano() != 0 || !t.toString().equals(s)) {
                throw new InvalidNoteException("a checkpoint's time is RFC 3339 UTC in whole seconds: " + s);
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new InvalidNoteException("a checkpoint's time is RFC 3339 UTC in whole seconds: " + s);
        }
    }

    private static boolean singleLine(String s) {
        return s.chars().noneMatch(c -> c < 0x20);
    }
}
