package org.proposalledger.platform.transparency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.proposalledger.api.error.CommandRejectedException;
import org.proposalledger.api.security.Actor;
import org.proposalledger.api.security.Role;
import org.proposalledger.api.transparency.EventLeaf;
import org.proposalledger.api.transparency.Hash;
import org.proposalledger.api.transparency.LeafFile;
import org.proposalledger.api.transparency.MerkleTree;
import org.proposalledger.api.transparency.NoteVerifier;
import org.proposalledger.api.transparency.TreeHashes;
import org.proposalledger.platform.security.CurrentActor;
import org.proposalledger.platform.web.InvalidParameter;
import org.proposalledger.platform.web.NotFoundException;
import org.proposalledger.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The log for outsiders: its public key, its signed checkpoints (C2SP signed notes, as text),
 * RFC 9162 inclusion and consistency proofs (hashes in base64), and the leaves as a
 * {@link LeafFile} export to verify offline. Signing on demand is the office's.
 */
@RestController
@RequestMapping("/api/v1")
public class TransparencyController {

    static final int MAX_LEAVES = 10_000;
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final LogStore store;
    private final LogEvents events;
    private final Supplier<NoteVerifier> key;
    private final ObjectProvider<LogKeeper> keeper;

    TransparencyController(LogStore store, LogEvents events, TransparencyConfig.LogKeys keys,
                           ObjectProvider<LogKeeper> keeper) {
        this.store = store;
        this.events = events;
        this.key = keys::verifier;
        this.keeper = keeper;
    }

    public record PublicKey(String origin, String vkey, String keyId, String algorithm, String publicKey) {
    }

    public record InclusionProof(String eventId, long leafIndex, long treeSize, String leafHash, String rootHash,
                                 List<String> auditPath) {
    }

    public record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash,
                                   List<String> consistencyPath) {
    }

    @GetMapping("/audit/public-key")
    public PublicKey publicKey() {
        NoteVerifier k = key.get();
        if (k == null) {
            throw new NotFoundException("This process has no transparency log key");
        }
        return new PublicKey(k.name(), k.encoded(), String.format("%08x", k.keyId()), "Ed25519",
                java.util.Base64.getEncoder().encodeToString(k.publicKey()));
    }

    @GetMapping(path = "/audit/checkpoints/latest", produces = MediaType.TEXT_PLAIN_VALUE)
    public String latest() {
        return store.latestCheckpoint().map(LogStore.Stored::note)
                .orElseThrow(() -> new NotFoundException("No checkpoint signed yet"));
    }

    @GetMapping(path = "/audit/checkpoints/{size}", produces = MediaType.TEXT_PLAIN_VALUE)
    public String bySize(@PathVariable @Min(0) long size) {
        return store.checkpoint(size).map(LogStore.Stored::note)
                .orElseThrow(() -> new NotFoundException("No checkpoint of tree size " + size));
    }

    @PostMapping(path = "/admin/checkpoints", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> signNow() throws InterruptedException {
        if (!CurrentActor.get().is(Role.OFFICE)) {
            throw CommandRejectedException.forbidden("office-only", "Only the office signs checkpoints on demand.");
        }
        LogKeeper k = keeper.getIfAvailable();
        if (k == null) {
            throw new UnsupportedOperationException("This process does not keep the transparency log");
        }
        try {
            LogStore.Stored cp = k.checkpointNow().get(30, TimeUnit.SECONDS);
            return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.TEXT_PLAIN).body(cp.note());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("No checkpoint could be signed: " + e.getMessage(), e);
        }
    }

    @GetMapping("/audit/proofs/inclusion")
    public InclusionProof inclusion(@RequestParam @Size(min = 1, max = 255) String eventId,
                                    @RequestParam(required = false) @Min(1) Long treeSize) {
        long position = store.positionOf(eventId)
                .orElseThrow(() -> new NotFoundException("No logged event " + eventId));
        long size = treeSize != null ? treeSize : store.latestCheckpoint().map(LogStore.Stored::size).orElse(store.size());
        TreeHashes tree = tree("treeSize", size);
        if (position >= size) {
            throw new InvalidParameter("treeSize", "must be above " + position
                    + ", the event's position in the log (it is not in a tree of " + size + " events)");
        }
        List<Hash> path = MerkleTree.inclusionProof(tree, position, size);
        Hash leaf = tree.subtree(position, 0);
        return new InclusionProof(eventId, position, size, leaf.base64(), MerkleTree.root(tree, size).base64(),
                path.stream().map(Hash::base64).toList());
    }

    @GetMapping("/audit/proofs/consistency")
    public ConsistencyProof consistency(@RequestParam @Min(1) long from, @RequestParam @Min(1) long to) {
        if (from > to) {
            throw new InvalidParameter("from", "must not exceed to (" + to + ")");
        }
        TreeHashes tree = tree("to", to);
        List<Hash> proof = MerkleTree.consistencyProof(tree, from, to);
        return new ConsistencyProof(from, to, MerkleTree.root(tree, from).base64(), MerkleTree.root(tree, to).base64(),
                proof.stream().map(Hash::base64).toList());
    }

    /** The events as stored now, in log order, each with the leaf hash the log recorded at that position. */
    @GetMapping(path = "/audit/leaves", produces = "application/x-ndjson")
    public ResponseEntity<String> leaves(@RequestParam(defaultValue = "0") @Min(0) long from,
                                         @RequestParam(defaultValue = "1000") @Min(1) @Max(MAX_LEAVES) int limit) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.OFFICE) && !actor.is(Role.SUPERVISOR) && !actor.is(Role.READER)) {
            throw CommandRejectedException.forbidden("readers-only",
                    "Only the office, supervisors and readers export the log.");
        }
        StringBuilder out = new StringBuilder();
        List<Hash> recorded = store.leafHashes(from, limit);
        try (Stream<EventLeaf> s = events.inLogOrder(from)) {
            Iterator<EventLeaf> it = s.limit(limit).iterator();
            for (int i = 0; it.hasNext(); i++) {
                out.append(LeafFile.format(it.next(), i < recorded.size() ? recorded.get(i) : null)).append('\n');
            }
        }
        return ResponseEntity.ok().contentType(NDJSON).body(out.toString());
    }

    private TreeHashes tree(String parameter, long size) {
        long stored = store.size();
        if (size > stored) {
            throw new InvalidParameter(parameter, "must not exceed the log's size, " + stored);
        }
        return store.at(size);
    }

    @ExceptionHandler(UnsupportedOperationException.class)
    ProblemDetail unavailable(UnsupportedOperationException e) {
        return Problems.of(HttpStatus.NOT_IMPLEMENTED, e.getMessage(), "transparency-log-unavailable");
    }
}
