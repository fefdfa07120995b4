package org.proposalledger.platform.transparency;

import org.proposalledger.api.transparency.Checkpoint;
import org.proposalledger.api.transparency.EventLeaf;
import org.proposalledger.api.transparency.Hash;
import org.proposalledger.api.transparency.LogSource;
import org.proposalledger.api.transparency.LogVerifier;
import org.proposalledger.api.transparency.NoteVerifier;
import org.proposalledger.api.transparency.Verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The store-wide check of the log: the events as stored now, in log order, against the
 * checkpoints kept — those in the log's table signed by the log's key (a forged one is counted
 * and left out: the table is as writable as the events) and the copy of the latest one kept
 * outside the database. So deleting a proposal's latest event, a dropped tail and a stream
 * rewritten with recomputed chain hashes are all found, which the per-aggregate chain cannot see.
 */
public class LogAudit {

    static final int CHECKPOINTS_USED = 1000;

    private final LogStore store;
    private final LogEvents events;
    private final Supplier<NoteVerifier> key;
    private final Path checkpointFile;

    public LogAudit(LogStore store, LogEvents events, Supplier<NoteVerifier> key, Path checkpointFile) {
        this.store = store;
        this.events = events;
        this.key = key;
        this.checkpointFile = checkpointFile;
    }

    /** The log over the stored events as a {@link LogSource}, for any verifier. */
    public LogSource source() {
        return new LogSource() {
            @Override
            public Stream<EventLeaf> events() {
                return events.inLogOrder(0);
            }

            @Override
            public Stream<Hash> recordedLeafHashes() {
                return store.leafHashes();
            }
        };
    }

    public LogReport verify() {
        NoteVerifier logKey = key.get();
        if (logKey == null) {
            return LogReport.of(LogReport.UNAVAILABLE, "this process has no log key to verify with:"
                    + " set ledger.transparency.public-key (the vkey at GET /api/v1/audit/public-key)");
        }
        List<String> notes = new ArrayList<>();
        int forged = 0;
        for (LogStore.Stored s : store.checkpoints(CHECKPOINTS_USED)) {
            if (opens(s.note(), logKey)) {
                notes.add(s.note());
            } else {
                forged++;
            }
        }
        String copy = keptCopy();
        if (copy != null && opens(copy, logKey)) {
            notes.add(copy);
        }
        if (notes.isEmpty()) {
            return LogReport.of(forged > 0 ? LogReport.CHECKPOINT_REJECTED : LogReport.NO_CHECKPOINT, forged > 0
                    ? forged + " stored checkpoints are not signed by the log's key, and none is"
                    : "no checkpoint signed yet: nothing to hold the store to");
        }
        String forgedNote = forged == 0 ? "" : " (" + forged + " stored checkpoints not signed by the log's key were ignored)";
        Verification v = new LogVerifier(logKey).verify(notes, source());
        if (v instanceof Verification.Intact i) {
            return report(LogReport.INTACT, i.checkpoint(), notes.size(), null, null, null, null,
                    "the store holds exactly the " + i.checkpoint().size() + " events the checkpoint signs, in order"
                            + forgedNote);
        }
        if (v instanceof Verification.Differs d) {
            return report(LogReport.DIFFERS, d.checkpoint(), notes.size(), d.position(), null, null,
                    d.difference().name(), d.detail() + forgedNote);
        }
        if (v instanceof Verification.DiffersWithin w) {
            return report(LogReport.DIFFERS_WITHIN, w.checkpoint(), notes.size(), null, w.from(), w.to(), null,
                    w.detail() + "; " + w.eventsRead() + " events read" + forgedNote);
        }
        return LogReport.of(LogReport.CHECKPOINT_REJECTED, ((Verification.CheckpointRejected) v).reason());
    }

    private LogReport report(String status, Checkpoint cp, int used, Long position, Long from, Long to,
                             String difference, String detail) {
        String logged = position == null ? null : store.eventIdAt(position).orElse(null);
        return new LogReport(status, cp.size(), cp.rootHash().base64(), used, position, from, to, difference, logged,
                detail);
    }

    private static boolean opens(String note, NoteVerifier logKey) {
        try {
            Checkpoint.open(note, logKey);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String keptCopy() {
        try {
            return checkpointFile != null && Files.isReadable(checkpointFile)
                    ? Files.readString(checkpointFile, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
