package org.proposalledger.query.proposal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.projection.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code proposals} current: each event goes through {@link ProposalFold} on the batch's
 * copy of its document, which is written once when the batch ends.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class ProposalProjection {

    private static final Logger log = LoggerFactory.getLogger(ProposalProjection.class);

    private final ProposalStore store;
    private final ProposalFold fold = new ProposalFold();

    public ProposalProjection(ProposalStore store) {
        this.store = store;
    }

    @EventHandler
    public void on(ProposalEvent event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            // without its aggregate sequence an event cannot be applied idempotently
            log.warn("Ignoring {} {}: not an aggregate event", message.getPayloadType().getSimpleName(),
                    message.getIdentifier());
            return;
        }
        EventMeta meta = EventMeta.of(domain.getSequenceNumber(), message.getTimestamp(), message.getMetaData());
        DocumentBuffer<ProposalView> buffer = ProjectionBatch.current().buffer(ProposalStore.COLLECTION,
                () -> new DocumentBuffer<>(store.collection(), store::fromDocument, store::toDocument));
        String id = event.proposalId().value();
        ProposalView current = buffer.get(id);
        ProposalView next = fold.apply(current, event, meta);
        if (next != current) {
            buffer.put(id, next);
        }
    }

    @ResetHandler
    public void reset() {
        store.drop();
        store.ensureIndexes();
    }
}
