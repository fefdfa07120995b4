package org.proposalledger.platform.transparency;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.proposalledger.api.audit.CheckpointPublished;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.transparency.Checkpoint;
import org.proposalledger.api.transparency.Hash;
import org.proposalledger.api.transparency.MerkleFrontier;
import org.proposalledger.api.transparency.NodeId;
import org.proposalledger.api.transparency.NoteSigner;
import org.proposalledger.api.transparency.Subtree;
import org.proposalledger.api.transparency.TreeHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps the log: one background thread that appends every newly stored event, in batches, each
 * batch one transaction holding the log's head row — so several processes may run a keeper on one
 * database and take turns — and signs a checkpoint at most every {@code checkpointInterval} when
 * the log grew (by more than its own announcements), or at once on request.
 * <p>
 * Why a follower and not the append transaction: the log needs one total order, and putting it in
 * each command's transaction would make every command of every command side wait for one lock
 * (the head row) for the rest of its transaction. Following the store costs a command nothing; the
 * price is that an event is logged a poll interval (200 ms by default) after it is stored, and a
 * checkpoint covers what was logged when it was signed. A store that already holds events is
 * logged the same way, in the background, at start.
 * <p>
 * Each checkpoint is stored in the log's table, copied to a file beside the key (outside the
 * database) and published as a {@link CheckpointPublished} event, so every consumer of the event
 * stream keeps it too.
 */
