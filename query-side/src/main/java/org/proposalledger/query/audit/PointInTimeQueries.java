package org.proposalledger.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.proposalledger.api.query.GetProposalStateAt;
import org.proposalledger.api.query.ProposalView;
import org.proposalledger.query.core.EventMeta;
import org.proposalledger.query.core.ProposalFold;
import org.proposalledger.query.core.ProposalIds;
import org.proposalledger.query.core.Viewer;
import org.springframework.stereotype.Component;

/**
 * A proposal as it stood then: its events read from the event store by aggregate id (upcast to
 * today's shapes) and folded by {@link ProposalFold}, the same code that builds the read model.
 * Visibility is judged on the proposal as it stands now, folded from the same events, so the
 * answer never waits for the projection and follows the rules of {@code GET /proposals/{id}}.
 */
@Component
public class PointInTimeQueries {

    private final EventStore eventStore;
    private final ProposalFold fold = new ProposalFold();

    public PointInTimeQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The state then and the state now, from one read of the stream. */
    public record States(ProposalView then, ProposalView now) {
    }

    public States states(String proposalId, java.time.Instant asOf, Long sequence) {
        ProposalView then = null;
        ProposalView now = null;
        DomainEventStream events = eventStore.readEvents(proposalId, 0); // every event, never a snapshot
        while (events.hasNext()) {
            DomainEventMessage<?> e = events.next();
            now = fold.apply(now, e.getPayload(), EventMeta.of(e.getSequenceNumber(), e.getTimestamp(), e.getMetaData()));
            boolean included = sequence != null ? e.getSequenceNumber() <= sequence : !e.getTimestamp().isAfter(asOf);
            if (included) {
                then = now;
            }
        }
        return new States(then, now);
    }

    /** The proposal as it stands, folded from its events; null when it has none. */
    public ProposalView current(String proposalId) {
        return states(proposalId, null, Long.MAX_VALUE).now();
    }

    @QueryHandler
    public ProposalView stateAt(GetProposalStateAt query, MetaData metaData) {
        if (!ProposalIds.isValid(query.proposalId())) {
            return null;
        }
        States states = states(query.proposalId(), query.asOf(), query.sequence());
        Viewer viewer = Viewer.fromMetaData(metaData);
        if (!viewer.canSee(states.now())) {
            return null;
        }
        return states.then();
    }
}
