package org.proposalledger.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.proposal.ProposalEvent;
import org.proposalledger.api.query.GetProposalHistory;
import org.proposalledger.api.query.ProposalHistory;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.mongo.DocumentMapper;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;
import org.proposalledger.query.core.ProposalIds;
import org.proposalledger.query.core.Viewer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers {@link GetProposalHistory} from the event store itself: the proposal's events read by
 * aggregate id (upcast to today's shapes), each with who did it, when, under which correlation id,
 * and its payload. The audit trail is then the record, not a copy of it — never behind, never
 * rebuilt, and one indexed read of a few rows however large the store grows. A history is visible
 * exactly when its proposal is, judged on the proposal as it stands, folded from the same events.
 */
@Component
public class HistoryQueries {

    private final EventStore eventStore;
    private final DocumentMapper mapper;
    private final ProposalFold fold = new ProposalFold();

    public HistoryQueries(EventStore eventStore, DocumentMapper mapper) {
        this.eventStore = eventStore;
        this.mapper = mapper;
    }

    @QueryHandler
    public ProposalHistory history(GetProposalHistory query, MetaData metaData) {
        if (!ProposalIds.isValid(query.proposalId())) {
            return null;
        }
        ProposalView now = null;
        List<ProposalHistory.Entry> entries = new ArrayList<>();
        // from the first event, never a snapshot: one read of the stream (and one wait, not two, when the store is away)
        DomainEventStream events = eventStore.readEvents(query.proposalId(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> e = events.next();
            if (!(e.getPayload() instanceof ProposalEvent event)) {
                continue; // another aggregate's stream (reference data shares the key space)
            }
            EventMeta meta = EventMeta.of(e.getSequenceNumber(), e.getTimestamp(), e.getMetaData());
            now = fold.apply(now, event, meta);
            if (query.includes(meta.timestamp())) {
                entries.add(new ProposalHistory.Entry(meta.sequence(), event.getClass().getSimpleName(),
                        meta.timestamp(), meta.actor(), meta.correlationId(), mapper.toMap(event)));
            }
        }
        if (now == null || !Viewer.fromMetaData(metaData).canSee(now)) {
            return null;
        }
        return new ProposalHistory(query.proposalId(), List.copyOf(entries));
    }
}