public class LogKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogKeeper.class);

    private final LogStore store;
    private final LogEvents events;
    private final NoteSigner signer;
    private final EventBus eventBus;
    private final Path checkpointFile;
    private final TransparencyProperties settings;
    private final Clock clock;
    private final Object wake = new Object();
    private final ConcurrentLinkedQueue<CompletableFuture<LogStore.Stored>> requests = new ConcurrentLinkedQueue<>();

    private volatile boolean running;
    private Thread thread;
    private MerkleFrontier frontier;
    /** One past the last logged event that is not a checkpoint announcement; unknown (max) after a start. */
    private long lastSubstantive = Long.MAX_VALUE;
    /** The first checkpoint after a start is due an interval later, like every other. */
    private Instant lastSigned;
    private volatile long size = -1;

    public LogKeeper(LogStore store, LogEvents events, NoteSigner signer, EventBus eventBus, Path checkpointFile,
                     TransparencyProperties settings, Clock clock) {
        this.store = store;
        this.events = events;
        this.signer = signer;
        this.eventBus = eventBus;
        this.checkpointFile = checkpointFile;
        this.settings = settings;
        this.clock = clock;
    }

    /** The log's size as this keeper last committed it (-1 before its first round). */
    public long size() {
        return size;
    }

    /** Signs a checkpoint of everything stored so far (after logging it), or gives the one of that size. */
    public CompletableFuture<LogStore.Stored> checkpointNow() {
        CompletableFuture<LogStore.Stored> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IllegalStateException("the transparency log keeper is not running"));
            return f;
        }
        requests.add(f);
        synchronized (wake) {
            wake.notifyAll();
        }
        return f;
    }

    @Override
    public void start() {
        lastSigned = clock.instant();
        running = true;
        thread = new Thread(this::run, "transparency-log-keeper");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CompletableFuture<LogStore.Stored> f;
        while ((f = requests.poll()) != null) {
            f.completeExceptionally(new IllegalStateException("the transparency log keeper stopped"));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after Axon's event store is up, before the web server takes requests
    }

    private void run() {
        long started = System.nanoTime();
        boolean caughtUpOnce = false;
        while (running) {
            // requests made before this round's appends: they are answered with everything stored before them
            List<CompletableFuture<LogStore.Stored>> serving = new ArrayList<>();
            for (CompletableFuture<LogStore.Stored> r; (r = requests.poll()) != null; ) {
                serving.add(r);
            }
            try {
                long before = size;
                boolean full = true;
                while (running && full) {
                    full = appendBatch();
                }
                if (!caughtUpOnce && size >= 0) {
                    caughtUpOnce = true;
                    log.info("Transparency log caught up with the event store: {} events ({} logged in {} ms)",
                            size, before < 0 ? size : size - before, (System.nanoTime() - started) / 1_000_000);
                }
                checkpoint(serving);
            } catch (RuntimeException e) {
                serving.forEach(r -> r.completeExceptionally(e));
                log.warn("Transparency log round failed, retrying: {}", e.toString());
            }
            synchronized (wake) {
                if (running && requests.isEmpty()) {
                    try {
                        wake.wait(Math.max(1, settings.pollInterval().toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** One batch in one transaction; true when the batch was full (more may be waiting). */
    boolean appendBatch() {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                long stored = store.lockHead(c);
                if (frontier == null || frontier.size() != stored) {
                    frontier = MerkleFrontier.of(treeOn(c, stored), stored); // another keeper appended, or a start
                    events.resync();
                }
                List<LogEvents.Stored> batch = events.next(c, settings.batchSize());
                if (batch.isEmpty()) {
                    c.commit();
                    events.committed();
                    size = stored;
                    return false;
                }
                MerkleFrontier f = frontier.copy();
                List<LogStore.Entry> entries = new ArrayList<>(batch.size());
                List<Subtree> nodes = new ArrayList<>(batch.size() * 2);
                long substantive = lastSubstantive;
                for (LogEvents.Stored s : batch) {
                    entries.add(new LogStore.Entry(f.size(), s.globalIndex(), s.leaf().eventId()));
                    nodes.addAll(f.append(s.leaf().leafHash()));
                    if (!s.isCheckpoint()) {
                        substantive = f.size();
                    }
                }
                store.append(c, entries, nodes, f.size());
                c.commit();
                frontier = f;
                lastSubstantive = lastSubstantive == Long.MAX_VALUE ? Long.MAX_VALUE : substantive;
                events.committed();
                size = f.size();
                return batch.size() >= settings.batchSize();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            frontier = null;
            events.resync();
            log.warn("Transparency log: appending failed, retrying: {}", e.toString());
            return false;
        }
    }

    private TreeHashes treeOn(Connection c, long treeSize) {
        return new TreeHashes() {
            public long size() {
                return treeSize;
            }

            public Hash subtree(long start, int level) {
                return subtrees(List.of(NodeId.at(start, level))).get(0);
            }

            public List<Hash> subtrees(List<NodeId> nodes) {
                try {
                    return store.subtrees(c, nodes);
                } catch (SQLException e) {
                    throw LogStore.unreadable(e);
                }
            }
        };
    }

    /** Signs when asked, or when due and the log grew by more than checkpoint announcements. */
    private void checkpoint(List<CompletableFuture<LogStore.Stored>> serving) {
        boolean asked = !serving.isEmpty();
        Instant now = clock.instant();
        boolean due = Duration.between(lastSigned, now).compareTo(settings.checkpointInterval()) >= 0;
        if (!asked && !due) {
            return;
        }
        LogStore.Stored signed;
        try {
            signed = sign(asked);
        } catch (SQLException | RuntimeException e) {
            serving.forEach(r -> r.completeExceptionally(e));
            log.warn("Transparency log: signing a checkpoint failed: {}", e.toString());
            return;
        }
        for (CompletableFuture<LogStore.Stored> r : serving) {
            if (signed != null) {
                r.complete(signed);
            } else {
                r.completeExceptionally(new IllegalStateException("no checkpoint could be signed"));
            }
        }
    }

    /** The checkpoint of the log as it is, signed now if needed; null when nothing is due. */
    private LogStore.Stored sign(boolean asked) throws SQLException {
        LogStore.Stored made;
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                long stored = store.lockHead(c);
                if (frontier == null || frontier.size() != stored) {
                    frontier = MerkleFrontier.of(treeOn(c, stored), stored); // another keeper appended meanwhile
                    events.resync();
                }
                Optional<LogStore.Stored> latest = store.latestCheckpoint(c);
                long latestSize = latest.map(LogStore.Stored::size).orElse(-1L);
                if (latestSize >= stored || (!asked && (stored == 0 || lastSubstantive <= latestSize))) {
                    c.rollback();
                    return latest.orElse(null);
                }
                Checkpoint cp = new Checkpoint(signer.name(), stored, frontier.root(), clock.instant());
                made = new LogStore.Stored(stored, cp.rootHash(), cp.time(), signer.verifier().encoded(), cp.sign(signer));
                store.saveCheckpoint(c, made);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        lastSigned = made.signedAt();
        if (lastSubstantive == Long.MAX_VALUE) {
            lastSubstantive = made.size();
        }
        keepCopy(made);
        eventBus.publish(new GenericEventMessage<>(new CheckpointPublished(made.size(), made.root().base64(), made.note()),
                Actor.SYSTEM.metaData(UUID.randomUUID().toString())));
        log.info("Transparency log checkpoint signed: {} events, root {}", made.size(), made.root().base64());
        return made;
    }

    /** The latest checkpoint also outside the database, beside the key: a rewrite of the tables cannot take it back. */
    private void keepCopy(LogStore.Stored cp) {
        try {
            Files.createDirectories(checkpointFile.toAbsolutePath().getParent());
            Path tmp = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
            Files.writeString(tmp, cp.note(), StandardCharsets.UTF_8);
            Files.move(tmp, checkpointFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Transparency log: could not keep the checkpoint copy {}: {}", checkpointFile, e.toString());
        }
    }
}
