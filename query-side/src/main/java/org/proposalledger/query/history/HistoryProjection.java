package org.proposalledger.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.query.mongo.DocumentMapper;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.projection.Projections;
import org.proposalledger.query.proposal.EventMeta;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * The audit trail: every proposal event with who did it, when, under which correlation id,
 * and its payload as the same JSON the event store holds.
 */
@Component
@ProcessingGroup(Projections.GROUP)
public class HistoryProjection {

    private final HistoryStore store;
    private final DocumentMapper mapper;

    public HistoryProjection(HistoryStore store, DocumentMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @EventHandler
    public void on(ProposalEvent event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            return; // no aggregate sequence, no place in a proposal's history
        }
        EventMeta meta = EventMeta.of(domain.getSequenceNumber(), message.getTimestamp(), message.getMetaData());
        ProposalHistory.Entry entry = new ProposalHistory.Entry(meta.sequence(), event.getClass().getSimpleName(),
                meta.timestamp(), meta.actor(), meta.correlationId(), mapper.toMap(event));
        ProjectionBatch batch = ProjectionBatch.current();
        DocumentBuffer<Document> buffer = batch.buffer(HistoryStore.COLLECTION, () -> new DocumentBuffer<>(
                store.collection(), Function.identity(), Function.identity(), batch.aggregateIds()));
        String id = event.proposalId().value();
        Document current = buffer.get(id);
        Document next = store.append(current, id, entry);
        if (next != current) {
            buffer.put(id, next);
        }
    }

    @ResetHandler
    public void reset() {
        store.drop();
    }
}
