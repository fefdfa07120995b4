package org.proposalledger.query.proposal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;
import org.proposalledger.query.projection.Delivery;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.projection.ProposalChange;
import org.proposalledger.query.projection.ProposalChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps {@code proposals} current: each event goes through {@link ProposalFold} on the batch's
 * copy of its document, which is written once when the batch ends. Every change of a proposal is
 * also told to each {@link ProposalChangeListener} (the dashboard counters), whose buffers the
 * batch writes before the proposals' ({@link ProjectionBatch.Order#DERIVED}).
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class ProposalProjection {

    private static final Logger log = LoggerFactory.getLogger(ProposalProjection.class);

    private static final String SEGMENT_RESOURCE = "Processor[" + Projections.GROUP + "]/SegmentId";

    private final ProposalStore store;
    private final List<ProposalChangeListener> listeners;
    private final ProposalFold fold = new ProposalFold();

    public ProposalProjection(ProposalStore store, ObjectProvider<ProposalChangeListener> listeners) {
        this.store = store;
        this.listeners = listeners.orderedStream().toList();
    }

    /** {@code deadLetter}: the dead letter being retried, null for an event delivered by the processor. */
    @EventHandler
    public void on(ProposalEvent event, EventMessage<?> message, DeadLetter<?> deadLetter) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            // without its aggregate sequence an event cannot be applied idempotently
            log.warn("Ignoring {} {}: not an aggregate event", message.getPayloadType().getSimpleName(),
                    message.getIdentifier());
            return;
        }
        EventMeta meta = EventMeta.of(domain.getSequenceNumber(), message.getTimestamp(), message.getMetaData());
        ProjectionBatch batch = ProjectionBatch.current();
        DocumentBuffer<ProposalView> buffer = batch.buffer(ProposalStore.COLLECTION,
                () -> new DocumentBuffer<>(store.collection(), store::fromDocument, store::toDocument,
                        batch.aggregateIds()));
        String id = event.proposalId().value();
        ProposalView current = buffer.get(id);
        ProposalView next = fold.apply(current, event, meta);
        if (next != current) {
            buffer.put(id, next);
            ProposalChange change = new ProposalChange(current, next, message.getTimestamp(),
                    deadLetter != null ? Delivery.retried(message.getIdentifier()) : Delivery.of(message), segment());
            for (ProposalChangeListener listener : listeners) {
                ProposalChangeListener.Buffer derived = batch.buffer(ProjectionBatch.Order.DERIVED,
                        listener.bufferName(), listener::newBuffer);
                derived.changed(change);
            }
        }
    }

    private static int segment() {
        Object id = CurrentUnitOfWork.get().root().getResource(SEGMENT_RESOURCE);
        return id instanceof Integer i ? i : 0;
    }

    @ResetHandler
    public void reset() {
        listeners.forEach(ProposalChangeListener::reset);
        store.drop();
        store.ensureIndexes();
    }
}
