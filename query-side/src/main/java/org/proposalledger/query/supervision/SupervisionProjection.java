package org.proposalledger.query.supervision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.mongo.DocumentMapper;
import org.proposalledger.query.projection.DocumentBuffer;
import org.proposalledger.query.projection.ProjectionBatch;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Feeds the supervision documents. Its own processor with ONE segment: a unit's to-do document
 * and a session's board collect entries of many proposals, and two segments writing the same
 * document from different batches would lose each other's updates. It keeps its own copy of each
 * proposal's view ({@code supervision_proposals}), folded by the same {@link ProposalFold}, so the
 * before/after diff never depends on how far the proposals processor has got.
 */
@Component
@ProcessingGroup(SupervisionProjection.GROUP)
public class SupervisionProjection {

    public static final String GROUP = "supervision-views";
    static final String VIEWS = "supervision_proposals";

    private final MongoTemplate mongo;
    private final DocumentMapper mapper;
    private final SupervisionUpdater updater;
    private final SupervisionStore store;
    private final ProposalFold fold = new ProposalFold();

    public SupervisionProjection(MongoTemplate mongo, DocumentMapper mapper, SupervisionUpdater updater,
                                 SupervisionStore store) {
        this.mongo = mongo;
        this.mapper = mapper;
        this.updater = updater;
        this.store = store;
    }

    @EventHandler
    public void on(ProposalEvent event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            return; // without its sequence an event cannot be applied idempotently
        }
        EventMeta meta = EventMeta.of(domain.getSequenceNumber(), message.getTimestamp(), message.getMetaData());
        // The to-do lists and boards are written before the views (ProjectionBatch.Order.DERIVED): if
        // the process dies between the writes, the re-delivered events find the old views and recompute
        // the same changes (each proposal's entries are replaced, not added to).
        DocumentBuffer<ProposalView> views = ProjectionBatch.current().buffer(VIEWS,
                () -> new DocumentBuffer<>(mongo.getCollection(VIEWS),
                        d -> mapper.fromDocument(d, "id", ProposalView.class), v -> mapper.toDocument(v, "id")));
        String id = event.proposalId().value();
        ProposalView current = views.get(id);
        ProposalView next = fold.apply(current, event, meta);
        if (next != current) {
            views.put(id, next);
            updater.update(current, next);
        }
    }

    @ResetHandler
    public void reset() {
        mongo.dropCollection(VIEWS);
        store.drop();
    }
}
