package org.proposalledger.api.audit;

import org.axonframework.serialization.Revision;

/**
 * The transparency log signed a checkpoint: the first {@code treeSize} events of the log have the
 * Merkle root {@code rootHash} (base64). {@code checkpoint} is the signed note itself (C2SP
 * tlog-checkpoint), so every consumer of the event stream — Axon-based apps and readers of the
 * event feed alike — keeps a copy outside the ledger's database and can later hold the ledger to
 * it (docs/transparency-log.md). Not an aggregate's event.
 */
@Revision("1")
public record CheckpointPublished(long treeSize, String rootHash, String checkpoint) {
}
