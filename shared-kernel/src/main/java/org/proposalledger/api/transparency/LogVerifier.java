package org.proposalledger.api.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The offline check: given checkpoints a client kept and the log's public key, proves that a store
 * still holds exactly the signed history as a prefix — or names where it differs.
 * <p>
 * It rests on nothing the store says about itself: it recomputes every leaf from the events and the
 * tree from the leaves, and compares roots with signed checkpoints. Whoever can write the database
 * can rewrite any hash kept there, so a difference is located only with evidence that is itself
 * checked against a signed root: the store's recorded leaf hashes, if they still hash to a signed
 * root (then the first position where the recomputed leaves part from them is exact), else the
 * client's own checkpoints (the difference lies after the largest that still matches and before the
 * smallest that does not).
 * <p>
 * One pass over the events and the recorded leaf hashes, O(log n) memory; a difference costs one
 * more pass over each to classify it.
 */
public final class LogVerifier {

    private final String origin;
    private final NoteVerifier logKey;

    /** For the log whose origin is the key's name (what C2SP recommends, and what this log does). */
    public LogVerifier(NoteVerifier logKey) {
        this(logKey.name(), logKey);
    }

    public LogVerifier(String origin, NoteVerifier logKey) {
        this.origin = origin;
        this.logKey = logKey;
    }

    /** Checks the store against one kept checkpoint (a signed note). */
    public Verification verify(String signedCheckpoint, LogSource log) {
        return verify(List.of(signedCheckpoint), log);
    }

