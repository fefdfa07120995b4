package org.proposalledger.query.proposal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.proposalledger.platform.LedgerProperties;
import org.proposalledger.query.dashboard.CounterBuffer;
import org.proposalledger.query.dashboard.CounterStore;
import org.proposalledger.query.dashboard.Coverage;
import org.proposalledger.query.dashboard.EventPositions;
import org.proposalledger.query.dashboard.DashboardUpdates;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.projection.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/**
 * Keeps {@code proposals} current: each event goes through {@link ProposalFold} on the batch's
 * copy of its document, which is written once when the batch ends. Every change of a
 * proposal also moves its contribution in the dashboard counters ({@link CounterBuffer}).
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class ProposalProjection {

    private static final Logger log = LoggerFactory.getLogger(ProposalProjection.class);

    private static final String SEGMENT_RESOURCE = "Processor[" + Projections.GROUP + "]/SegmentId";

    private final ProposalStore store;
    private final CounterStore counters;
    private final EventPositions positions;
    private final ZoneId zone;
    private final ProposalFold fold = new ProposalFold();

    private final DashboardUpdates updates;

    public ProposalProjection(ProposalStore store, CounterStore counters, EventPositions positions,
                              DashboardUpdates updates, LedgerProperties properties) {
        this.store = store;
        this.counters = counters;
        this.positions = positions;
        this.updates = updates;
        this.zone = properties.getZone();
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
        // created before the proposals' buffer so that it is flushed first (see CounterBuffer)
        CounterBuffer dashboard = batch.buffer(CounterStore.COUNTERS, () -> new CounterBuffer(counters, positions, zone, updates::changed));
        DocumentBuffer<ProposalView> buffer = batch.buffer(ProposalStore.COLLECTION,
                () -> new DocumentBuffer<>(store.collection(), store::fromDocument, store::toDocument,
                        batch.aggregateIds()));
        String id = event.proposalId().value();
        ProposalView current = buffer.get(id);
        ProposalView next = fold.apply(current, event, meta);
        if (next != current) {
            buffer.put(id, next);
            dashboard.record(current, next, message.getTimestamp(),
                    deadLetter != null ? CounterBuffer.Delivery.retried(message.getIdentifier()) : delivery(message),
                    segment());
        }
    }

    /**
     * The event's place in the stream for the counters' re-delivery check: the processor's token
     * after it (unwrapped from a replay token), and its position if the token tells it.
     */
    private static CounterBuffer.Delivery delivery(EventMessage<?> message) {
        TrackingToken token = message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        return new CounterBuffer.Delivery(message.getIdentifier(), Coverage.of(token), Coverage.exactPosition(token));
    }

    private static int segment() {
        Object id = CurrentUnitOfWork.get().root().getResource(SEGMENT_RESOURCE);
        return id instanceof Integer i ? i : 0;
    }

    @ResetHandler
    public void reset() {
        counters.drop();
        store.drop();
        store.ensureIndexes();
    }
}
