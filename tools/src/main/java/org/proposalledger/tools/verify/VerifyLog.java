package org.proposalledger.tools.verify;

import org.proposalledger.api.transparency.Checkpoint;
import org.proposalledger.api.transparency.LeafFile;
import org.proposalledger.api.transparency.LogVerifier;
import org.proposalledger.api.transparency.NoteVerifier;
import org.proposalledger.api.transparency.Verification;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code verify-log}: the offline check of the transparency log on the command line, with nothing
 * but shared-kernel's {@link LogVerifier} — no Spring, no database. The client's own kept
 * checkpoints and the log's public key (both from files the client holds) against either an
 * exported leaf file or a running ledger's export:
 * <pre>
 *   verify-log --public-key=FILE --checkpoint=FILE [--checkpoint=FILE…] --leaves=FILE
 *   verify-log --public-key=FILE --checkpoint=FILE --url=http://host:8080 --user=NAME:PASSWORD
 *              [--save-leaves=FILE]
 * </pre>
 * Exit 0 intact, 3 the history differs, 4 a checkpoint is rejected, 2 usage or I/O error.
 */
public final class VerifyLog {

    static final int PAGE = 10_000;

    private VerifyLog() {
    }

    public static int run(List<String> args, PrintStream out) {
        String key = null, leaves = null, url = null, user = null, save = null;
        List<String> checkpoints = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            String value = eq < 0 ? "" : a.substring(eq + 1);
            switch (name) {
                case "--public-key" -> key = value;
                case "--checkpoint" -> checkpoints.add(value);
                case "--leaves" -> leaves = value;
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--save-leaves" -> save = value;
                default -> {
                    out.println("unknown argument " + a);
                    return usage(out);
                }
            }
        }
        if (key == null || checkpoints.isEmpty() || (leaves == null) == (url == null)) {
            return usage(out);
        }
        try {
            NoteVerifier logKey = NoteVerifier.parse(Files.readString(Path.of(key), StandardCharsets.UTF_8).strip());
            List<String> notes = new ArrayList<>();
            for (String c : checkpoints) {
                notes.add(Files.readString(Path.of(c), StandardCharsets.UTF_8));
            }
            Path file = leaves != null ? Path.of(leaves)
                    : download(url, user, save == null ? Files.createTempFile("ledger-leaves-", ".jsonl") : Path.of(save));
            Verification v = new LogVerifier(logKey).verify(notes, LeafFile.source(file));
            return report(v, out);
        } catch (IOException | IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("interrupted");
            return 2;
        }
    }

    static int report(Verification v, PrintStream out) {
        if (v instanceof Verification.Intact i) {
            out.println("INTACT: the store holds exactly the " + i.checkpoint().size() + " events of the checkpoint "
                    + root(i.checkpoint()) + ", in order");
            return 0;
        }
        if (v instanceof Verification.Differs d) {
            out.println("DIFFERS at position " + d.position() + " (" + d.difference() + ") against the checkpoint of "
                    + d.checkpoint().size() + " events: " + d.detail());
            return 3;
        }
        if (v instanceof Verification.DiffersWithin w) {
            out.println("DIFFERS somewhere in [" + w.from() + ", " + w.to() + ") against the checkpoint of "
                    + w.checkpoint().size() + " events: " + w.detail());
            return 3;
        }
        out.println("CHECKPOINT REJECTED: " + ((Verification.CheckpointRejected) v).reason());
        return 4;
    }

    private static String root(Checkpoint c) {
        return c.rootHash().base64();
    }

    /** The running ledger's export, page by page, into {@code file}. */
    static Path download(String url, String user, Path file) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Files.writeString(file, "", StandardCharsets.UTF_8);
        long from = 0;
        while (true) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "")
                    + "/api/v1/audit/leaves?from=" + from + "&limit=" + PAGE));
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IOException("GET leaves from " + from + ": HTTP " + r.statusCode() + " " + r.body());
            }
            long lines = r.body().lines().count();
            Files.writeString(file, r.body(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            if (lines < PAGE) {
                return file;
            }
            from += lines;
        }
    }

    private static int usage(PrintStream out) {
        out.println("usage: verify-log --public-key=FILE --checkpoint=FILE [--checkpoint=FILE...]"
                + " (--leaves=FILE | --url=URL [--user=NAME:PASSWORD] [--save-leaves=FILE])");
        return 2;
    }
}