    /**
     * Checks the store against every kept checkpoint (signed notes, any order). The result is about
     * the largest; the others bound where a difference lies.
     */
    public Verification verify(Collection<String> signedCheckpoints, LogSource log) {
        if (signedCheckpoints.isEmpty()) {
            throw new IllegalArgumentException("verification needs at least one checkpoint");
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (String note : signedCheckpoints) {
            Checkpoint c;
            try {
                c = Checkpoint.open(note, logKey);
            } catch (IllegalArgumentException e) {
                return new Verification.CheckpointRejected(e.getMessage());
            }
            if (!c.origin().equals(origin)) {
                return new Verification.CheckpointRejected("a checkpoint of the log " + c.origin() + ", not of " + origin);
            }
            checkpoints.add(c);
        }
        checkpoints.sort(Comparator.comparingLong(Checkpoint::size));
        List<Checkpoint> distinct = new ArrayList<>();
        for (Checkpoint c : checkpoints) {
            Checkpoint last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (last != null && last.size() == c.size()) {
                if (!last.rootHash().equals(c.rootHash())) {
                    return new Verification.CheckpointRejected("two signed checkpoints of size " + c.size()
                            + " have different roots: the log signed two histories");
                }
                continue;
            }
            distinct.add(c);
        }
        return check(distinct, log);
    }

    private Verification check(List<Checkpoint> cps, LogSource log) {
        long n = cps.get(cps.size() - 1).size();
        int count = cps.size();
        boolean[] eventsMatch = new boolean[count];
        boolean[] recordedMatch = new boolean[count];
        MerkleFrontier computed = new MerkleFrontier();
        MerkleFrontier recorded = new MerkleFrontier();
        long mismatch = -1;
        Hash loggedAtMismatch = null; // the recorded leaf there
        Hash nowAtMismatch = null; // the recomputed leaf there
        int next = 0;
        while (next < count && cps.get(next).size() == 0) {
            eventsMatch[next] = recordedMatch[next] = cps.get(next).rootHash().equals(MerkleTree.emptyRoot());
            next++;
        }
        try (Stream<EventLeaf> es = log.events(); Stream<Hash> rs = log.recordedLeafHashes()) {
            Iterator<EventLeaf> events = es.iterator();
            Iterator<Hash> hashes = rs.iterator();
            boolean eventsLeft = true;
            boolean hashesLeft = true;
            for (long i = 0; i < n && (eventsLeft || hashesLeft); i++) {
                Hash l = null;
                Hash r = null;
                if (eventsLeft && (eventsLeft = events.hasNext())) {
                    l = events.next().leafHash();
                    computed.append(l);
                }
                if (hashesLeft && (hashesLeft = hashes.hasNext())) {
                    r = hashes.next();
                    recorded.append(r);
                }
                if (mismatch < 0 && (l == null || !l.equals(r))) {
                    mismatch = i;
                    loggedAtMismatch = r;
                    nowAtMismatch = l;
                }
                while (next < count && cps.get(next).size() == i + 1) {
                    Hash root = cps.get(next).rootHash();
                    eventsMatch[next] = computed.size() == i + 1 && computed.root().equals(root);
                    recordedMatch[next] = recorded.size() == i + 1 && recorded.root().equals(root);
                    next++;
                }
            }
        }
        long eventsRead = computed.size();

        int failed = -1;
        for (int j = 0; j < count; j++) {
            if (!eventsMatch[j]) {
                failed = j;
                break;
            }
        }
        if (failed < 0) {
            return new Verification.Intact(cps.get(count - 1));
        }
        for (int k = failed + 1; k < count; k++) {
            if (eventsMatch[k]) {
                return new Verification.CheckpointRejected("the checkpoints of size " + cps.get(failed).size()
                        + " and " + cps.get(k).size() + " are inconsistent: the log signed two histories");
            }
        }
        Checkpoint checkpoint = cps.get(failed);
        long from = failed == 0 ? 0 : cps.get(failed - 1).size();
        long to = checkpoint.size();

        long provenTo = -1; // recorded leaf hashes [0, provenTo) hash to a signed root
        for (int k = count - 1; k >= failed; k--) {
            if (recordedMatch[k]) {
                provenTo = cps.get(k).size();
                break;
            }
        }
        if (provenTo >= 0 && mismatch >= from && mismatch < to) {
            return located(checkpoint, mismatch, loggedAtMismatch, nowAtMismatch, provenTo, log);
        }
        String why = provenTo < 0
                ? "the store's recorded leaf hashes do not hash to a signed root (rewritten too, or not kept)"
                : "the recorded leaf hashes match a signed root but not the events' history";
        if (eventsRead < to) {
            return new Verification.DiffersWithin(checkpoint, from, eventsRead + 1, eventsRead,
                    "the store holds " + eventsRead + " of the " + to + " events the checkpoint signs; " + why);
        }
        return new Verification.DiffersWithin(checkpoint, from, to, eventsRead,
                "the events no longer hash to the root signed at size " + to + "; " + why);
    }

    /**
     * The first difference is at {@code p}, where {@code loggedHere} (proven) was logged and {@code
     * nowHere} (null past the store's end) stands: say what happened there.
     */
    private static Verification located(Checkpoint checkpoint, long p, Hash loggedHere, Hash nowHere, long provenTo,
                                        LogSource log) {
        if (nowHere == null) {
            return new Verification.Differs(checkpoint, p, Verification.Difference.MISSING,
                    "the store ends after " + p + " events; the checkpoint signs " + checkpoint.size());
        }
        long q = -1; // where the event now at p was logged
        try (Stream<Hash> rs = log.recordedLeafHashes().limit(provenTo)) {
            Iterator<Hash> it = rs.iterator();
            for (long i = 0; it.hasNext() && q < 0; i++) {
                if (it.next().equals(nowHere)) {
                    q = i;
                }
            }
        }
        long r = -1; // where the event logged at p stands now
        try (Stream<EventLeaf> es = log.events()) {
            Iterator<EventLeaf> it = es.iterator();
            for (long i = 0; it.hasNext() && r < 0; i++) {
                Hash h = it.next().leafHash();
                if (i > p && h.equals(loggedHere)) {
                    r = i;
                }
            }
        }
        boolean loggedLater = q > p;
        boolean standsLater = r > p;
        String here = "the event at " + p;
        String now = q < 0 ? here + " was never logged" : here + " was logged at " + q;
        String logged = r < 0 ? "the event logged at " + p + " is gone" : "the event logged at " + p + " now stands at " + r;
        Verification.Difference d;
        if (loggedLater && standsLater) {
            d = Verification.Difference.REORDERED;
        } else if (loggedLater) {
            d = Verification.Difference.DELETED;
        } else if (standsLater) {
            d = Verification.Difference.INSERTED;
        } else {
            d = Verification.Difference.CHANGED;
        }
        String detail = d == Verification.Difference.CHANGED && q < 0
                ? here + " is not the one logged there (altered or replaced)"
                : now + "; " + logged;
        return new Verification.Differs(checkpoint, p, d, detail);
    }

}
